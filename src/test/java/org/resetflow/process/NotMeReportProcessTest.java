package org.resetflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
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
import org.resetflow.engine.Vars;
import org.resetflow.notme.NotMeVariables;
import org.resetflow.verification.VerificationVariables;

/**
 * A recovery reported as not the user's: started by its message as the journey API starts it, the account blocked
 * at once, the helpdesk's task with the journey's facts, and the block lifted only when the helpdesk confirms that
 * it secured the account.
 */
@Deployment(resources = {"processes/not-me-report.bpmn", "forms/notMeReport.form"})
class NotMeReportProcessTest extends ProcessTest {

    private ProcessInstance report() {
        return runtimeService().startProcessInstanceByMessage(NotMeVariables.START_MESSAGE, UUID.randomUUID().toString(), Variables.createVariables()
                .putValue(Vars.USERNAME, "alice")
                .putValue(Vars.ACCOUNT_KEY, "alice")
                .putValue(NotMeVariables.REPORTED_JOURNEY, "journey-7")
                .putValue(NotMeVariables.REPORTED_NOTICE, "PASSWORD_RESET")
                .putValue(NotMeVariables.NOTICE_SENT_AT, "2026-11-25T10:05:00Z")
                .putValue(NotMeVariables.REPORTED_AT, "2026-11-25T11:00:00Z")
                .putValue(NotMeVariables.REPORTED_FROM, "198.51.100.7"));
    }

    private static Task secureAccount(ProcessInstance report) {
        return taskService().createTaskQuery().processInstanceId(report.getId()).taskDefinitionKey("secureAccount").singleResult();
    }

    @Test
    void aReportBlocksSelfServiceAtOnceAndGivesTheHelpdeskTheJourneysFacts() {
        ProcessInstance report = report();

        assertThat(report).hasPassedInOrder("notMeReported", "blockSelfService", "gatherReportedJourneyFacts")
                .isWaitingAt("secureAccount").task().hasCandidateGroup("helpdesk-admins").hasFormKey(null);
        assertThat(doubles.selfServiceBlocks).containsEntry(report.getId(), "alice");
        assertThat(doubles.calls).containsSubsequence("blockSelfServiceDelegate", "gatherReportedJourneyFactsDelegate");
        Map<String, Object> facts = taskService().getVariables(secureAccount(report).getId());
        assertThat(facts).containsEntry(Vars.USERNAME, "alice").containsEntry(Vars.JOURNEY, "reset")
                .containsEntry(Vars.CLIENT_ADDRESS, "192.0.2.10").containsEntry(VerificationVariables.VERIFIED_METHODS, "EMAIL")
                .containsEntry(Vars.NODE, "node-1").containsEntry(NotMeVariables.REPORTED_FROM, "198.51.100.7")
                .containsEntry(NotMeVariables.REPORTED_NOTICE, "PASSWORD_RESET");
        assertThat(step(report)).as("nothing for the user: the helpdesk's task has a candidate group").isNull();
    }

    @Test
    void theTaskIsNamedWithTheUserAndTheJourneyAndIsDueAndFollowedUpAsAnEscalation() {
        Task task = secureAccount(report());

        assertThat(task.getName()).isEqualTo("Secure: alice (reset) – a recovery reported as not theirs");
        assertThat(sinceCreation(task, task.getDueDate())).isBetween(Duration.ofHours(8), Duration.ofHours(8).plusSeconds(1));
        assertThat(sinceCreation(task, task.getFollowUpDate())).isBetween(Duration.ofHours(4), Duration.ofHours(4).plusSeconds(1));
    }

    @Test
    void theHelpdeskConfirmingThatItSecuredTheAccountLiftsTheBlock() {
        ProcessInstance report = report();

        taskService().complete(secureAccount(report).getId(), Map.of(NotMeVariables.ACCOUNT_SECURED, true,
                NotMeVariables.RESOLUTION, "Called her back, set a temporary password, ended her sessions"));

        assertThat(report).isEnded().hasPassedInOrder("secureAccount", "liftSelfServiceBlock", "accountSecured");
        assertThat(doubles.selfServiceBlocks).doesNotContainKey(report.getId());
    }

    @Test
    void theAccountStaysBlockedAndTheTaskOpenUntilTheHelpdeskConfirms() {
        ProcessInstance report = report();
        String task = secureAccount(report).getId();

        // the refused completion goes to the caller (ProcessEngines: the engine does not log it too)
        assertThatThrownBy(() -> taskService().complete(task, Map.of(NotMeVariables.RESOLUTION, "Looked at it")))
                .hasMessageContaining("Secure the account first");

        assertThat(report).isWaitingAt("secureAccount");
        assertThat(doubles.selfServiceBlocks).containsEntry(report.getId(), "alice");
    }

    @Test
    void aTemporaryPasswordReportedAsNotTheUsersShowsThatNoMethodWasProven() {
        doubles.reportedVerifiedMethods = "none";

        ProcessInstance report = report();

        assertThat(taskService().getVariable(secureAccount(report).getId(), VerificationVariables.VERIFIED_METHODS)).isEqualTo("none");
    }

    @Test
    void aReportNobodyTakesIsOfferedToTheFollowUpGroupAndTheAccountStaysBlocked() {
        ProcessInstance report = report();

        fireTimer(report, "reportNotTaken");

        assertThat(report).hasPassed("followUpReport", "reportFollowedUp").isWaitingAt("secureAccount");
        assertThat(doubles.calls).contains("followUpEscalationDelegate");
        assertThat(doubles.selfServiceBlocks).containsEntry(report.getId(), "alice");
    }
}
