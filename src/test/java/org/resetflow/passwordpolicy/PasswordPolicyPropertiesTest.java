package org.resetflow.passwordpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.SpringFactoriesLoader;
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

        assertThat(properties.preset()).isEqualTo(PasswordPreset.ENTRA);
        assertThat(properties.singleFactor()).isTrue();
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
    void theNistPresetSetsItsOwnDefaults() {
        PasswordPolicyProperties onlyFactor = bind(Map.of("resetflow.password-policy.preset", "nist"));
        PasswordPolicyProperties partOfMfa = bind(Map.of("resetflow.password-policy.preset", "nist",
                "resetflow.password-policy.single-factor", "false"));

        assertThat(onlyFactor.preset()).isEqualTo(PasswordPreset.NIST);
        assertThat(onlyFactor.minLength()).isEqualTo(15);
        assertThat(onlyFactor.maxLength()).isEqualTo(128);
        assertThat(onlyFactor.characterClasses()).isZero();
        assertThat(partOfMfa.minLength()).isEqualTo(8);
        assertThat(bind(Map.of("resetflow.password-policy.preset", "nist", "resetflow.password-policy.min-length", "20")).minLength())
                .isEqualTo(20);
    }

    @Test
    void refusesSettingsThatBreakTheNistPreset() {
        assertThatThrownBy(() -> bind(Map.of("resetflow.password-policy.preset", "nist", "resetflow.password-policy.character-classes", "3")))
                .cause().hasMessageContaining("the nist preset imposes no composition rules");
        assertThatThrownBy(() -> bind(Map.of("resetflow.password-policy.preset", "nist", "resetflow.password-policy.min-length", "12")))
                .cause().hasMessageContaining("min-length of at least 15");
        assertThatThrownBy(() -> bind(Map.of("resetflow.password-policy.preset", "nist", "resetflow.password-policy.max-length", "40")))
                .cause().hasMessageContaining("max-length of at least 64");
    }

    @Test
    void refusesACustomListBeyondEntrasLimits() {
        String thousandAndOne = IntStream.rangeClosed(1, 1001).mapToObj(i -> "term" + i).collect(Collectors.joining(","));

        assertThatThrownBy(() -> bind(Map.of("resetflow.password-policy.additional-banned-words", thousandAndOne)))
                .cause().hasMessageContaining("the custom banned list holds at most 1000 terms");
        assertThatThrownBy(() -> bind(Map.of("resetflow.password-policy.additional-banned-words", "Contoso,SeventeenCharacters")))
                .cause().hasMessageContaining("each additional banned word needs at least 4 characters and at most 16");
        assertThat(bind(Map.of("resetflow.password-policy.additional-banned-words",
                IntStream.rangeClosed(1, 1000).mapToObj(i -> "term" + i).collect(Collectors.joining(",")))).additionalBannedWords()).hasSize(1000);
    }

    /**
     * What the operator reads when the start stops: Spring Boot's failure analysis of the binding failure, naming the
     * setting, its value and why, without a stack trace.
     */
    @Test
    void aBadCustomListStopsTheStartWithAClearMessage() {
        Throwable failure = catchThrowable(() -> bind(Map.of("resetflow.password-policy.additional-banned-words", "Contoso,IBM")));

        FailureAnalysis analysis = analyse(failure);

        assertThat(analysis.getDescription())
                .contains("Property: resetflow.password-policy.additionalBannedWords[1]")
                .contains("\"IBM\"")
                .contains("each additional banned word needs at least 4 characters and at most 16");
        assertThat(analysis.getAction()).contains("Update your application's configuration");
    }

    /** The failure analysers Spring Boot applies at start-up; those that need a running context are left out. */
    private static FailureAnalysis analyse(Throwable failure) {
        return SpringFactoriesLoader.forDefaultResourceLocation(PasswordPolicyPropertiesTest.class.getClassLoader())
                .load(FailureAnalyzer.class, SpringFactoriesLoader.FailureHandler.handleMessage((message, cause) -> { })).stream()
                .map(analyzer -> analyzer.analyze(failure))
                .filter(Objects::nonNull)
                .findFirst().orElseThrow();
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
