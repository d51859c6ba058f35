package org.resetflow.bench.ceiling;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * The product's {@code journeyFacts} bean as the ceiling runs it: not a no-op, because the models route on what it
 * reads and the journey's outcome is what it records. It does what the product's does ({@code
 * org.resetflow.camunda.JourneyFacts}): reads and writes the variables of the journey's own process instance, found
 * through the root process instance id in the command's cache.
 */
public final class JourneyFactsStandIn {

    public Object of(DelegateExecution execution, String name) {
        return journey(execution).getVariable(name);
    }

    public boolean isTrue(DelegateExecution execution, String name) {
        return Boolean.TRUE.equals(of(execution, name));
    }

    public void set(DelegateExecution execution, String name, Object value) {
        journey(execution).setVariable(name, value);
    }

    private static ExecutionEntity journey(DelegateExecution execution) {
        ExecutionEntity here = (ExecutionEntity) execution;
        String root = here.getRootProcessInstanceId();
        if (root == null || root.equals(here.getProcessInstanceId())) {
            return here.getProcessInstance();
        }
        return Context.getCommandContext().getExecutionManager().findExecutionById(root);
    }
}
