package org.resetflow.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The name of what a sending step delivers (a code, a notice on every address): its process instance and its step,
 * the same for every retry of the step, so that a retry sends only what did not go out ({@code channel.SentMessages}).
 */
public final class Deliveries {

    private Deliveries() {
    }

    public static String of(DelegateExecution execution) {
        return execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId();
    }
}
