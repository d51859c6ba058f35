package org.resetflow.passwordpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resetflow.directory.OnPremisesPolicyRejectedException;
import org.springframework.core.io.ClassPathResource;

/** Every code the user can meet has a message in plain words, in English and in German. */
class PasswordPolicyMessagesTest {

    private static Properties bundle(String file) throws IOException {
        Properties messages = new Properties();
        try (Reader reader = new InputStreamReader(new ClassPathResource("messages/" + file).getInputStream(), StandardCharsets.UTF_8)) {
            messages.load(reader);
        }
        return messages;
    }

    private static List<String> requiredKeys() {
        List<String> keys = new ArrayList<>();
        for (PasswordRule rule : PasswordRule.values()) {
            keys.add(Violation.of(rule).messageCode());
        }
        for (OnPremisesPolicyRejectedException.Reason reason : OnPremisesPolicyRejectedException.Reason.values()) {
            keys.add("password.onpremises." + reason.name());
            keys.add("password.cloud." + reason.name());
        }
        new PasswordPolicy(PasswordPolicyTest.defaults()).describe().forEach(rule -> keys.add(rule.messageCode()));
        new PasswordPolicy(NistPresetTest.nist(true)).describe().forEach(rule -> keys.add(rule.messageCode()));
        return keys;
    }

    @ParameterizedTest
    @ValueSource(strings = {"passwordpolicy.properties", "passwordpolicy_de.properties"})
    void hasAMessageForEveryCodeThatFormats(String file) throws IOException {
        Properties messages = bundle(file);

        for (String key : requiredKeys()) {
            assertThat(messages.getProperty(key)).as(key).isNotBlank();
            String formatted = new MessageFormat(messages.getProperty(key), Locale.ROOT).format(new Object[] {8, 8});
            assertThat(formatted).as(key).doesNotContain("{").doesNotContain("'");
        }
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertThat(bundle("passwordpolicy_de.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(bundle("passwordpolicy.properties").stringPropertyNames());
    }

    @Test
    void germanIsReadAsUtf8() throws IOException {
        Properties german = bundle("passwordpolicy_de.properties");

        assertThat(german.getProperty("password.rule.TOO_LONG")).isEqualTo("Verwenden Sie höchstens {0} Zeichen.");
        assertThat(german.getProperty("password.rule.NOT_ENOUGH_CHARACTER_CLASSES")).contains("Großbuchstaben");
    }

    @Test
    void saysWhichBannedTermsAndNamesItFound() throws IOException {
        PasswordPolicy withCustomList = new PasswordPolicy(new PasswordPolicyProperties(8, 128, 3,
                PasswordPolicyTest.defaults().bannedPasswords(), List.of("Contoso"), true, true));
        PasswordCheck check = withCustomList.check("C0ntos0Dragon1", null, PasswordPolicyTest.ALICE);
        Violation banned = check.violations().get(0);
        Violation name = withCustomList.check("Alice-Kettle-9", null, PasswordPolicyTest.ALICE).violations().get(0);

        assertThat(format("passwordpolicy.properties", banned, Locale.ENGLISH))
                .startsWith("Your password is built on words that are easy to guess: Contoso, dragon1.")
                .contains("yours has 2");
        assertThat(format("passwordpolicy_de.properties", banned, Locale.GERMAN))
                .startsWith("Ihr Passwort besteht aus leicht zu erratenden Wörtern: Contoso, dragon1.")
                .contains("Ihres hat 2");
        assertThat(format("passwordpolicy.properties", name, Locale.ENGLISH)).endsWith("(found: Alice).");
        assertThat(format("passwordpolicy_de.properties", name, Locale.GERMAN)).endsWith("(gefunden: Alice).");
    }

    private static String format(String file, Violation violation, Locale locale) throws IOException {
        return new MessageFormat(bundle(file).getProperty(violation.messageCode()), locale).format(violation.messageArguments());
    }

    @Test
    void putsTheMainParameterIntoTheMessage() throws IOException {
        Violation tooShort = new PasswordPolicy(PasswordPolicyTest.defaults()).check("Kx7!mQ", null, null).violations().get(0);

        String english = new MessageFormat(bundle("passwordpolicy.properties").getProperty(tooShort.messageCode()), Locale.ENGLISH)
                .format(tooShort.messageArguments());

        assertThat(english).isEqualTo("Use at least 8 characters.");
    }
}
