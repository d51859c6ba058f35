package org.resetflow.config;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.resetflow.portal.PortalProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may reach what. The public journey API and the portal are open; every staff surface needs a sign-in:
 * {@code /engine-rest} through Camunda's HTTP Basic filter against the engine's identity service, the Camunda
 * webapps through their own login, {@code /staff/api} through HTTP Basic for helpdesk administrators.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CSP_API = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain publicApi(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/**", "/dev/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                // The API is driven by a bearer secret in a header that browsers never send on their own.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP_API))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny()))
                .build();
    }

    /**
     * The portal: open pages, CSRF tokens on every form (a cookie, not a session, so any node can check them), and a
     * Content-Security-Policy without inline script or style.
     */
    @Bean
    @Order(2)
    SecurityFilterChain portal(HttpSecurity http, PortalProperties portal) throws Exception {
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieName("rf_csrf");
        csrfTokens.setCookieCustomizer(cookie -> cookie.httpOnly(true).secure(portal.secureCookies()).sameSite("Strict").path("/"));
        String images = ("'self' data: " + portal.logoOrigin()).trim();
        return http.securityMatcher("/", "/reset/**", "/unlock/**", "/register/**", "/portal/**", "/reset", "/unlock", "/register")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; style-src 'self'; img-src "
                                + images + "; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny()))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain staffApi(HttpSecurity http, StaffAuthentication staffAuthentication) throws Exception {
        return http.securityMatcher("/staff/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(StaffAuthentication.HELPDESK))
                .authenticationProvider(staffAuthentication)
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP_API))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        // Camunda authenticates these itself: the REST filter below and the webapps' own login.
                        .requestMatchers("/engine-rest/**", "/camunda/**").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/error").permitAll()
                        .anyRequest().denyAll())
                // The webapps bring their own CSRF protection (Camunda's CsrfPreventionFilter); the REST API uses Basic auth.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/engine-rest/**", "/camunda/**"))
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /** {@code /engine-rest} requires HTTP Basic sign-in of a staff user known to the engine's identity service. */
    @Bean
    FilterRegistrationBean<Filter> engineRestAuthentication() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-rest-authentication");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }
}
