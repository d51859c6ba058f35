package org.resetflow.journey;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.resetflow.camunda.EngineCommands;
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
    private final EngineCommands commands;

    StepDisplays(Map<String, StepDisplay> byName, EngineCommands commands) {
        this.byName = Map.copyOf(byName);
        this.commands = commands;
        StepPreparations.requireDeclaredBeans(StepDisplay.PROPERTY, "StepDisplay", this.byName);
    }

    /** The task's variables with what its display shows; the variables themselves when it declares none. */
    Map<String, Object> withDisplay(Task task, Map<String, Object> variables) {
        // the model's properties are read within an engine command; a step is also read outside one
        String name = commands.inOneCommand(() -> ModelProperties.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), StepDisplay.PROPERTY));
        if (name == null) {
            return variables;
        }
        Map<String, Object> shown = new HashMap<>(variables);
        shown.putAll(byName.get(name).values(task.getProcessInstanceId(), variables));
        return shown;
    }
}
