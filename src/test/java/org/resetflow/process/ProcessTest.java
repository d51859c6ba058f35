package org.resetflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.resetflow.engine.StepPreparation;
import org.resetflow.engine.Vars;

/** Drives the models the way the journey API does: requester steps by business key, input as transient variables. */
abstract class ProcessTest {

    @RegisterExtension
    ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(ProcessEngines.engine()).build();

    JourneyDoubles doubles;

    @BeforeEach
    void setUpDoubles() {
        init(extension.getProcessEngine());
        doubles = new JourneyDoubles().register();
    }

    @AfterEach
    void resetDoubles() {
        Mocks.reset();
    }

    /** Starts a journey and runs what is due, as the API waits for the journey to settle after its start. */
    ProcessInstance start(String processKey, String journey, String username) {
        ProcessInstance started = runtimeService().startProcessInstanceByKey(processKey, UUID.randomUUID().toString(), Variables.createVariables()
                .putValue(Vars.USERNAME, username)
                .putValue(Vars.CLIENT_ADDRESS, "192.0.2.10")
                .putValue(Vars.LOCALE, "en")
                .putValue(Vars.JOURNEY, journey)
                .putValue(Vars.REQUESTED_AT, "2026-11-25T10:00:00Z"));
        runDueJobs(started);
        return started;
    }

    /** The step the user sees now, as the API finds it: a user task of this journey without candidate groups. */
    Task step(ProcessInstance root) {
        return taskService().createTaskQuery().processInstanceBusinessKey(root.getBusinessKey()).withoutCandidateGroups().singleResult();
    }

    String stepKey(ProcessInstance root) {
        Task step = step(root);
        return step == null ? null : step.getTaskDefinitionKey();
    }

    /** Completes the current step with the values as transient variables, then runs what the job executor would. */
    void submit(ProcessInstance root, String expectedStep, Map<String, Object> values) {
        complete(root, expectedStep, values);
        runDueJobs(root);
    }

    /** Completes the current step as {@link #submit} does, and runs no job: where the journey rests when the API answers. */
    void complete(ProcessInstance root, String expectedStep, Map<String, Object> values) {
        Task step = step(root);
        assertThat(step).as("a step is waiting").isNotNull();
        assertThat(step.getTaskDefinitionKey()).isEqualTo(expectedStep);
        VariableMap input = Variables.createVariables();
        values.forEach((name, value) -> input.putValueTyped(name, value instanceof Boolean b
                ? Variables.booleanValue(b, true) : Variables.stringValue((String) value, true)));
        preparation(step).ifPresent(preparation -> doubles.prepare(preparation, values)
                .forEach((name, value) -> input.putValueTyped(name, Variables.stringValue(value, true))));
        taskService().complete(step.getId(), input);
    }

    /** The preparation the step's model declares, which the journey API runs before it completes the step. */
    private static Optional<String> preparation(Task step) {
        UserTask task = repositoryService().getBpmnModelInstance(step.getProcessDefinitionId()).getModelElementById(step.getTaskDefinitionKey());
        return task.getExtensionElements() == null ? Optional.empty()
                : task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                        .flatMap(properties -> properties.getCamundaProperties().stream())
                        .filter(property -> StepPreparation.PROPERTY.equals(property.getCamundaName()))
                        .map(CamundaProperty::getCamundaValue).findFirst();
    }

    /** Executes asynchronous continuations that are due (not timers in the future, not failed ones waiting). */
    void runDueJobs(ProcessInstance root) {
        for (int round = 0; round < 20; round++) {
            List<Job> due = jobs(root).stream().filter(job -> job.getRetries() > 0 && job.getDuedate() == null).toList();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                try {
                    managementService().executeJob(job.getId());
                } catch (RuntimeException failed) {
                    // as with the job executor: the failure is recorded on the job and retried later
                }
            }
        }
    }

    /** Fires the timer of a boundary event now, as if its time had come. */
    void fireTimer(ProcessInstance root, String boundaryEventId) {
        Job timer = jobs(root).stream()
                .filter(job -> "timer".equals(((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) job).getType()))
                .filter(job -> boundaryEventId.equals(managementService().createJobDefinitionQuery()
                        .jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId()))
                .findFirst().orElseThrow(() -> new AssertionError("no timer " + boundaryEventId));
        managementService().executeJob(timer.getId());
        runDueJobs(root);
    }

    List<Job> jobs(ProcessInstance root) {
        return runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(root.getBusinessKey()).list().stream()
                .flatMap(instance -> managementService().createJobQuery().processInstanceId(instance.getId()).list().stream())
                .toList();
    }

    int stepNumber(ProcessInstance root, String name) {
        return ((Number) stepVariable(root, name)).intValue();
    }

    Object stepVariable(ProcessInstance root, String name) {
        return taskService().getVariable(step(root).getId(), name);
    }

    Object outcome(ProcessInstance root) {
        return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService().createHistoricVariableInstanceQuery()
                .processInstanceId(root.getId()).variableName(Vars.OUTCOME).singleResult().getValue();
    }

    /**
     * The instances of a called process that this journey started, oldest first, running or ended; and of a process
     * started on its own for it with its flow id as business key (a code's delivery, a failing directory write's task).
     */
    List<ProcessInstance> calledInstances(ProcessInstance root, String processKey) {
        return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(root.getBusinessKey()).processDefinitionKey(processKey).orderByProcessInstanceStartTime().asc()
                .list().stream().map(CalledInstance::new).map(ProcessInstance.class::cast).toList();
    }

    /** The one instance of a called process that this journey started, for the same assertions as the journey's own. */
    ProcessInstance calledInstance(ProcessInstance root, String processKey) {
        List<ProcessInstance> called = calledInstances(root, processKey);
        assertThat(called).as("instances of " + processKey).hasSize(1);
        return called.get(0);
    }

    /** Where the journey's user proves who they are, or the helpdesk takes over: the journey's call of identityProof. */
    ProcessInstance proof(ProcessInstance root) {
        return calledInstance(root, "identityProof");
    }

    /** A called process instance as camunda-bpm-assert looks at one: by id, from the history once it has ended. */
    private record CalledInstance(org.camunda.bpm.engine.history.HistoricProcessInstance historic) implements ProcessInstance {
        public String getId() { return historic.getId(); }
        public String getProcessInstanceId() { return historic.getId(); }
        public String getRootProcessInstanceId() { return historic.getRootProcessInstanceId(); }
        public String getBusinessKey() { return historic.getBusinessKey(); }
        public String getProcessDefinitionId() { return historic.getProcessDefinitionId(); }
        public String getProcessDefinitionKey() { return historic.getProcessDefinitionKey(); }
        public String getCaseInstanceId() { return historic.getCaseInstanceId(); }
        public String getTenantId() { return historic.getTenantId(); }
        public boolean isSuspended() { return false; }
        public boolean isEnded() { return historic.getEndTime() != null; }
    }

    static Map<String, Object> values(Object... pairs) {
        java.util.LinkedHashMap<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
