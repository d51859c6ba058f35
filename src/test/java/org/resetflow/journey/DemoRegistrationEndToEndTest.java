package org.resetflow.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.resetflow.testing.JourneyApi;

/** A signed-in demo user registers recovery methods and can use them in the next reset. */
@Order(DemoJourneys.REGISTRATION)
class DemoRegistrationEndToEndTest extends DemoJourneys {

    @Test
    void erinRegistersAMobileAndSecurityQuestionsAndCanThenUseThem() {
        JourneyApi.Response started = api.start("registrations", "erin");
        assertThat(started.stepKey()).isEqualTo("confirmPassword");
        JourneyApi.Flow flow = api.flow("registrations", started);
        assertThat(api.submit(flow, "confirmPassword", Map.of("password", "not-it")).status()).isEqualTo(422);
        JourneyApi.Response contacts = api.submit(flow, "confirmPassword", Map.of("password", password("erin")));
        assertThat(contacts.stepKey()).isEqualTo("enterContacts");
        assertThat(api.submit(flow, "enterContacts", Map.of("mobilePhone", "12345")).body().path("errors").get(0).path("code").asText())
                .isEqualTo("PHONE_INVALID");
        JourneyApi.Response code = api.submit(flow, "enterContacts", Map.of("mobilePhone", "+1 202 555 0105"));
        assertThat(code.stepKey()).isEqualTo("enterCode");
        JourneyApi.Response app = api.submit(flow, "enterCode", Map.of("code", codeSentTo("+12025550105")));
        assertThat(app.stepKey()).as("the demo offers an authenticator app").isEqualTo("setUpAuthenticatorApp");
        assertThat(optionValues(app.body().path("step"))).containsExactly("add", "skip");
        JourneyApi.Response passkeys = api.submit(flow, "setUpAuthenticatorApp", Map.of("authenticatorApp", "skip"));
        assertThat(passkeys.stepKey()).as("the demo offers passkeys").isEqualTo("setUpPasskey");
        JourneyApi.Response questions = api.submit(flow, "setUpPasskey", Map.of("passkey", "skip"));
        assertThat(questions.stepKey()).isEqualTo("chooseQuestions");
        SECRETS.addAll(List.of("Whiskers", "Portland", "Maple Street"));
        JourneyApi.Response done = api.submit(flow, "chooseQuestions", Map.of("question1", "first-pet", "answer1", "Whiskers",
                "question2", "birth-city", "answer2", "Portland", "question3", "childhood-street", "answer3", "Maple Street"));
        assertThat(done.field("status")).isEqualTo("COMPLETED");

        JourneyApi.Response reset = api.start("resets", "erin");
        assertThat(optionValues(reset.body().path("step"))).containsExactly("EMAIL", "SMS", "VOICE_MOBILE", "QUESTIONS");
    }
}
