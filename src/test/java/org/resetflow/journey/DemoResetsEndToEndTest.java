package org.resetflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.resetflow.testing.JourneyApi;

/** Demo users reset their passwords with each method, through one and two gates, with and without writeback. */
@Order(DemoJourneys.RESETS)
class DemoResetsEndToEndTest extends DemoJourneys {

    @Test
    void aliceResetsByEmailAndCanSignInOnlyWithTheNewPassword() {
        String old = password("alice");
        JourneyApi.Response started = api.start("resets", "alice");
        assertThat(started.status()).isEqualTo(201);
        assertThat(started.raw().headers().firstValue("Location")).isPresent();
        assertThat(started.field("status")).isEqualTo("ACTIVE");
        assertThat(started.body().path("step").path("key").asText()).isEqualTo("chooseMethod");
        assertThat(started.body().path("step").path("index").asInt()).isEqualTo(1);
        assertThat(started.body().path("step").path("total").asInt()).isEqualTo(3);
        assertThat(optionValues(started.body().path("step"))).containsExactly("EMAIL", "SMS", "VOICE_MOBILE", "QUESTIONS");
        JourneyApi.Flow flow = api.flow("resets", started);
        aliceFlow = flow.id();

        JourneyApi.Response codeStep = choose(flow, "EMAIL", "  Alice.ALT@example.org ");
        assertThat(codeStep.stepKey()).isEqualTo("enterCode");
        assertThat(codeStep.body().path("step").path("index").asInt()).isEqualTo(2);
        String code = codeSentTo("alice.alt@example.org");
        assertThat(api.lastMessageTo("alice.alt@example.org").path("channel").asText()).isEqualTo("EMAIL");

        JourneyApi.Response wrong = api.submit(flow, "enterCode", Map.of("code", code.equals("00000000") ? "11111111" : "00000000"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body().path("errors").get(0).path("field").asText()).isEqualTo("code");
        assertThat(wrong.stepKey()).isEqualTo("enterCode");
        assertThat(wrong.body().path("status").asInt()).isEqualTo(422);
        assertThat(wrong.flow().path("status").asText()).isEqualTo("ACTIVE");

        JourneyApi.Response passwordStep = api.submit(flow, "enterCode", Map.of("code", code.substring(0, 4) + " " + code.substring(4)));
        assertThat(passwordStep.status()).isEqualTo(200);
        assertThat(passwordStep.stepKey()).isEqualTo("setPassword");
        assertThat(passwordStep.body().path("step").path("index").asInt()).isEqualTo(3);

        JourneyApi.Response weak = api.submit(flow, "setPassword", Map.of("password", "alice2026", "passwordConfirmation", "alice2027"));
        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.body().path("errors").findValuesAsText("code"))
                .contains("NOT_ENOUGH_CHARACTER_CLASSES", "CONTAINS_NAME", "CONFIRMATION_MISMATCH");
        JourneyApi.Response same = api.submit(flow, "setPassword", Map.of("password", old, "passwordConfirmation", old));
        assertThat(same.status()).isEqualTo(422);

        setPassword(flow, "alice");
        assertThat(Directories.canBind(CLOUD_PORT, Directories.CLOUD, "alice", password("alice"))).isTrue();
        assertThat(Directories.canBind(CLOUD_PORT, Directories.CLOUD, "alice", old)).isFalse();
        assertThat(api.get(flow).field("status")).isEqualTo("COMPLETED");
        await().atMost(Duration.ofSeconds(10)).until(() -> api.outbox("alice@example.org").size() > 0);
        assertThat(api.lastMessageTo("alice@example.org").path("subject").asText()).contains("password was changed");

        // Full history keeps the final value of every variable that says who, what, how and why, once: not the
        // journey's bookkeeping, not the copies the called processes receive; and the changes only of those whose
        // changes tell something.
        String[] instances = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(aliceFlow).list().stream()
                .map(org.camunda.bpm.engine.history.HistoricProcessInstance::getId).toArray(String[]::new);
        assertThat(instances).as("the reset, its account check, identity proof, identity verification, code verification and the code's delivery")
                .hasSize(6);
        List<org.camunda.bpm.engine.history.HistoricVariableInstance> kept =
                history.createHistoricVariableInstanceQuery().processInstanceIdIn(instances).list();
        assertThat(kept).extracting(org.camunda.bpm.engine.history.HistoricVariableInstance::getName)
                .contains("username", "accountKey", "clientAddress", "chosenMethod", "destination", "verifiedMethods", "outcome")
                .doesNotContain("stepIndex", "stepTotal", "methodOptions", "codeHash", "codeIssuedAt");
        assertThat(kept).filteredOn(variable -> variable.getName().equals("username")).singleElement()
                .extracting(org.camunda.bpm.engine.history.HistoricVariableInstance::getProcessInstanceId)
                .isEqualTo(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(aliceFlow)
                        .processDefinitionKey("passwordReset").singleResult().getId());
        assertThat(history.createHistoricDetailQuery().variableUpdates().processInstanceIdIn(instances).list())
                .extracting(detail -> ((org.camunda.bpm.engine.history.HistoricVariableUpdate) detail).getVariableName())
                .contains("chosenMethod", "outcome")
                .allMatch(name -> Set.of("chosenMethod", "verifiedMethods", "provenGates", "outcome").contains(name));
    }

    @Test
    void aliceResetsBySecurityQuestions() {
        String old = password("alice");
        JourneyApi.Flow flow = api.flow("resets", api.start("resets", "alice"));
        JourneyApi.Response questions = choose(flow, "QUESTIONS", null);
        assertThat(questions.stepKey()).isEqualTo("answerQuestions");
        Map<String, String> answers = Map.of("What was the name of your first pet?", " rex ",
                "In which city were you born?", "SPRINGFIELD", "What was the name of your first school?", "lincoln   elementary");
        SECRETS.addAll(List.of("Rex", "Springfield", "Lincoln Elementary", "SPRINGFIELD", "lincoln   elementary"));
        Map<String, String> values = new java.util.HashMap<>();
        for (JsonNode component : questions.body().path("step").path("form").path("components")) {
            if (component.has("key")) {
                String label = component.path("label").asText();
                assertThat(answers).containsKey(label);
                values.put(component.path("key").asText(), answers.get(label));
            }
        }
        assertThat(values).hasSize(3);
        JourneyApi.Response passwordStep = api.submit(flow, "answerQuestions", values);
        assertThat(passwordStep.stepKey()).isEqualTo("setPassword");
        setPassword(flow, "alice");
        assertThat(Directories.canBind(CLOUD_PORT, Directories.CLOUD, "alice", password("alice"))).isTrue();
        assertThat(Directories.canBind(CLOUD_PORT, Directories.CLOUD, "alice", old)).isFalse();
    }

    @Test
    void bobResetsBySmsAndHisNewPasswordWorksInBothDirectories() {
        String old = password("bob");
        JourneyApi.Flow flow = api.flow("resets", api.start("resets", "bob"));
        JourneyApi.Response codeStep = choose(flow, "SMS", "(202) 555-0102");
        assertThat(codeStep.stepKey()).isEqualTo("enterCode");
        String code = codeSentTo("+12025550102");
        assertThat(api.lastMessageTo("+12025550102").path("channel").asText()).isEqualTo("SMS");
        assertThat(api.submit(flow, "enterCode", Map.of("code", code)).stepKey()).isEqualTo("setPassword");
        setPassword(flow, "bob");
        assertThat(Directories.canBind(ON_PREMISES_PORT, Directories.ON_PREMISES, "bob", password("bob"))).isTrue();
        assertThat(Directories.canBind(CLOUD_PORT, Directories.CLOUD, "bob", password("bob"))).isTrue();
        assertThat(Directories.canBind(ON_PREMISES_PORT, Directories.ON_PREMISES, "bob", old)).isFalse();
        assertThat(Directories.canBind(CLOUD_PORT, Directories.CLOUD, "bob", old)).isFalse();
    }

    @Test
    void daveMustPassTwoGatesAndIsNeverOfferedSecurityQuestions() {
        JourneyApi.Response started = api.start("resets", "dave");
        assertThat(started.body().path("step").path("total").asInt()).isEqualTo(5);
        assertThat(optionValues(started.body().path("step"))).containsExactly("EMAIL", "SMS", "VOICE_MOBILE", "VOICE_OFFICE");
        JourneyApi.Flow flow = api.flow("resets", started);
        choose(flow, "EMAIL", "dave.alt@example.org");
        JourneyApi.Response second = api.submit(flow, "enterCode", Map.of("code", codeSentTo("dave.alt@example.org")));
        assertThat(second.stepKey()).isEqualTo("chooseMethod");
        assertThat(second.body().path("step").path("index").asInt()).isEqualTo(3);
        assertThat(optionValues(second.body().path("step"))).containsExactly("SMS", "VOICE_MOBILE", "VOICE_OFFICE");
        assertThat(second.body().path("step").toString()).contains("+1 *** *** **04");

        choose(flow, "VOICE_OFFICE", "+1 202 555 0204");
        String officeCode = codeSentTo("+12025550204");
        assertThat(api.lastMessageTo("+12025550204").path("channel").asText()).isEqualTo("VOICE");
        JourneyApi.Response passwordStep = api.submit(flow, "enterCode", Map.of("code", officeCode));
        assertThat(passwordStep.stepKey()).isEqualTo("setPassword");
        assertThat(passwordStep.body().path("step").path("index").asInt()).isEqualTo(5);
        setPassword(flow, "dave");
        assertThat(Directories.canBind(CLOUD_PORT, Directories.CLOUD, "dave", password("dave"))).isTrue();
    }

    @Test
    void erinIsFederatedAndHerPasswordIsWrittenBack() {
        JourneyApi.Response started = api.start("resets", "erin");
        assertThat(optionValues(started.body().path("step"))).containsExactly("EMAIL");
        JourneyApi.Flow flow = api.flow("resets", started);
        choose(flow, "EMAIL", "erin.alt@example.org");
        api.submit(flow, "enterCode", Map.of("code", codeSentTo("erin.alt@example.org")));
        setPassword(flow, "erin");
        assertThat(Directories.canBind(ON_PREMISES_PORT, Directories.ON_PREMISES, "erin", password("erin"))).isTrue();
        assertThat(Directories.canBind(CLOUD_PORT, Directories.CLOUD, "erin", password("erin"))).isTrue();
    }
}
