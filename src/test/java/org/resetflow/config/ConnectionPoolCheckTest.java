package org.resetflow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

/** The pool must outnumber the jobs that may each wait for a second connection (the H2 stall of the benchmark at N = 32). */
class ConnectionPoolCheckTest {

    @Test
    void theShippedPoolOutnumbersTheJobExecutorInEveryProfile() throws IOException {
        for (String file : new String[] {"application.yml", "application-postgres.yml", "application-embedded.yml"}) {
            MockEnvironment environment = new MockEnvironment();
            environment.getPropertySources().addFirst(new YamlPropertySourceLoader().load("base", new ClassPathResource("application.yml")).get(0));
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(file, new ClassPathResource(file))) {
                environment.getPropertySources().addFirst(source);
            }
            String poolSize = environment.resolvePlaceholders("${" + ConnectionPoolCheck.POOL_SIZE + "}");
            assertThat(Integer.parseInt(poolSize)).as(file).isGreaterThan(ConnectionPoolCheck.CAMUNDA_DEFAULT);
            assertThatCode(() -> new ConnectionPoolCheck(environment)).as(file).doesNotThrowAnyException();
        }
    }

    @Test
    void hikarisDefaultPoolBesideCamundasDefaultJobExecutorIsRefusedNamingBothSettings() {
        assertThatThrownBy(() -> new ConnectionPoolCheck(new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.datasource.hikari.maximum-pool-size (10) must be larger than camunda.bpm.job-execution.max-pool-size (10)");
    }

    @Test
    void aPoolOneLargerThanTheJobThreadsIsEnough() {
        assertThat(ConnectionPoolCheck.problem(11, 10)).isEmpty();
        assertThat(ConnectionPoolCheck.problem(4, 4)).isPresent();
        assertThatCode(() -> new ConnectionPoolCheck(new MockEnvironment()
                .withProperty(ConnectionPoolCheck.POOL_SIZE, "6").withProperty(ConnectionPoolCheck.JOB_THREADS, "5"))).doesNotThrowAnyException();
    }

    @Test
    void aPoolSizeThatIsNoNumberIsAClearStartUpError() {
        assertThatThrownBy(() -> new ConnectionPoolCheck(new MockEnvironment().withProperty(ConnectionPoolCheck.POOL_SIZE, "lots")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("spring.datasource.hikari.maximum-pool-size must be a whole number, not 'lots'");
    }
}
