package org.resetflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.resetflow.eligibility.EligibilityVariables;
import org.resetflow.engine.Vars;
import org.resetflow.escalation.EscalationVariables;

/** Every path of the helpdesk escalation, started on its own with what its callers pass in. */
@Deployment(resources = {"processes/helpdesk-escalation.bpmn", "forms/escalation.form"})
class HelpdeskEscalationProcessTest extends ProcessTest {

    private ProcessInstance escalate(String approvedAction, boolean protectedAccount) {
        return escalate("carol", approvedAction, protectedAccount);
    }

    private ProcessInstance escalate(String username, String approvedAction, boolean protectedAccount) {
        ProcessInstance escalation = runtimeService().startProcessInstanceByKey("helpdeskEscalation", UUID.randomUUID().toString(),
                Variables.createVariables().putValue(Vars.USERNAME, username).putValue(Vars.JOURNEY, approvedAction.equals("unlock") ? "unlock" : "reset")
                        .putValue(Vars.LOCALE, "en")
                        .putValue(Vars.REQUESTED_AT, "2026-11-25T10:00:00Z").putValue(Vars.CLIENT_ADDRESS, "192.0.2.10")
                        .putValue(EligibilityVariables.ELIGIBILITY_REASON, "NOT_REGISTERED").putValue(Vars.ACCOUNT_KEY, "carol")
                        .putValue(EligibilityVariables.IDENTITY_SOURCE, "cloud").putValue(EligibilityVariables.WRITEBACK_REQUIRED, false)
                        .putValue(EligibilityVariables.PROTECTED_ACCOUNT, protectedAccount).putValue("approvedAction", approvedAction));
        runDueJobs(escalation);
        return escalation;
    }

    private void decide(ProcessInstance escalation, Map<String, Object> decision) {
        assertThat(escalation).isWaitingAt("reviewEscalation").task().hasCandidateGroup("helpdesk-admins");
        taskService().complete(taskService().createTaskQuery().processInstanceId(escalation.getId()).singleResult().getId(), decision);
        runDueJobs(escalation);
    }

    @Test
    void theUserIsToldAndTheHelpdeskGetsTheFacts() {
        ProcessInstance escalation = escalate("temporaryPassword", false);
        assertThat(escalation).hasPassed("notifyEscalationReceived", "escalationAcknowledged", "gatherEscalationFacts").isWaitingAt("reviewEscalation");
        assertThat(runtimeService().getVariable(escalation.getId(), EscalationVariables.METHODS_TRIED)).isEqualTo("none");
    }

    @Test
    void theReviewIsNamedWithTheUserTheJourneyAndTheReasonAndIsDueAndFollowedUpAsTheSettingsSay() {
        Task review = review(escalate("temporaryPassword", false));

        assertThat(review.getName()).isEqualTo("Review: carol (reset) – no recovery information registered");
        assertThat(sinceCreation(review, review.getDueDate())).isBetween(Duration.ofHours(8), Duration.ofHours(8).plusSeconds(1));
        assertThat(sinceCreation(review, review.getFollowUpDate())).isBetween(Duration.ofHours(4), Duration.ofHours(4).plusSeconds(1));
        assertThat(taskService().getVariable(review.getId(), EscalationVariables.ESCALATION_REASON)).isEqualTo("no recovery information registered");
        assertThat(review(escalate("dave", "unlock", false)).getName()).startsWith("Review: dave (unlock) – ");
    }

    @Test
    void aUsernameTooLongForTheTaskNameIsShortenedRatherThanFailingTheEscalation() {
        Task review = review(escalate("u".repeat(256), "temporaryPassword", false));

        assertThat(review.getName()).hasSize(255).startsWith("Review: uuu").endsWith("…");
        assertThat(historyService().createHistoricTaskInstanceQuery().taskId(review.getId()).singleResult().getName()).isEqualTo(review.getName());
    }

    private static Task review(ProcessInstance escalation) {
        assertThat(escalation).isWaitingAt("reviewEscalation");
        return taskService().createTaskQuery().processInstanceId(escalation.getId()).taskDefinitionKey("reviewEscalation").singleResult();
    }

    @Test
    void anApprovedResetGetsATemporaryPassword() {
        ProcessInstance escalation = escalate("temporaryPassword", false);
        decide(escalation, Map.of(EscalationVariables.DECISION, "APPROVE"));
        assertThat(escalation).isEnded().hasPassed("recordDecision", "issueTemporaryPassword", "notifyEscalationOutcome", "escalationApproved")
                .hasNotPassed("unlockAfterReview", "notifyRefusal");
        assertThat(doubles.called("issueTemporaryPasswordDelegate")).isTrue();
    }

    @Test
    void anApprovedUnlockUnlocksTheAccount() {
        ProcessInstance escalation = escalate("unlock", false);
        decide(escalation, Map.of(EscalationVariables.DECISION, "APPROVE"));
        assertThat(escalation).isEnded().hasPassed("unlockAfterReview", "notifyEscalationOutcome", "escalationApproved")
                .hasNotPassed("issueTemporaryPassword");
        assertThat(doubles.called("unlockAccountDelegate")).isTrue();
    }

    @Test
    void anApprovedProtectedAccountIsLeftToTheDomainAdministrators() {
        ProcessInstance escalation = escalate("temporaryPassword", true);
        decide(escalation, Map.of(EscalationVariables.DECISION, "APPROVE"));
        assertThat(escalation).isEnded().hasPassed("notifyEscalationOutcome", "escalationApproved")
                .hasNotPassed("approvedActionGateway", "issueTemporaryPassword", "unlockAfterReview");
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(escalation.getId()).variableName("noticeTemplate")
                .singleResult().getValue()).isEqualTo("HANDLED_BY_DOMAIN_ADMINISTRATORS");
    }

    @Test
    void aRefusalTellsTheUserWhy() {
        ProcessInstance escalation = escalate("unlock", false);
        decide(escalation, Map.of(EscalationVariables.DECISION, "REFUSE", EscalationVariables.REFUSAL_REASON, "Could not reach you"));
        assertThat(escalation).isEnded().hasPassed("notifyRefusal", "escalationRefused").hasNotPassed("unlockAfterReview", "notifyEscalationOutcome");
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(escalation.getId()).variableName("noticeTemplate")
                .singleResult().getValue()).isEqualTo("ESCALATION_REFUSED");
    }

    @Test
    void aReviewNobodyTakesInTimeIsOfferedToTheFollowUpGroupAndStaysOpen() {
        ProcessInstance escalation = escalate("temporaryPassword", false);
        fireTimer(escalation, "escalationNotTaken");
        assertThat(escalation).hasPassed("followUpEscalation", "escalationFollowedUp").isWaitingAt("reviewEscalation");
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(escalation.getId()).variableName("followUpTask")
                .singleResult().getValue()).as("the model names the task to follow up").isEqualTo("reviewEscalation");
    }
}
