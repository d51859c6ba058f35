package org.resetflow.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resetflow.recoveryinfo.Passkeys;
import org.resetflow.secret.KeyedHasher;
import org.resetflow.secret.SecurityProperties;
import org.resetflow.secret.ServerSecret;
import org.resetflow.shared.OrganisationProperties;
import org.resetflow.testing.MutableClock;
import org.resetflow.testing.SoftwareAuthenticator;
import org.resetflow.testing.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The WebAuthn checks of a passkey's registration and use, with a software authenticator (EC P-256) against webauthn4j and
 * the real table: origin, RP id, challenge, user verification, signature counter, the account's own credentials.
 */
class PasskeyCeremoniesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MutableClock clock = MutableClock.atSomeMoment();
    private DataSource dataSource;
    private Passkeys passkeys;
    private PasskeyCeremonies ceremonies;
    private SoftwareAuthenticator authenticator;

    @BeforeEach
    void freshDatabase() {
        dataSource = TestDatabases.migratedH2();
        passkeys = new Passkeys(JdbcClient.create(dataSource), clock);
        ceremonies = ceremonies(PasskeyProperties.UserVerification.REQUIRED);
        authenticator = new SoftwareAuthenticator();
    }

    private PasskeyCeremonies ceremonies(PasskeyProperties.UserVerification userVerification) {
        PasskeyProperties properties = new PasskeyProperties(true, "localhost", null, List.of("http://localhost:8080"), userVerification,
                Duration.ofMinutes(2));
        KeyedHasher hasher = new KeyedHasher(new ServerSecret(new SecurityProperties("a-test-secret-that-is-long-enough-0123456789", null)));
        return new PasskeyCeremonies(properties, passkeys, hasher, new OrganisationProperties("Example Org", null, "https://help.example.org"), JSON);
    }

    private PasskeyCeremonies.Registration register(String accountKey, SoftwareAuthenticator device) {
        String options = ceremonies.creationOptions(accountKey, accountKey, accountKey);
        return ceremonies.register(options, accountKey, "my phone", attestation(device.create(options)));
    }

    private static PasskeyCeremonies.Attestation attestation(Map<String, String> values) {
        return new PasskeyCeremonies.Attestation(values.get("attestationObject"), values.get("clientDataJSON"), values.get("transports"));
    }

    private static PasskeyCeremonies.Assertion assertion(Map<String, String> values) {
        return new PasskeyCeremonies.Assertion(values.get("credentialId"), values.get("clientDataJSON"), values.get("authenticatorData"),
                values.get("signature"), values.get("userHandle"));
    }

    private PasskeyCeremonies.Verdict use(String accountKey, SoftwareAuthenticator device) {
        String options = ceremonies.requestOptions(accountKey).orElseThrow();
        return ceremonies.checkAssertion(options, accountKey, false, assertion(device.get(options)));
    }

    private long storedCounter() {
        return passkeys.find(authenticator.credentialId()).orElseThrow().signatureCounter();
    }

    @Test
    void aRegisteredPasskeyProvesTheAccountAndItsCounterMovesOn() {
        PasskeyCeremonies.Registration registration = register("alice", authenticator);
        assertThat(registration.verdict().accepted()).isTrue();
        Passkeys.Passkey saved = passkeys.find(authenticator.credentialId()).orElseThrow();
        assertThat(saved.accountKey()).isEqualTo("alice");
        assertThat(saved.label()).isEqualTo("my phone");
        assertThat(saved.transports()).isEqualTo("internal");
        assertThat(saved.aaguid()).isEqualTo("00000000-0000-0000-0000-000000000000");

        assertThat(use("alice", authenticator).finding()).isEqualTo(PasskeyCeremonies.Finding.ACCEPTED);
        assertThat(storedCounter()).isEqualTo(1);
        assertThat(use("alice", authenticator).finding()).isEqualTo(PasskeyCeremonies.Finding.ACCEPTED);
        assertThat(storedCounter()).isEqualTo(2);
        assertThat(passkeys.find(authenticator.credentialId()).orElseThrow().lastUsedAt()).isEqualTo(clock.instant());
    }

    @Test
    void theRequestOptionsListTheAccountsPasskeysWithANewChallengeEachTime() throws Exception {
        register("alice", authenticator);
        JsonNode first = JSON.readTree(ceremonies.requestOptions("alice").orElseThrow());
        JsonNode second = JSON.readTree(ceremonies.requestOptions("alice").orElseThrow());
        assertThat(first.path("rpId").asText()).isEqualTo("localhost");
        assertThat(first.path("userVerification").asText()).isEqualTo("required");
        assertThat(first.path("allowCredentials").get(0).path("id").asText()).isEqualTo(authenticator.credentialId());
        assertThat(first.path("challenge").asText()).hasSize(43).isNotEqualTo(second.path("challenge").asText());
        assertThat(ceremonies.requestOptions("bob")).as("no passkey, no options").isEmpty();
    }

    @Test
    void anAssertionFromAnotherOriginIsNotForThisStep() {
        register("alice", authenticator);
        authenticator.origin = "https://evil.example.org";
        PasskeyCeremonies.Verdict verdict = use("alice", authenticator);
        assertThat(verdict.finding()).isEqualTo(PasskeyCeremonies.Finding.NOT_FOR_THIS_STEP);
        assertThat(verdict.field()).isEqualTo("clientDataJSON");
        assertThat(verdict.finding().counted()).isFalse();
        assertThat(storedCounter()).as("nothing changed").isZero();
    }

    @Test
    void anAssertionForAnotherRelyingPartyIsRefused() {
        register("alice", authenticator);
        authenticator.rpId = "evil.example.org";
        assertThat(use("alice", authenticator).finding()).isEqualTo(PasskeyCeremonies.Finding.NOT_FOR_THIS_STEP);
        assertThat(storedCounter()).isZero();
    }

    @Test
    void anAssertionOfAnEarlierChallengeIsNotForThisStep() {
        register("alice", authenticator);
        String earlier = ceremonies.requestOptions("alice").orElseThrow();
        Map<String, String> answered = authenticator.get(earlier);
        String now = ceremonies.requestOptions("alice").orElseThrow();
        assertThat(ceremonies.checkAssertion(now, "alice", false, assertion(answered)).finding())
                .isEqualTo(PasskeyCeremonies.Finding.NOT_FOR_THIS_STEP);
    }

    @Test
    void theSameAssertionTwiceIsAReplay() {
        register("alice", authenticator);
        String options = ceremonies.requestOptions("alice").orElseThrow();
        Map<String, String> answered = authenticator.get(options);
        assertThat(ceremonies.checkAssertion(options, "alice", false, assertion(answered)).finding()).isEqualTo(PasskeyCeremonies.Finding.ACCEPTED);
        PasskeyCeremonies.Verdict again = ceremonies.checkAssertion(options, "alice", false, assertion(answered));
        assertThat(again.finding()).isEqualTo(PasskeyCeremonies.Finding.REPLAYED);
        assertThat(again.finding().counted()).isTrue();
    }

    @Test
    void aCounterThatGoesBackwardsIsAReplayOrAClone() {
        register("alice", authenticator);
        use("alice", authenticator);
        use("alice", authenticator);
        authenticator.counter(0);
        assertThat(use("alice", authenticator).finding()).isEqualTo(PasskeyCeremonies.Finding.REPLAYED);
        assertThat(storedCounter()).isEqualTo(2);
    }

    @Test
    void anAssertionWithoutUserVerificationIsRefusedUnlessTheSettingAllowsIt() {
        register("alice", authenticator);
        authenticator.userVerified = false;
        PasskeyCeremonies.Verdict verdict = use("alice", authenticator);
        assertThat(verdict.finding()).isEqualTo(PasskeyCeremonies.Finding.NOT_VERIFIED);
        assertThat(verdict.finding().counted()).isTrue();

        ceremonies = ceremonies(PasskeyProperties.UserVerification.PREFERRED);
        assertThat(use("alice", authenticator).finding()).isEqualTo(PasskeyCeremonies.Finding.ACCEPTED);
    }

    @Test
    void anotherCredentialIsWrongEvenWhenItIsSomeoneElsesRegisteredPasskey() {
        register("alice", authenticator);
        SoftwareAuthenticator bobs = new SoftwareAuthenticator();
        register("bob", bobs);
        String options = ceremonies.requestOptions("alice").orElseThrow();

        PasskeyCeremonies.Verdict verdict = ceremonies.checkAssertion(options, "alice", false, assertion(bobs.get(options)));
        assertThat(verdict.finding()).isEqualTo(PasskeyCeremonies.Finding.WRONG);
        assertThat(verdict.finding().counted()).isTrue();
        assertThat(passkeys.find(bobs.credentialId()).orElseThrow().signatureCounter()).isZero();
    }

    @Test
    void aSignatureByAnotherKeyUnderTheRightCredentialIdIsWrong() {
        register("alice", authenticator);
        String options = ceremonies.requestOptions("alice").orElseThrow();
        Map<String, String> forged = new HashMap<>(new SoftwareAuthenticator().get(options));
        forged.put("credentialId", authenticator.credentialId());
        assertThat(ceremonies.checkAssertion(options, "alice", false, assertion(forged)).finding()).isEqualTo(PasskeyCeremonies.Finding.WRONG);
    }

    @Test
    void aDecoyShowsStableLookAlikeOptionsAndNeverVerifies() throws Exception {
        JsonNode decoy = JSON.readTree(ceremonies.decoyRequestOptions("nobody"));
        JsonNode again = JSON.readTree(ceremonies.decoyRequestOptions("nobody"));
        JsonNode other = JSON.readTree(ceremonies.decoyRequestOptions("someone-else"));
        String id = decoy.path("allowCredentials").get(0).path("id").asText();
        assertThat(id).matches("[A-Za-z0-9_-]{43}").isEqualTo(again.path("allowCredentials").get(0).path("id").asText())
                .isNotEqualTo(other.path("allowCredentials").get(0).path("id").asText());
        assertThat(decoy.path("challenge").asText()).isNotEqualTo(again.path("challenge").asText());

        register("alice", authenticator);
        String options = ceremonies.decoyRequestOptions("alice");
        assertThat(ceremonies.checkAssertion(options, "alice", true, assertion(authenticator.get(options))).finding())
                .as("a decoy's step accepts nothing, not even a real passkey").isEqualTo(PasskeyCeremonies.Finding.WRONG);
    }

    @Test
    void valuesThatAreNotBase64urlOrNotClientDataAreMalformedAndNamed() {
        register("alice", authenticator);
        String options = ceremonies.requestOptions("alice").orElseThrow();
        Map<String, String> answered = new HashMap<>(authenticator.get(options));
        answered.put("signature", "not base64!");
        PasskeyCeremonies.Verdict verdict = ceremonies.checkAssertion(options, "alice", false, assertion(answered));
        assertThat(verdict.finding()).isEqualTo(PasskeyCeremonies.Finding.MALFORMED);
        assertThat(verdict.field()).isEqualTo("signature");

        answered = new HashMap<>(authenticator.get(options));
        answered.put("clientDataJSON", SoftwareAuthenticator.base64url("not json".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(ceremonies.checkAssertion(options, "alice", false, assertion(answered)).finding()).isEqualTo(PasskeyCeremonies.Finding.MALFORMED);
        assertThat(storedCounter()).isZero();
    }

    @Test
    void aNewPasskeyIsRefusedFromAnotherOriginWithoutUserVerificationOrTwice() {
        authenticator.origin = "https://evil.example.org";
        assertThat(register("alice", authenticator).verdict().finding()).isEqualTo(PasskeyCeremonies.Finding.NOT_FOR_THIS_STEP);
        authenticator.origin = "http://localhost:8080";
        authenticator.userVerified = false;
        assertThat(register("alice", authenticator).verdict().finding()).isEqualTo(PasskeyCeremonies.Finding.NOT_VERIFIED);
        assertThat(passkeys.of("alice")).isEmpty();

        authenticator.userVerified = true;
        assertThat(register("alice", authenticator).verdict().accepted()).isTrue();
        assertThat(register("alice", authenticator).verdict().finding()).isEqualTo(PasskeyCeremonies.Finding.ALREADY_REGISTERED);
        assertThat(passkeys.of("alice")).hasSize(1);
    }

    @Test
    void theCreationOptionsKeepTheAccountsUserHandleAndExcludeItsPasskeys() throws Exception {
        JsonNode first = JSON.readTree(ceremonies.creationOptions("alice", "alice", "Alice Example"));
        assertThat(first.path("attestation").asText()).isEqualTo("none");
        assertThat(first.path("authenticatorSelection").path("userVerification").asText()).isEqualTo("required");
        assertThat(first.path("rp").path("name").asText()).isEqualTo("Example Org");
        register("alice", authenticator);
        JsonNode next = JSON.readTree(ceremonies.creationOptions("alice", "alice", "Alice Example"));
        assertThat(next.path("user").path("id").asText()).isEqualTo(passkeys.userHandle("alice").orElseThrow());
        assertThat(next.path("excludeCredentials").get(0).path("id").asText()).isEqualTo(authenticator.credentialId());
    }
}
