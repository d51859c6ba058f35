package org.resetflow.passwordpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/** Binds {@code resetflow.password-policy.*} as Spring Boot does at start-up, without an application context. */
class PasswordPolicyPropertiesTest {

    private static final ValidatorFactory validatorFactory = Validation.buildDefaultValidatorFactory();

    @AfterAll
    static void closeValidatorFactory() {
        validatorFactory.close();
    }

    private static PasswordPolicyProperties bind(Map<String, String> settings) {
        Binder binder = new Binder(new MapConfigurationPropertySource(settings));
        return binder.bindOrCreate("resetflow.password-policy", Bindable.of(PasswordPolicyProperties.class),
                new ValidationBindHandler(new SpringValidatorAdapter(validatorFactory.getValidator())));
    }

    @Test
    void hasDocumentedDefaults() {
        PasswordPolicyProperties properties = bind(Map.of());

        assertThat(properties.minLength()).isEqualTo(8);
        assertThat(properties.maxLength()).isEqualTo(128);
        assertThat(properties.characterClasses()).isEqualTo(3);
        assertThat(properties.bannedPasswords()).isEqualTo(new ClassPathResource("passwordpolicy/banned-passwords.txt"));
        assertThat(properties.bannedPasswords().exists()).isTrue();
        assertThat(properties.additionalBannedWords()).isEmpty();
        assertThat(properties.rejectNames()).isTrue();
    }

    @Test
    void bindsSettings() {
        PasswordPolicyProperties properties = bind(Map.of(
                "resetflow.password-policy.min-length", "12",
                "resetflow.password-policy.character-classes", "4",
                "resetflow.password-policy.additional-banned-words", "Contoso,Fabrikam",
                "resetflow.password-policy.reject-names", "false"));

        assertThat(properties.minLength()).isEqualTo(12);
        assertThat(properties.characterClasses()).isEqualTo(4);
        assertThat(properties.additionalBannedWords()).containsExactly("Contoso", "Fabrikam");
        assertThat(properties.rejectNames()).isFalse();
    }

    @Test
    void refusesMinLengthAboveMaxLength() {
        assertThatThrownBy(() -> bind(Map.of(
                "resetflow.password-policy.min-length", "20",
                "resetflow.password-policy.max-length", "16")))
                .isInstanceOf(BindException.class)
                .cause().isInstanceOf(BindValidationException.class)
                .hasMessageContaining("min-length must not be greater than max-length");
    }

    @Test
    void refusesOutOfRangeValues() {
        assertThatThrownBy(() -> bind(Map.of("resetflow.password-policy.min-length", "4")))
                .cause().hasMessageContaining("minLength");
        assertThatThrownBy(() -> bind(Map.of("resetflow.password-policy.character-classes", "5")))
                .cause().hasMessageContaining("characterClasses");
        assertThatThrownBy(() -> bind(Map.of("resetflow.password-policy.max-length", "1000")))
                .cause().hasMessageContaining("maxLength");
        assertThatThrownBy(() -> bind(Map.of("resetflow.password-policy.additional-banned-words", "IBM")))
                .cause().hasMessageContaining("each additional banned word needs at least 4 characters");
    }

    @Test
    void failsClearlyWhenTheBannedPasswordListIsMissing() {
        PasswordPolicyProperties missingList = bind(Map.of("resetflow.password-policy.banned-passwords", "classpath:nowhere/banned.txt"));

        assertThatThrownBy(() -> new PasswordPolicy(missingList))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nowhere/banned.txt")
                .hasMessageContaining("resetflow.password-policy.banned-passwords");
    }
}
