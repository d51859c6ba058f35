package org.resetflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.resetflow.engine.Vars;
import org.resetflow.verification.VerificationVariables;

/**
 * A code's delivery is a process instance of its own: the code verification hands every code over and goes straight
 * on to "Enter the code"; the delivery sends it, or reports back that it could not.
 */
@Deployment(resources = {"processes/password-reset.bpmn", "processes/account-check.bpmn", "processes/helpdesk-escalation.bpmn", "processes/identity-proof.bpmn",
        "processes/directory-write-failing.bpmn", "processes/identity-verification.bpmn", "processes/code-verification.bpmn", "processes/code-delivery.bpmn",
        "processes/eligibility.dmn", "forms/chooseMethod.form", "forms/enterCode.form", "forms/answerQuestions.form",
        "forms/setPassword.form", "forms/escalation.form", "forms/directoryWriteFailing.form"})
class CodeDeliveryProcessTest extends ProcessTest {

    @Test
    void theUserIsAskedForTheCodeBeforeItsDeliveryHasRunWhichIsNoPartOfTheJourney() {
        ProcessInstance reset = start("passwordReset", "reset", "alice");
        complete(reset, "chooseMethod", values("method", "SMS", "contact", "registered"));

        assertThat(stepKey(reset)).as("no job has run, and the user is asked for the code").isEqualTo("enterCode");
        ProcessInstance delivery = calledInstance(reset, "codeDelivery");
        ProcessInstance verification = calledInstance(reset, "codeVerification");
        assertThat(delivery).isWaitingAt("sendCode");
        assertThat(verification).isWaitingAt("enterCode").hasPassed("issueCode", "handOverCode");
        HistoricProcessInstance deliveryHistory = historyService().createHistoricProcessInstanceQuery().processInstanceId(delivery.getId()).singleResult();
        assertThat(deliveryHistory.getSuperProcessInstanceId()).as("not called").isNull();
        assertThat(deliveryHistory.getRootProcessInstanceId()).as("not in the journey's tree").isEqualTo(delivery.getId());
        assertThat(variables(delivery)).containsEntry(VerificationVariables.CODE_VERIFICATION, verification.getId())
                .containsEntry(VerificationVariables.METHOD, "SMS");

        runDueJobs(reset);
        assertThat(delivery).isEnded().hasPassed("sendCode", "codeSent").hasNotPassed("reportUndeliverable");
        assertThat(stepKey(reset)).isEqualTo("enterCode");
        submit(reset, "enterCode", values("code", JourneyDoubles.RIGHT_CODE));
        assertThat(stepKey(reset)).isEqualTo("setPassword");
    }

    @Test
    void everyCodeIsHandedToADeliveryADecoysToo() {
        doubles.known = false;
        doubles.undeliverable.add("EMAIL");
        ProcessInstance decoy = start("passwordReset", "reset", "nobody");
        submit(decoy, "chooseMethod", values("method", "EMAIL", "contact", "nobody@example.org"));

        assertThat(calledInstance(decoy, "codeDelivery")).as("nothing sealed, nothing sent, nothing to report")
                .isEnded().hasPassed("sendCode", "codeSent").hasNotPassed("reportUndeliverable");
        assertThat(stepKey(decoy)).isEqualTo("enterCode");
    }

    @Test
    void anUndeliverableCodeIsReportedAndEndsTheCodeVerificationWithSendFailed() {
        doubles.undeliverable.add("SMS");
        ProcessInstance reset = start("passwordReset", "reset", "alice");
        complete(reset, "chooseMethod", values("method", "SMS", "contact", "registered"));
        assertThat(stepKey(reset)).isEqualTo("enterCode");

        runDueJobs(reset);
        ProcessInstance delivery = calledInstance(reset, "codeDelivery");
        assertThat(delivery).isEnded().hasPassed("sendCode", "undeliverable", "reportUndeliverable").hasNotPassed("codeSent");
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(delivery.getId())
                .variableName(VerificationVariables.DELIVERY_FAILURE).singleResult().getValue()).isEqualTo("refused by the provider");
        assertThat(calledInstance(reset, "codeVerification")).isEnded().hasPassed("codeUndeliverable", "codeNotDelivered");
        assertThat(stepKey(reset)).isEqualTo("chooseMethod");
        assertThat(stepVariable(reset, Vars.NOTICE)).isEqualTo("SEND_FAILED");
        assertThat(stepVariable(reset, VerificationVariables.METHOD_OPTIONS)).isEqualTo("EMAIL,VOICE_MOBILE,QUESTIONS");
    }

    @Test
    void aReportForACodeVerificationThatHasEndedReachesNobody() {
        doubles.undeliverable.add("SMS");
        ProcessInstance reset = start("passwordReset", "reset", "alice");
        complete(reset, "chooseMethod", values("method", "SMS", "contact", "registered"));
        // the code expires before its delivery runs; firing the timer then runs the delivery's jobs too
        fireTimer(reset, "codeLifetimeOver");

        assertThat(calledInstance(reset, "codeDelivery")).isEnded().hasPassed("reportUndeliverable");
        assertThat(calledInstance(reset, "codeVerification")).isEnded().hasPassed("codeExpiredEnd").hasNotPassed("codeNotDelivered");
        assertThat(stepKey(reset)).isEqualTo("chooseMethod");
        assertThat(stepVariable(reset, Vars.NOTICE)).as("what the user was told stands").isEqualTo("CODE_EXPIRED");
        assertThat(stepVariable(reset, VerificationVariables.METHOD_OPTIONS)).as("nothing set aside").isEqualTo("EMAIL,SMS,VOICE_MOBILE,QUESTIONS");
        assertThat(managementService().createJobQuery().withException().count()).as("no job failed").isZero();
    }

    @Test
    void eachCodeOfTwoGatesHasItsOwnDelivery() {
        doubles.userGates = 2;
        ProcessInstance reset = start("passwordReset", "reset", "alice");
        for (String method : List.of("EMAIL", "SMS")) {
            submit(reset, "chooseMethod", values("method", method, "contact", "registered"));
            submit(reset, "enterCode", values("code", JourneyDoubles.RIGHT_CODE));
        }
        assertThat(stepKey(reset)).isEqualTo("setPassword");
        List<ProcessInstance> verifications = calledInstances(reset, "codeVerification");
        assertThat(calledInstances(reset, "codeDelivery")).hasSize(2)
                .extracting(delivery -> variables(delivery).get(VerificationVariables.CODE_VERIFICATION))
                .containsExactlyInAnyOrderElementsOf(verifications.stream().map(ProcessInstance::getId).toList());
    }

    private static Map<String, Object> variables(ProcessInstance instance) {
        return historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list().stream()
                .filter(variable -> variable.getValue() != null)
                .collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue));
    }
}
