package org.resetflow.portal;

import org.resetflow.staff.StaffSignIn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

@Configuration(proxyBeanMethods = false)
class PortalWebConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver(PortalProperties portal) {
        return new PortalLocaleResolver(portal.secureCookies());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor remember = new LocaleChangeInterceptor();
        remember.setParamName(PortalLocaleResolver.PARAMETER);
        remember.setIgnoreInvalidLocale(true);
        registry.addInterceptor(remember).addPathPatterns("/", "/reset/**", "/unlock/**", "/register/**", "/not-me/**", StaffSignIn.PATH);
    }
}
