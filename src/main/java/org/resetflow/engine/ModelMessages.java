package org.resetflow.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;

/**
 * The message a throw event of the models sends, as the model names it: the step that implements the event sends
 * what the model says, and Java keeps no list of message names.
 */
public final class ModelMessages {

    private ModelMessages() {
    }

    /** The name of the message the event being executed throws. */
    public static String thrownBy(DelegateExecution execution) {
        FlowElement element = execution.getBpmnModelElementInstance();
        if (element instanceof ThrowEvent event) {
            for (EventDefinition definition : event.getEventDefinitions()) {
                if (definition instanceof MessageEventDefinition message && message.getMessage() != null) {
                    return message.getMessage().getName();
                }
            }
        }
        throw new IllegalStateException("The model gives " + execution.getCurrentActivityId() + " no message to throw");
    }
}
