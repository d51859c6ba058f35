package org.resetflow.recoveryinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

class SecurityAnswersPropertiesTest {

    private static final ValidatorFactory validatorFactory = Validation.buildDefaultValidatorFactory();

    @AfterAll
    static void closeValidatorFactory() {
        validatorFactory.close();
    }

    private static SecurityAnswersProperties bind(Map<String, String> settings) {
        Binder binder = new Binder(new MapConfigurationPropertySource(settings));
        return binder.bindOrCreate("resetflow.security-answers", Bindable.of(SecurityAnswersProperties.class),
                new ValidationBindHandler(new SpringValidatorAdapter(validatorFactory.getValidator())));
    }

    @Test
    void theDefaultsAreOwaspsMinimumForArgon2id() {
        SecurityAnswersProperties defaults = bind(Map.of());

        assertThat(defaults.memoryKib()).as("19 MiB").isEqualTo(19 * 1024);
        assertThat(defaults.iterations()).isEqualTo(2);
        assertThat(defaults.parallelism()).isEqualTo(1);
        assertThat(defaults.queueCapacity()).isEqualTo(16);
        assertThat(defaults).isEqualTo(SecurityAnswersProperties.DEFAULTS);
    }

    @Test
    void theCostMayGoUp() {
        SecurityAnswersProperties higher = bind(Map.of("resetflow.security-answers.memory-kib", "65536",
                "resetflow.security-answers.iterations", "3", "resetflow.security-answers.queue-capacity", "64"));

        assertThat(higher.memoryKib()).isEqualTo(65536);
        assertThat(higher.iterations()).isEqualTo(3);
        assertThat(higher.parallelism()).isEqualTo(1);
        assertThat(higher.queueCapacity()).isEqualTo(64);
    }

    @ParameterizedTest
    @CsvSource({"memory-kib, 16384", "iterations, 1", "parallelism, 0"})
    void aCostBelowOwaspsMinimumStopsTheStartAndSaysWhy(String setting, String value) {
        assertThatThrownBy(() -> bind(Map.of("resetflow.security-answers." + setting, value)))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("below OWASP's minimum")
                .hasMessageContaining(setting + "=" + value)
                .hasMessageContaining("memory-kib=19456, iterations=2, parallelism=1");
    }

    @Test
    void anEmptyQueueIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("resetflow.security-answers.queue-capacity", "0")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("queue-capacity");
    }
}
