package org.resetflow.bench.ceiling;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A Camunda Spring Boot application with ResetFlow's starters and engine settings and none of its code: the
 * baseline for start-up time and memory, and the host of the ceiling's windows when {@code bench.ceiling.models} is set.
 */
@SpringBootApplication
public class BareCamundaApplication {

    /**
     * Only the health probe is open, as in ResetFlow (the driver polls it to time the start-up), and the ceiling's
     * windows, which the driver asks for; the driver binds the application to the loopback address.
     */
    @Bean
    SecurityFilterChain bareSecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/ceiling/**").permitAll()
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/ceiling/**"))
                .httpBasic(Customizer.withDefaults())
                .build();
    }
}
