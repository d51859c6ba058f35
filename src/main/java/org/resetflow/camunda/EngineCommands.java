package org.resetflow.camunda;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs several calls of the engine's services as one engine command, in one transaction: what they read (a task,
 * its execution, its variables) is loaded once into the command's cache and shared. The public services open a
 * command per call.
 */
@Component
public class EngineCommands {

    private final ObjectProvider<ProcessEngineConfigurationImpl> configuration;

    /** The engine's configuration is built after the beans that use this one. */
    EngineCommands(ObjectProvider<ProcessEngineConfigurationImpl> configuration) {
        this.configuration = configuration;
    }

    public <T> T inOneCommand(Supplier<T> work) {
        return configuration.getObject().getCommandExecutorTxRequired().execute(context -> work.get());
    }

    /**
     * The variables a task sees (its own and its execution's, up the scopes), or nothing when the journey moved on
     * while it was being read: the task is gone, or its execution is (a job's commit between the two reads).
     * {@code TaskService.getVariables} answers the second case with a {@code NullPointerException} from its
     * authorization check, which reads the execution's process definition without checking that it is still there.
     */
    public Optional<Map<String, Object>> taskVariables(String taskId) {
        return configuration.getObject().getCommandExecutorTxRequired().execute(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task == null || (task.getExecutionId() != null && task.getExecution() == null)) {
                return Optional.empty();
            }
            return Optional.<Map<String, Object>>of(task.getVariablesTyped(true));
        });
    }
}
