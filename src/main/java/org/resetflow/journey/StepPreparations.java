package org.resetflow.journey;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.task.Task;
import org.resetflow.camunda.ModelProperties;
import org.resetflow.engine.StepPreparation;
import org.springframework.stereotype.Component;

/**
 * The features' {@link StepPreparation}s by bean name, and which one a user task declares
 * ({@code camunda:property preparation=...}). A model that names one that does not exist stops the start.
 */
@Component
class StepPreparations {

    private final Map<String, StepPreparation> byName;

    StepPreparations(Map<String, StepPreparation> byName) {
        this.byName = Map.copyOf(byName);
        requireDeclaredBeans(StepPreparation.PROPERTY, "StepPreparation", this.byName);
    }

    /** Stops the start when a step of the models declares a bean of this kind that does not exist. */
    static void requireDeclaredBeans(String property, String kind, Map<String, ?> byName) {
        ModelProperties.declared(property).forEach((step, name) -> {
            if (!byName.containsKey(name)) {
                throw new IllegalStateException("The step " + step + " of processes/ declares " + property + "=" + name
                        + ", but there is no such " + kind + " bean; there are " + byName.keySet());
            }
        });
    }

    /** The preparation the task's model declares; within an engine command. */
    Optional<StepPreparation> of(Task task) {
        String name = ModelProperties.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), StepPreparation.PROPERTY);
        if (name == null) {
            return Optional.empty();
        }
        StepPreparation preparation = byName.get(name);
        if (preparation == null) {
            throw new IllegalStateException("The step " + task.getTaskDefinitionKey() + " declares " + StepPreparation.PROPERTY + "=" + name
                    + ", but there is no such StepPreparation bean");
        }
        return Optional.of(preparation);
    }
}
