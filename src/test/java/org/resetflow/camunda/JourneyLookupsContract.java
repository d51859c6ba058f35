package org.resetflow.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The native statements of {@link JourneyLookups} against a real engine schema, on whichever database a subclass
 * names: a journey of two process instances that share the flow id as business key, a step for the user in the
 * called one, a staff task beside it, an asynchronous job, history variables.
 */
abstract class JourneyLookupsContract {

    private static final String JOURNEY = "lookupJourney";
    private static final String CALLED = "lookupCalled";

    private ProcessEngine engine;
    private JourneyLookups lookups;

    /** A fresh, empty database for one engine; {@code schemaUpdate} creates Camunda's tables. */
    protected abstract StandaloneProcessEngineConfiguration database();

    /** Drops what {@link #database()} made. */
    protected void dropDatabase() {
    }

    @BeforeEach
    void startEngine() {
        StandaloneProcessEngineConfiguration configuration = database();
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setHistory("full");
        configuration.setJobExecutorActivate(false);
        configuration.setProcessEngineName("lookups-" + UUID.randomUUID());
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment()
                .addModelInstance(JOURNEY + ".bpmn", journey())
                .addModelInstance(CALLED + ".bpmn", called())
                .deploy();
        lookups = new JourneyLookups(engine.getRuntimeService(), engine.getTaskService(), engine.getHistoryService(),
                engine.getManagementService());
    }

    @AfterEach
    void stopEngine() {
        engine.close();
        dropDatabase();
    }

    private static BpmnModelInstance journey() {
        return Bpmn.createExecutableProcess(JOURNEY).camundaHistoryTimeToLive(1)
                .startEvent()
                .callActivity("verify").calledElement(CALLED).camundaIn("username", "username")
                .camundaInBusinessKey("#{execution.processBusinessKey}")
                .serviceTask("later").camundaAsyncBefore().camundaExpression("${true}")
                .endEvent()
                .done();
    }

    private static BpmnModelInstance called() {
        return Bpmn.createExecutableProcess(CALLED).camundaHistoryTimeToLive(1)
                .startEvent()
                .parallelGateway("fork")
                .userTask("enterCode")
                .endEvent()
                .moveToNode("fork")
                .userTask("reviewByStaff").camundaCandidateGroups("helpdesk-admins")
                .endEvent()
                .done();
    }

    private ProcessInstance start(String flowId) {
        return engine.getRuntimeService().startProcessInstanceByKey(JOURNEY, flowId,
                Variables.putValue("username", "alice").putValue("outcome", "ACTIVE"));
    }

    @Test
    void theUsersStepIsTheTaskWithoutCandidateGroupsInAnyOfTheJourneysInstances() {
        start("flow-1");
        start("flow-2");

        Task step = lookups.requesterTask("flow-1");

        assertThat(step.getTaskDefinitionKey()).isEqualTo("enterCode");
        assertThat(step.getProcessInstanceId()).isIn(lookups.instanceIds("flow-1"));
        assertThat(lookups.requesterTask("no-such-flow")).isNull();
    }

    @Test
    void theJourneysInstancesAreThoseWithItsFlowIdAsBusinessKey() {
        ProcessInstance journey = start("flow-1");
        start("flow-2");

        assertThat(lookups.instanceIds("flow-1")).hasSize(2).contains(journey.getId());
        assertThat(lookups.instanceIds("no-such-flow")).isEmpty();
    }

    @Test
    void runnableJobsAreDueJobsWithRetriesLeft() {
        ProcessInstance journey = start("flow-1");
        assertThat(lookups.hasRunnableJobs("flow-1")).isFalse();

        completeBothTasks();
        Job job = engine.getManagementService().createJobQuery().processInstanceId(journey.getId()).singleResult();
        assertThat(lookups.hasRunnableJobs("flow-1")).isTrue();

        engine.getManagementService().setJobRetries(job.getId(), 0);
        assertThat(lookups.hasRunnableJobs("flow-1")).isFalse();
    }

    @Test
    void factsAreTheHistorysValuesOfTheNamedVariables() {
        ProcessInstance journey = start("flow-1");
        engine.getRuntimeService().setVariable(journey.getId(), "outcome", "COMPLETED");

        Map<String, Object> facts = lookups.facts(journey.getId(), "outcome", "username", "neverSet");

        assertThat(facts).containsOnly(Map.entry("outcome", "COMPLETED"), Map.entry("username", "alice"));
    }

    private void completeBothTasks() {
        List<Task> open = engine.getTaskService().createTaskQuery().list();
        open.forEach(task -> engine.getTaskService().complete(task.getId()));
    }
}
