package org.resetflow.config;

import jakarta.servlet.DispatcherType;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Errors that reach no ResetFlow handler by themselves get the portal's error page too. */
@Configuration(proxyBeanMethods = false)
class ErrorPagesConfiguration {

    /**
     * Right after the request guard: the webapps' addresses that Camunda would answer with a 500 are 404. The engine is
     * asked for its name at the first request: a filter is created with the web server, before the database's own
     * migrations have run, which the engine must not overtake.
     */
    @Bean
    FilterRegistrationBean<CamundaWebappAddresses> camundaWebappAddresses(ObjectProvider<ProcessEngine> engine) {
        FilterRegistrationBean<CamundaWebappAddresses> registration = new FilterRegistrationBean<>(
                new CamundaWebappAddresses(() -> engine.getObject().getName()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns(CamundaWebappAddresses.WEBAPP_PATH + "/app/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}
