package org.resetflow.journey;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.resetflow.camunda.ModelProperties;
import org.resetflow.engine.StepDisplay;
import org.springframework.stereotype.Component;

/**
 * The features' {@link StepDisplay}s by bean name, and what the one a user task declares ({@code camunda:property
 * display=...}) adds to its variables for the form. A model that names one that does not exist stops the start.
 */
@Component
class StepDisplays {

    private final Map<String, StepDisplay> byName;

    StepDisplays(Map<String, StepDisplay> byName) {
        this.byName = Map.copyOf(byName);
        ModelProperties.declared(StepDisplay.PROPERTY).forEach((step, name) -> {
            if (!this.byName.containsKey(name)) {
                throw new IllegalStateException("The step " + step + " of processes/ declares " + StepDisplay.PROPERTY + "=" + name
                        + ", but there is no such StepDisplay bean; there are " + this.byName.keySet());
            }
        });
    }

    /** The task's variables with what its display shows; the variables themselves when it declares none. */
    Map<String, Object> withDisplay(Task task, Map<String, Object> variables) {
        String name = ModelProperties.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), StepDisplay.PROPERTY);
        if (name == null) {
            return variables;
        }
        Map<String, Object> shown = new HashMap<>(variables);
        shown.putAll(byName.get(name).values(task.getProcessInstanceId(), variables));
        return shown;
    }
}
