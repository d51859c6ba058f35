package org.resetflow.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.resetflow.testing.JourneyApi;
import org.resetflow.testing.SoftwareAuthenticator;
import org.resetflow.throttling.ProofThrottle;
import org.resetflow.verification.PasskeyProperties;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * pia adds a passkey in the registration and resets with it, over the public API as a non-browser client would: the
 * options come in the step's form, the browser's answer goes back as the step's base64url fields. The passkey is a
 * software authenticator; its challenges join the secrets that no table or log may hold.
 */
@Order(DemoJourneys.PASSKEY)
class DemoPasskeyEndToEndTest extends DemoJourneys {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SoftwareAuthenticator PIAS_PHONE = new SoftwareAuthenticator();

    @Autowired
    PasskeyProperties passkeys;

    @Autowired
    ProofThrottle throttle;

    /** The WebAuthn options a step shows, from its form: the text of the component the form marks {@code webauthn}. */
    private static String options(JourneyApi.Response response, String kind) {
        for (JsonNode component : response.body().path("step").path("form").path("components")) {
            if (kind.equals(component.path("properties").path("webauthn").asText())) {
                String options = component.path("text").asText();
                try {
                    SECRETS.add(JSON.readTree(options).path("challenge").asText());
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new AssertionError(options, e);
                }
                return options;
            }
        }
        throw new AssertionError("no " + kind + " in " + response.body());
    }

    private SoftwareAuthenticator device() {
        SoftwareAuthenticator device = new SoftwareAuthenticator();
        device.origin = passkeys.allowedOrigins().get(0);
        return device;
    }

    private JourneyApi.Response atThePasskeyStep(JourneyApi.Flow flow) {
        JourneyApi.Response step = choose(flow, "PASSKEY", null);
        assertThat(step.status()).isEqualTo(200);
        assertThat(step.stepKey()).isEqualTo("usePasskey");
        return step;
    }

    private JourneyApi.Flow reset() {
        JourneyApi.Response started = api.start("resets", "pia");
        assertThat(started.status()).isEqualTo(201);
        return api.flow("resets", started);
    }

    @Test
    @Order(1)
    void piaAddsAPasskeyAndResetsWithIt() {
        PIAS_PHONE.origin = passkeys.allowedOrigins().get(0);
        JourneyApi.Flow registration = api.flow("registrations", api.start("registrations", "pia"));
        assertThat(api.submit(registration, "confirmPassword", Map.of("password", password("pia"))).stepKey()).isEqualTo("enterContacts");
        assertThat(api.submit(registration, "enterContacts", Map.of()).stepKey()).isEqualTo("setUpAuthenticatorApp");
        JourneyApi.Response setUp = api.submit(registration, "setUpAuthenticatorApp", Map.of("authenticatorApp", "skip"));
        assertThat(setUp.stepKey()).isEqualTo("setUpPasskey");
        assertThat(optionValues(setUp.body().path("step"))).containsExactly("skip", "add");
        assertThat(setUp.body().path("step").path("form").findValues("values").get(0).get(1).path("requires").asText()).isEqualTo("webauthn");

        Map<String, Object> created = new HashMap<>(PIAS_PHONE.create(options(setUp, "creationOptions")));
        created.put("passkey", "add");
        created.put("passkeyLabel", "Pia’s phone");
        JourneyApi.Response questions = api.submit(registration, "setUpPasskey", created);
        assertThat(questions.stepKey()).isEqualTo("chooseQuestions");
        SECRETS.addAll(List.of("Biscuit", "Bergen", "Fjord Road"));
        assertThat(api.submit(registration, "chooseQuestions", Map.of("question1", "first-pet", "answer1", "Biscuit",
                "question2", "birth-city", "answer2", "Bergen", "question3", "childhood-street", "answer3", "Fjord Road")).field("status"))
                .isEqualTo("COMPLETED");

        JourneyApi.Flow reset = reset();
        assertThat(optionValues(api.get(reset).body().path("step"))).as("the enrolled-factor rule: the passkey, or the helpdesk")
                .containsExactly("PASSKEY", "STRONG_METHOD_LOST");
        JourneyApi.Response step = atThePasskeyStep(reset);
        JourneyApi.Response accepted = api.submit(reset, "usePasskey", PIAS_PHONE.get(options(step, "requestOptions")));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.stepKey()).isEqualTo("setPassword");
        setPassword(reset, "pia");
    }

    @Test
    @Order(2)
    void aReplayedAssertionIsRefused() {
        JourneyApi.Flow first = reset();
        Map<String, String> captured = PIAS_PHONE.get(options(atThePasskeyStep(first), "requestOptions"));
        assertThat(api.submit(first, "usePasskey", captured).stepKey()).isEqualTo("setPassword");

        JourneyApi.Flow second = reset();
        atThePasskeyStep(second);
        int failuresBefore = throttle.recentFailures("pia");
        JourneyApi.Response replayed = api.submit(second, "usePasskey", captured);
        assertThat(replayed.status()).isEqualTo(422);
        assertThat(replayed.stepKey()).isEqualTo("usePasskey");
        assertThat(replayed.body().path("errors").get(0).path("field").asText()).isEqualTo("clientDataJSON");
        assertThat(replayed.body().path("errors").get(0).path("code").asText()).isEqualTo("PASSKEY_NOT_FOR_THIS_STEP");
        assertThat(throttle.recentFailures("pia")).as("an answer to another step changes nothing but the challenge").isEqualTo(failuresBefore);
    }

    @Test
    @Order(3)
    void aPasskeyOfAnotherDeviceIsAFailedProof() {
        JourneyApi.Flow flow = reset();
        int failuresBefore = throttle.recentFailures("pia");
        JourneyApi.Response refused = api.submit(flow, "usePasskey", device().get(options(atThePasskeyStep(flow), "requestOptions")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().path("errors").get(0).path("code").asText()).isEqualTo("PASSKEY_WRONG");
        assertThat(throttle.recentFailures("pia")).isEqualTo(failuresBefore + 1);

        JourneyApi.Response again = api.get(flow);
        assertThat(again.stepKey()).isEqualTo("usePasskey");
        assertThat(api.submit(flow, "usePasskey", PIAS_PHONE.get(options(again, "requestOptions"))).stepKey())
                .as("a new challenge, and pia's own passkey passes").isEqualTo("setPassword");
    }

    @Test
    @Order(4)
    void badAnswersAreFieldErrorsThatCountNothingAndLogNoTrace() {
        JourneyApi.Flow flow = reset();
        JourneyApi.Response step = atThePasskeyStep(flow);
        int failuresBefore = throttle.recentFailures("pia");
        int mark = log.mark();

        Map<String, String> good = PIAS_PHONE.get(options(step, "requestOptions"));
        Map<String, Map<String, String>> bad = new java.util.LinkedHashMap<>();
        bad.put("signature", with(good, "signature", "not+base64/url="));
        bad.put("clientDataJSON", with(good, "clientDataJSON", "x".repeat(1001)));
        bad.put("authenticatorData", without(good, "authenticatorData"));
        for (Map.Entry<String, Map<String, String>> each : bad.entrySet()) {
            JourneyApi.Response refused = api.submit(flow, "usePasskey", each.getValue());
            assertThat(refused.status()).as(each.getKey()).isEqualTo(422);
            assertThat(refused.body().path("type").asText()).as(each.getKey()).endsWith("/invalid-input");
            assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo(each.getKey());
        }
        assertThat(api.get(flow).body().path("step").path("form").toString()).as("nothing changed: the same challenge")
                .isEqualTo(step.body().path("step").path("form").toString());

        PIAS_PHONE.origin = "https://evil.example.org";
        Map<String, String> otherSite = PIAS_PHONE.get(options(step, "requestOptions"));
        PIAS_PHONE.origin = passkeys.allowedOrigins().get(0);
        JourneyApi.Response anotherOrigin = api.submit(flow, "usePasskey", otherSite);
        assertThat(anotherOrigin.status()).isEqualTo(422);
        assertThat(anotherOrigin.body().path("errors").get(0).path("code").asText()).isEqualTo("PASSKEY_NOT_FOR_THIS_STEP");
        JourneyApi.Response staleChallenge = api.submit(flow, "usePasskey", good);
        assertThat(staleChallenge.body().path("errors").get(0).path("code").asText()).as("the challenge was used by the last try")
                .isEqualTo("PASSKEY_NOT_FOR_THIS_STEP");

        assertThat(throttle.recentFailures("pia")).as("no failed proof counted").isEqualTo(failuresBefore);
        assertThat(log.since(mark)).noneMatch(line -> line.startsWith("ERROR ")).noneMatch(line -> line.contains("\tat "));
        assertThat(api.submit(flow, "usePasskey", PIAS_PHONE.get(options(api.get(flow), "requestOptions"))).stepKey())
                .as("the passkey still works").isEqualTo("setPassword");
    }

    private static Map<String, String> with(Map<String, String> values, String field, String value) {
        Map<String, String> changed = new HashMap<>(values);
        changed.put(field, value);
        return changed;
    }

    private static Map<String, String> without(Map<String, String> values, String field) {
        Map<String, String> changed = new HashMap<>(values);
        changed.remove(field);
        return changed;
    }
}
