package org.resetflow.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.resetflow.recoveryinfo.AuthenticatorApps;
import org.resetflow.secret.SealedSecretUnreadableException;
import org.resetflow.secret.SecretVault;
import org.resetflow.secret.SecurityProperties;
import org.resetflow.secret.ServerSecret;
import org.resetflow.testing.ExpectedLog;
import org.resetflow.testing.MutableClock;
import org.resetflow.testing.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;

class AuthenticatorCodesTest {

    /** RFC 6238, appendix B: the SHA-1 seed "12345678901234567890", in Base32. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    private static final AuthenticatorAppProperties DEFAULTS = new AuthenticatorAppProperties(true, AuthenticatorAppProperties.Algorithm.SHA1,
            6, Duration.ofSeconds(30), 1);

    @RegisterExtension
    final ExpectedLog log = ExpectedLog.of(AuthenticatorCodes.class);

    private final MutableClock clock = MutableClock.atSomeMoment();
    private DataSource dataSource;
    private AuthenticatorApps apps;
    private AuthenticatorCodes codes;

    @BeforeEach
    void freshDatabase() {
        dataSource = TestDatabases.migratedH2();
        apps = apps();
        codes = new AuthenticatorCodes(apps, DEFAULTS, clock);
    }

    private AuthenticatorApps apps() {
        ServerSecret secret = new ServerSecret(new SecurityProperties("a-test-secret-that-is-long-enough-0123456789", null));
        return new AuthenticatorApps(JdbcClient.create(dataSource), new SecretVault(JdbcClient.create(dataSource), secret, clock), clock);
    }

    private String codeStepsFromNow(String secret, int steps) {
        return codes.codeAt(secret, clock.instant().plusSeconds(30L * steps));
    }

    @Test
    void computesTheCodesOfRfc6238() {
        assertThat(codes.codeAt(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(codes.codeAt(RFC_SECRET, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
        assertThat(codes.codeAt(RFC_SECRET, Instant.ofEpochSecond(2000000000))).isEqualTo("279037");
    }

    @Test
    void acceptsTheCurrentStepAndOneEitherSide() {
        for (int steps = -1; steps <= 1; steps++) {
            String secret = codes.newSecret();
            apps.save("alice", secret, 0);
            assertThat(codes.check("alice", codeStepsFromNow(secret, steps))).as("%d steps from now", steps)
                    .isEqualTo(AuthenticatorCodes.Verdict.ACCEPTED);
        }
    }

    @Test
    void refusesACodeFromTwoStepsAgoOrAhead() {
        String secret = codes.newSecret();
        apps.save("alice", secret, 0);
        assertThat(codes.check("alice", codeStepsFromNow(secret, -2))).isEqualTo(AuthenticatorCodes.Verdict.WRONG);
        assertThat(codes.check("alice", codeStepsFromNow(secret, 2))).isEqualTo(AuthenticatorCodes.Verdict.WRONG);
    }

    @Test
    void aCodeIsAcceptedOnceAndAnOlderOneNotAfterIt() {
        String secret = codes.newSecret();
        apps.save("alice", secret, 0);
        String now = codeStepsFromNow(secret, 0);
        String before = codeStepsFromNow(secret, -1);

        assertThat(codes.check("alice", now)).isEqualTo(AuthenticatorCodes.Verdict.ACCEPTED);
        assertThat(codes.check("alice", now)).isEqualTo(AuthenticatorCodes.Verdict.REUSED);
        assertThat(codes.check("alice", before)).isEqualTo(AuthenticatorCodes.Verdict.REUSED);

        clock.advance(Duration.ofSeconds(30));
        assertThat(codes.check("alice", codeStepsFromNow(secret, 0))).isEqualTo(AuthenticatorCodes.Verdict.ACCEPTED);
    }

    @Test
    void ofTwoNodesCheckingTheSameCodeOnlyOneAcceptsIt() {
        String secret = codes.newSecret();
        apps.save("alice", secret, 0);
        AuthenticatorCodes otherNode = new AuthenticatorCodes(apps(), DEFAULTS, clock);
        String code = codeStepsFromNow(secret, 0);

        assertThat(List.of(codes.check("alice", code), otherNode.check("alice", code)))
                .containsExactlyInAnyOrder(AuthenticatorCodes.Verdict.ACCEPTED, AuthenticatorCodes.Verdict.REUSED);
    }

    @Test
    void theCodeThatConfirmedTheRegistrationIsUsedUp() {
        String secret = codes.newSecret();
        String code = codeStepsFromNow(secret, 0);
        long step = codes.matchingStep(secret, code).orElseThrow();
        apps.save("alice", secret, step);

        assertThat(codes.check("alice", code)).isEqualTo(AuthenticatorCodes.Verdict.REUSED);
    }

    @Test
    void textThatIsNoCodeIsWrongAndUsesNothingUp() {
        String secret = codes.newSecret();
        apps.save("alice", secret, 0);
        String code = codeStepsFromNow(secret, 0);

        for (String typed : List.of("", "abcdef", code + "0", "12345", code.substring(0, 3) + "-" + code.substring(3))) {
            assertThat(codes.check("alice", typed)).as(typed).isEqualTo(AuthenticatorCodes.Verdict.WRONG);
        }
        assertThat(codes.check("alice", code.substring(0, 3) + " " + code.substring(3))).as("spaces are allowed")
                .isEqualTo(AuthenticatorCodes.Verdict.ACCEPTED);
    }

    @Test
    void anAccountWithoutAnAppHasNoRightCode() {
        assertThat(codes.check("bob", "123456")).isEqualTo(AuthenticatorCodes.Verdict.WRONG);
    }

    @Test
    void theSecretIsKeptSealedAndBoundToItsAccount() {
        String secret = codes.newSecret();
        apps.save("alice", secret, 0);

        List<Map<String, Object>> rows = JdbcClient.create(dataSource).sql("SELECT * FROM rf_authenticator_app").query().listOfRows();
        assertThat(rows).singleElement().satisfies(row ->
                assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(secret)));
        assertThat(apps.secret("alice")).contains(secret);

        JdbcClient.create(dataSource).sql("INSERT INTO rf_authenticator_app (account_key, sealed_secret, last_time_step, registered_at) "
                + "SELECT 'mallory', sealed_secret, 0, registered_at FROM rf_authenticator_app WHERE account_key = 'alice'").update();
        assertThatThrownBy(() -> apps.secret("mallory")).as("a sealed secret copied to another account does not open")
                .isInstanceOf(SealedSecretUnreadableException.class);
    }

    @Test
    void anAppSealedUnderAnotherServerSecretGivesWrongCodesAndTellsTheOperator() {
        String secret = codes.newSecret();
        apps.save("alice", secret, 0);
        ServerSecret rotated = new ServerSecret(new SecurityProperties("a-rotated-secret-that-is-long-enough-98765432", null));
        AuthenticatorApps afterRotation = new AuthenticatorApps(JdbcClient.create(dataSource),
                new SecretVault(JdbcClient.create(dataSource), rotated, clock), clock);
        AuthenticatorCodes rotatedCodes = new AuthenticatorCodes(afterRotation, DEFAULTS, clock);

        assertThat(rotatedCodes.check("alice", codeStepsFromNow(secret, 0))).isEqualTo(AuthenticatorCodes.Verdict.WRONG);
        assertThat(log.lines()).singleElement().satisfies(line -> {
            assertThat(line.level()).isEqualTo(Level.WARN);
            assertThat(line.message()).contains("alice", "resetflow.security.secret").doesNotContain(secret);
            assertThat(line.hasStackTrace()).isFalse();
        });
        assertThat(codes.check("alice", codeStepsFromNow(secret, 0))).as("the step was not used up").isEqualTo(AuthenticatorCodes.Verdict.ACCEPTED);
    }

    @Test
    void newSecretsAre160RandomBitsInBase32AndTheUriNamesTheIssuer() {
        String secret = codes.newSecret();
        assertThat(secret).matches("[A-Z2-7]{32}").isNotEqualTo(codes.newSecret());
        assertThat(codes.otpauthUri("Example Org", "alice@example.org", secret)).isEqualTo("otpauth://totp/Example%20Org:alice%40example.org?secret="
                + secret + "&issuer=Example%20Org&algorithm=SHA1&digits=6&period=30");
    }
}
