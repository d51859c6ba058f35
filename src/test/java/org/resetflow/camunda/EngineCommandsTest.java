package org.resetflow.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resetflow.testing.InMemoryEngines;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** A step's variables read while the journey moves on: nothing, never an engine failure the API would answer with 500. */
class EngineCommandsTest {

    private ProcessEngine engine;
    private EngineCommands commands;

    @BeforeEach
    void startEngine() {
        StandaloneInMemProcessEngineConfiguration configuration = InMemoryEngines.configuration("commands");
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().addModelInstance("step.bpmn",
                Bpmn.createExecutableProcess("step").camundaHistoryTimeToLive(1).startEvent().userTask("enterCode").endEvent().done()).deploy();
        commands = new EngineCommands(new StaticListableBeanFactory(Map.of("engine", configuration))
                .getBeanProvider(ProcessEngineConfigurationImpl.class));
    }

    @AfterEach
    void stopEngine() {
        engine.close();
    }

    @Test
    void aWaitingStepShowsItsOwnAndItsJourneysVariables() {
        Task task = waitingStep();
        engine.getTaskService().setVariableLocal(task.getId(), "stepIndex", 2);
        engine.getTaskService().setVariableLocal(task.getId(), "notice", null);

        assertThat(commands.taskVariables(task.getId())).hasValueSatisfying(variables ->
                assertThat(variables).containsEntry("username", "alice").containsEntry("stepIndex", 2).containsEntry("notice", null));
    }

    @Test
    void aStepCompletedBeforeTheReadShowsNothing() {
        Task task = waitingStep();
        engine.getTaskService().complete(task.getId());

        assertThat(commands.taskVariables(task.getId())).isEmpty();
    }

    /**
     * The race CI met: the task was read, then another transaction completed it and ended its process before the
     * variables were read. The engine's own {@code TaskService.getVariables} fails there with a NullPointerException.
     */
    @Test
    void aStepCompletedBetweenReadingTheTaskAndItsVariablesShowsNothing() {
        Task waiting = waitingStep();

        Optional<Map<String, Object>> read = commands.inOneCommand(() -> {
            Task cached = engine.getTaskService().createTaskQuery().taskId(waiting.getId()).singleResult();
            assertThat(cached).as("the task, in this command's cache").isNotNull();
            CompletableFuture.runAsync(() -> engine.getTaskService().complete(waiting.getId())).join();
            return commands.taskVariables(waiting.getId());
        });

        assertThat(read).isEmpty();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).as("the other transaction ended the process").isZero();
    }

    private Task waitingStep() {
        engine.getRuntimeService().startProcessInstanceByKey("step", Variables.putValue("username", "alice"));
        return engine.getTaskService().createTaskQuery().singleResult();
    }
}
