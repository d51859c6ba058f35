package org.resetflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import ch.qos.logback.classic.Level;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.resetflow.accountchange.AccountChangeVariables;
import org.resetflow.camunda.DirectoryWriteIncidents;
import org.resetflow.engine.Vars;
import org.resetflow.escalation.EscalationVariables;
import org.resetflow.testing.ExpectedLog;

/**
 * The helpdesk's task about a directory write that keeps failing, for a write in the journey and for one in the
 * helpdesk escalation it called: opened by the incident, closed by the helpdesk or when the incident is settled.
 */
@Deployment(resources = {"processes/account-unlock.bpmn", "processes/account-check.bpmn", "processes/helpdesk-escalation.bpmn", "processes/identity-proof.bpmn",
        "processes/directory-write-failing.bpmn", "processes/identity-verification.bpmn", "processes/code-verification.bpmn", "processes/code-delivery.bpmn",
        "processes/eligibility.dmn", "forms/chooseMethod.form", "forms/enterCode.form", "forms/answerQuestions.form",
        "forms/escalation.form", "forms/directoryWriteFailing.form"})
class DirectoryWriteFailingProcessTest extends ProcessTest {

    /** Every test here wears a write out on purpose; the operators' line about it is the test's, not the console's. */
    @RegisterExtension
    final ExpectedLog log = ExpectedLog.of(DirectoryWriteIncidents.class);

    private boolean cloudDown = true;

    private ProcessInstance unlockWithFailingCloud() {
        doubles.identitySource = "synced";
        org.camunda.bpm.engine.test.mock.Mocks.register("unlockAccountDelegate", (org.camunda.bpm.engine.delegate.JavaDelegate) e -> {
            if (cloudDown) {
                throw new IllegalStateException("cloud directory unreachable");
            }
            e.setVariable(AccountChangeVariables.CLOUD_WRITTEN, true);
        });
        ProcessInstance unlock = start("accountUnlock", "unlock", "gina");
        submit(unlock, "chooseMethod", values("method", "EMAIL", "contact", "registered"));
        submit(unlock, "enterCode", values("code", JourneyDoubles.RIGHT_CODE));
        return unlock;
    }

    private static Job useUpRetries(ProcessInstance journey, List<Job> jobs) {
        Job failing = jobs.stream().filter(job -> job.getExceptionMessage() != null).findFirst().orElseThrow();
        for (int retry = 0; retry < 3; retry++) {
            try {
                managementService().executeJob(failing.getId());
            } catch (IllegalStateException expected) {
                // still down
            }
        }
        return failing;
    }

    private Task helpdeskTask(ProcessInstance journey) {
        return taskService().createTaskQuery().processInstanceBusinessKey(journey.getBusinessKey()).taskDefinitionKey("checkDirectoryWrite").singleResult();
    }

    @Test
    void aFailingWriteOfTheJourneyGivesTheHelpdeskATaskThatTheHelpdeskCloses() {
        ProcessInstance unlock = unlockWithFailingCloud();
        useUpRetries(unlock, jobs(unlock));
        ProcessInstance failing = calledInstance(unlock, "directoryWriteFailing");
        assertThat(failing).isWaitingAt("checkDirectoryWrite").task().hasCandidateGroup("helpdesk-admins");
        Task task = helpdeskTask(unlock);
        assertThat(taskService().getVariable(task.getId(), DirectoryWriteIncidents.FAILED_WRITE)).isEqualTo("Unlock the account");
        assertThat(taskService().getVariable(task.getId(), Vars.USERNAME)).isEqualTo("gina");
        assertThat(step(unlock)).as("nothing for the user meanwhile").isNull();
        assertThat(log.lines(Level.WARN)).singleElement().satisfies(line -> {
            assertThat(line.message()).endsWith("failed for good at 'Unlock the account': the helpdesk gets a task");
            assertThat(line.hasStackTrace()).isFalse();
        });

        taskService().complete(task.getId());
        assertThat(failing).isEnded().hasPassed("directoryWriteChecked").hasNotPassed("directoryWriteNoLongerFailing");
        assertThat(unlock).isWaitingAt("unlockAccount");
    }

    @Test
    void theTaskEndsWhenTheWriteIsRetried() {
        ProcessInstance unlock = unlockWithFailingCloud();
        Job write = useUpRetries(unlock, jobs(unlock));
        ProcessInstance failing = calledInstance(unlock, "directoryWriteFailing");
        cloudDown = false;
        managementService().setJobRetries(write.getId(), 1);
        assertThat(failing).isEnded().hasPassed("directoryWriteSettled", "directoryWriteNoLongerFailing");
        managementService().executeJob(write.getId());
        runDueJobs(unlock);
        assertThat(unlock).isEnded().hasPassed("completed");
    }

    @Test
    void theTaskEndsWhenTheJourneyIsCancelled() {
        ProcessInstance unlock = unlockWithFailingCloud();
        useUpRetries(unlock, jobs(unlock));
        ProcessInstance failing = calledInstance(unlock, "directoryWriteFailing");
        runtimeService().deleteProcessInstance(unlock.getId(), "cancelled by the helpdesk");
        assertThat(failing).isEnded().hasPassed("directoryWriteNoLongerFailing");
    }

    @Test
    void aFailingWriteInTheHelpdeskEscalationGivesTheHelpdeskATaskToo() {
        doubles.registeredMethods = "";
        org.camunda.bpm.engine.test.mock.Mocks.register("unlockAccountDelegate", (org.camunda.bpm.engine.delegate.JavaDelegate) e -> {
            throw new IllegalStateException("cloud directory unreachable");
        });
        ProcessInstance unlock = start("accountUnlock", "unlock", "carol");
        runDueJobs(unlock);
        Task review = taskService().createTaskQuery().processInstanceBusinessKey(unlock.getBusinessKey()).taskDefinitionKey("reviewEscalation").singleResult();
        taskService().complete(review.getId(), java.util.Map.of(EscalationVariables.DECISION, "APPROVE"));
        runDueJobs(unlock);
        useUpRetries(unlock, jobs(unlock));
        assertThat(calledInstance(unlock, "helpdeskEscalation")).isWaitingAt("unlockAfterReview");
        assertThat(calledInstance(unlock, "directoryWriteFailing")).isWaitingAt("checkDirectoryWrite");
        assertThat(taskService().getVariable(helpdeskTask(unlock).getId(), DirectoryWriteIncidents.FAILED_WRITE)).isEqualTo("Unlock the account");
    }
}
