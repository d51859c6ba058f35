package org.resetflow.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.resetflow.eligibility.AccountProfiles;
import org.resetflow.testing.JourneyApi;
import org.resetflow.testing.UnknownUsernames;
import org.resetflow.throttling.ProofThrottle;
import org.resetflow.verification.AuthenticatorCodes;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * tina registered an authenticator app (the demo secret in the README): she resets with the code her app would show,
 * computed here from the secret and the application's clock, and the enrolled-factor rule offers her nothing weaker.
 */
@Order(DemoJourneys.AUTHENTICATOR_APP)
class DemoAuthenticatorAppEndToEndTest extends DemoJourneys {

    static final String TINA_SECRET = "RESETFLOWDEMOTINAAUTHENTICATORAP";

    @Autowired
    AuthenticatorCodes codes;

    @Autowired
    Clock clock;

    @Autowired
    ProofThrottle throttle;

    @Autowired
    AccountProfiles profiles;

    /** Tina's answer when she said she cannot use her app, for an unknown username's to equal. */
    private static JourneyApi.Response tinaEscalated;

    /** The code tina's app shows {@code steps} periods from now. */
    private String appCode(int steps) {
        String code = codes.codeAt(TINA_SECRET, clock.instant().plus(Duration.ofSeconds(30L * steps)));
        SECRETS.add(code);
        return code;
    }

    private JourneyApi.Flow atTheAppsCode() {
        JourneyApi.Response started = api.start("resets", "tina");
        assertThat(started.status()).isEqualTo(201);
        assertThat(optionValues(started.body().path("step"))).as("the enrolled-factor rule: the app, or the helpdesk")
                .containsExactly("AUTHENTICATOR_APP", "STRONG_METHOD_LOST");
        JourneyApi.Flow flow = api.flow("resets", started);
        JourneyApi.Response codeStep = choose(flow, "AUTHENTICATOR_APP", null);
        assertThat(codeStep.status()).isEqualTo(200);
        assertThat(codeStep.stepKey()).isEqualTo("enterAuthenticatorCode");
        assertThat(codeStep.body().path("step").path("index").asInt()).isEqualTo(2);
        return flow;
    }

    @Test
    @Order(1)
    void tinaResetsWithTheCodeHerAppShowsAndTheSameCodeIsRefusedASecondTime() {
        SECRETS.add(TINA_SECRET);
        JourneyApi.Flow first = atTheAppsCode();
        JourneyApi.Flow second = atTheAppsCode();
        String code = appCode(0);

        JourneyApi.Response accepted = api.submit(first, "enterAuthenticatorCode", Map.of("code", code));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.stepKey()).isEqualTo("setPassword");

        JourneyApi.Response replayed = api.submit(second, "enterAuthenticatorCode", Map.of("code", code));
        assertThat(replayed.status()).isEqualTo(422);
        assertThat(replayed.stepKey()).isEqualTo("enterAuthenticatorCode");
        assertThat(replayed.body().path("errors").get(0).path("field").asText()).isEqualTo("code");
        assertThat(replayed.body().path("errors").get(0).path("code").asText()).isEqualTo("CODE_USED");

        setPassword(first, "tina");
    }

    @Test
    @Order(2)
    void aCodeFromTwoStepsAgoIsRefused() {
        JourneyApi.Flow flow = atTheAppsCode();
        String old = appCode(-2);

        JourneyApi.Response refused = api.submit(flow, "enterAuthenticatorCode", Map.of("code", old));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.stepKey()).isEqualTo("enterAuthenticatorCode");
        assertThat(refused.body().path("errors").get(0).path("code").asText()).isEqualTo("CODE_WRONG");
    }

    @Test
    @Order(3)
    void textThatIsNoCodeIsAFieldErrorAndCountsNothing() {
        JourneyApi.Flow flow = atTheAppsCode();
        int failuresBefore = throttle.recentFailures("tina");
        int mark = log.mark();

        for (String typed : List.of("12ab56", "1234567890123", "", "12-456")) {
            JourneyApi.Response refused = api.submit(flow, "enterAuthenticatorCode", Map.of("code", typed));
            assertThat(refused.status()).as("'%s'", typed).isEqualTo(422);
            assertThat(refused.body().path("type").asText()).as("'%s'", typed).endsWith("/invalid-input");
            assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("code");
        }

        assertThat(api.get(flow).stepKey()).as("nothing changed").isEqualTo("enterAuthenticatorCode");
        assertThat(throttle.recentFailures("tina")).as("no failed proof counted").isEqualTo(failuresBefore);
        assertThat(log.since(mark)).noneMatch(line -> line.startsWith("ERROR ")).noneMatch(line -> line.contains("\tat "));
        JourneyApi.Response passwordStep = api.submit(flow, "enterAuthenticatorCode", Map.of("code", appCode(1)));
        assertThat(passwordStep.stepKey()).as("the next code still works").isEqualTo("setPassword");
    }

    @Test
    @Order(4)
    void tinaReplacesHerAppWithTheSecretFromTheQrCodesUriAndResetsWithIt() {
        JourneyApi.Response started = api.start("registrations", "tina");
        JourneyApi.Flow flow = api.flow("registrations", started);
        assertThat(api.submit(flow, "confirmPassword", Map.of("password", password("tina"))).stepKey()).isEqualTo("enterContacts");
        JourneyApi.Response setUp = api.submit(flow, "enterContacts", Map.of());
        assertThat(setUp.stepKey()).isEqualTo("setUpAuthenticatorApp");
        assertThat(optionValues(setUp.body().path("step"))).containsExactly("keep", "replace", "remove");

        JsonNode components = setUp.body().path("step").path("form").path("components");
        String qr = components.findValuesAsText("source").get(0);
        assertThat(qr).startsWith("data:image/svg+xml;base64,");
        assertThat(new String(Base64.getDecoder().decode(qr.substring(qr.indexOf(',') + 1)), StandardCharsets.UTF_8)).startsWith("<svg");
        String uri = components.findValuesAsText("text").stream().filter(text -> text.startsWith("otpauth://")).findFirst().orElseThrow();
        assertThat(uri).startsWith("otpauth://totp/Example%20Org:tina?secret=").contains("&issuer=Example%20Org");
        String secret = uri.replaceFirst(".*[?&]secret=([A-Z2-7]+).*", "$1");
        assertThat(secret).isNotEqualTo(TINA_SECRET).hasSize(32);
        SECRETS.add(secret);

        JourneyApi.Response wrong = api.submit(flow, "setUpAuthenticatorApp", Map.of("authenticatorApp", "replace", "code", appCode(0)));
        assertThat(wrong.status()).as("a code of the old app does not confirm the new one").isEqualTo(422);
        assertThat(wrong.body().path("errors").get(0).path("code").asText()).isEqualTo("CODE_WRONG");
        String first = codes.codeAt(secret, clock.instant());
        SECRETS.add(first);
        JourneyApi.Response passkeys = api.submit(flow, "setUpAuthenticatorApp", Map.of("authenticatorApp", "replace", "code", first));
        assertThat(passkeys.stepKey()).isEqualTo("setUpPasskey");
        JourneyApi.Response questions = api.submit(flow, "setUpPasskey", Map.of("passkey", "skip"));
        assertThat(questions.stepKey()).isEqualTo("chooseQuestions");
        SECRETS.addAll(List.of("Mochi", "Osaka", "Cherry Lane"));
        JourneyApi.Response done = api.submit(flow, "chooseQuestions", Map.of("question1", "first-pet", "answer1", "Mochi",
                "question2", "birth-city", "answer2", "Osaka", "question3", "childhood-street", "answer3", "Cherry Lane"));
        assertThat(done.field("status")).isEqualTo("COMPLETED");

        JourneyApi.Flow reset = atTheAppsCode();
        JourneyApi.Response oldApp = api.submit(reset, "enterAuthenticatorCode", Map.of("code", appCode(1)));
        assertThat(oldApp.status()).as("the replaced app's codes are refused").isEqualTo(422);
        String code = codes.codeAt(secret, clock.instant().plusSeconds(30));
        SECRETS.add(code);
        assertThat(api.submit(reset, "enterAuthenticatorCode", Map.of("code", code)).stepKey()).isEqualTo("setPassword");
        setPassword(reset, "tina");
    }

    @Test
    @Order(5)
    void tinaWhoCannotUseHerAppIsHandedToTheHelpdeskNotToEmail() {
        JourneyApi.Response started = api.start("resets", "tina");
        JourneyApi.Flow flow = api.flow("resets", started);

        JourneyApi.Response escalated = choose(flow, "STRONG_METHOD_LOST", null);
        assertThat(escalated.status()).isEqualTo(200);
        assertThat(escalated.field("status")).isEqualTo("ESCALATED");
        assertThat(escalated.body().path("messages").get(0).path("code").asText()).isEqualTo("escalated.STRONG_METHOD_LOST");
        tinaEscalated = escalated;
        api.outbox("tina.alt@example.org").forEach(message ->
                assertThat(message.path("code").asText("")).as("no code was sent to the alternate address").isEmpty());
    }

    @Test
    @Order(6)
    void anUnknownUsernameMayOfferAnAppTooAndEndsAsTinaDidWithoutATaskForTheHelpdesk() {
        String unknown = UnknownUsernames.withAnApp(profiles, "nobody.with.an.app");
        JourneyApi.Response tinaStarted = api.start("resets", "tina");
        JourneyApi.Response started = api.start("resets", unknown);
        assertThat(started.status()).isEqualTo(tinaStarted.status()).isEqualTo(201);
        assertThat(started.body().path("step")).as("the same form, options and hints as tina's").isEqualTo(tinaStarted.body().path("step"));

        JourneyApi.Flow flow = api.flow("resets", started);
        JourneyApi.Response escalated = choose(flow, "STRONG_METHOD_LOST", null);
        assertThat(escalated.status()).isEqualTo(tinaEscalated.status());
        assertThat(escalated.field("status")).isEqualTo("ESCALATED");
        assertThat(escalated.body().path("messages")).isEqualTo(tinaEscalated.body().path("messages"));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(flow.id())
                .processDefinitionKey("helpdeskEscalation").count()).as("no task for a username that does not exist").isZero();

        JourneyApi.Flow again = api.flow("resets", api.start("resets", unknown));
        assertThat(optionValues(api.get(again).body().path("step"))).as("the same list every time")
                .containsExactly("AUTHENTICATOR_APP", "STRONG_METHOD_LOST");
    }
}
