package org.resetflow.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resetflow.directory.Account;
import org.resetflow.directory.IdentitySource;
import org.resetflow.passwordpolicy.PasswordCheck;
import org.resetflow.passwordpolicy.PasswordPolicy;
import org.resetflow.passwordpolicy.PasswordPolicyProperties;
import org.resetflow.passwordpolicy.PasswordPreset;
import org.resetflow.passwordpolicy.PasswordRule;
import org.resetflow.passwordpolicy.Violation;
import org.resetflow.secret.SecretVault;
import org.resetflow.secret.SecurityProperties;
import org.resetflow.secret.ServerSecret;
import org.resetflow.testing.MutableClock;
import org.resetflow.testing.TestDatabases;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

class TemporaryPasswordsTest {

    static final Account CAROL = new Account("carol", "uid=carol,ou=people,dc=example,dc=org", "Carol Martinez", "Carol", "Martinez",
            "carol@example.org", IdentitySource.CLOUD, null, false);
    static final PasswordPolicy DEFAULT_POLICY = new PasswordPolicy(new PasswordPolicyProperties(8, 128, 3,
            new ClassPathResource("passwordpolicy/banned-passwords.txt"), List.of(), true, true));

    final MutableClock clock = MutableClock.atSomeMoment();
    final SecretVault vault = new SecretVault(JdbcClient.create(TestDatabases.migratedH2()),
            new ServerSecret(new SecurityProperties("a-test-secret-that-is-long-enough-0123456789", null)), clock);
    final TemporaryPasswords temporaryPasswords = new TemporaryPasswords(DEFAULT_POLICY, vault);

    @Test
    void aTemporaryPasswordHasSixteenCharactersOfAllFourClassesAndNoLookAlikes() {
        for (int i = 0; i < 50; i++) {
            String password = temporaryPasswords.generate(CAROL);

            assertThat(password).hasSize(16)
                    .containsPattern("[A-Z]").containsPattern("[a-z]").containsPattern("[0-9]").containsPattern("[-.!#%+=]")
                    .doesNotContainPattern("[0O1lI]")
                    .matches("[A-Za-z2-9\\-.!#%+=]{16}");
            assertThat(DEFAULT_POLICY.check(password, null, CAROL).ok()).isTrue();
        }
    }

    @Test
    void aTemporaryPasswordIsAsLongAsAHigherMinimumLength() {
        PasswordPolicy twentyCharacters = new PasswordPolicy(new PasswordPolicyProperties(PasswordPreset.NIST, 20, null, null,
                new ClassPathResource("passwordpolicy/banned-passwords.txt"), List.of(), true, true, true));

        assertThat(new TemporaryPasswords(twentyCharacters, vault).generate(CAROL)).hasSize(20);
    }

    @Test
    void twoTemporaryPasswordsDiffer() {
        assertThat(temporaryPasswords.generate(CAROL)).isNotEqualTo(temporaryPasswords.generate(CAROL));
    }

    @Test
    void aCandidateThePolicyRefusesIsReplaced() {
        PasswordPolicy policy = mock(PasswordPolicy.class);
        PasswordCheck refused = new PasswordCheck(List.of(Violation.of(PasswordRule.CONTAINS_NAME)));
        when(policy.check(any(), any(), any())).thenReturn(refused, refused, new PasswordCheck(List.of()));

        assertThat(new TemporaryPasswords(policy, vault).generate(CAROL)).hasSize(16);
        verify(policy, times(3)).check(any(), any(), any());
    }

    @Test
    void aPolicyNoCandidateMeetsFailsClearlyInsteadOfLoopingForever() {
        PasswordPolicy impossible = mock(PasswordPolicy.class);
        when(impossible.check(any(), any(), any())).thenReturn(new PasswordCheck(List.of(Violation.of(PasswordRule.TOO_SHORT))));

        assertThatThrownBy(() -> new TemporaryPasswords(impossible, vault).generate(CAROL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Could not generate a temporary password that meets the password policy");
        verify(impossible, times(100)).check(any(), any(), any());
    }

    @Test
    void theTemporaryPasswordIsHandedOverExactlyOnce() {
        temporaryPasswords.keepForHandover("journey-1", "Kettle-Mauve-42x");

        assertThat(temporaryPasswords.isWaiting("journey-1")).isTrue();
        assertThat(temporaryPasswords.isWaiting("journey-1")).as("looking does not use it up").isTrue();
        assertThat(temporaryPasswords.handOver("journey-1")).contains("Kettle-Mauve-42x");
        assertThat(temporaryPasswords.isWaiting("journey-1")).isFalse();
        assertThat(temporaryPasswords.handOver("journey-1")).isEmpty();
    }

    @Test
    void anUncollectedTemporaryPasswordIsGoneAfterADay() {
        temporaryPasswords.keepForHandover("journey-1", "Kettle-Mauve-42x");

        clock.advance(Duration.ofHours(23));
        assertThat(temporaryPasswords.isWaiting("journey-1")).isTrue();
        clock.advance(Duration.ofHours(2));
        assertThat(temporaryPasswords.isWaiting("journey-1")).isFalse();
        assertThat(temporaryPasswords.handOver("journey-1")).isEmpty();
    }

    @Test
    void eachJourneyHasItsOwn() {
        temporaryPasswords.keepForHandover("journey-1", "Kettle-Mauve-42x");

        assertThat(temporaryPasswords.isWaiting("journey-2")).isFalse();
        assertThat(temporaryPasswords.handOver("journey-2")).isEmpty();
        assertThat(temporaryPasswords.handOver("journey-1")).contains("Kettle-Mauve-42x");
    }
}
