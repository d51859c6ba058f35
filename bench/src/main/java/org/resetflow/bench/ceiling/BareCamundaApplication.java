package org.resetflow.bench.ceiling;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A Camunda Spring Boot application with ResetFlow's starters and engine settings and none of its code: the
 * baseline for start-up time, and the host of the ceiling run when {@code bench.ceiling.output} is set.
 */
@SpringBootApplication
public class BareCamundaApplication {

    /** Only the health probe is open, as in ResetFlow; the driver polls it to time the start-up. */
    @Bean
    SecurityFilterChain bareSecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .build();
    }
}
