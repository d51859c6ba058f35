package org.resetflow.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * The facts a journey keeps on its own process instance (reset, unlock or registration: the account, the username,
 * the locale, the decoy flag, the methods it registered), read from a step of a process it calls. The called
 * processes get only what is theirs through {@code camunda:in} (the step total, the method and destination of a code,
 * the gates to prove): a copy of every fact in each called process was a runtime variable inserted and deleted, and
 * loaded with the others, in every journey. The journey's instance is found through the root process instance id,
 * in the command's cache once the audit or another step has read it.
 */
public final class JourneyFacts {

    private JourneyFacts() {
    }

    /** The fact, from the journey's own process instance; a called process started on its own is its own journey. */
    public static Object get(DelegateExecution execution, String name) {
        return journey(execution).getVariable(name);
    }

    public static String text(DelegateExecution execution, String name) {
        Object value = get(execution, name);
        return value == null ? null : value.toString();
    }

    public static boolean isTrue(DelegateExecution execution, String name) {
        return Boolean.TRUE.equals(get(execution, name));
    }

    /**
     * Records a fact on the journey's own process instance, from a step of a process it calls: what the journey
     * reached there (its outcome, the reason, the methods verified), where the API, the audit and Cockpit read it
     * while the called process still runs, without a copy in the called process and a mapping back.
     */
    public static void set(DelegateExecution execution, String name, Object value) {
        journey(execution).setVariable(name, value);
    }

    /** The id of the journey's own process instance: the instance itself when it was started on its own. */
    public static String journeyId(DelegateExecution execution) {
        return journey(execution).getId();
    }

    /**
     * Raises an incident on the journey's own process instance, from a process started on its own for the journey
     * (the code's delivery), which is no part of the journey's tree and names the journey's instance, so that
     * operators see it on the journey in Cockpit. Once the journey has ended, the incident is raised where the step
     * runs: the history keeps it there.
     */
    public static void raiseIncident(DelegateExecution execution, String journeyInstanceId, String type, String configuration, String message) {
        ExecutionEntity here = (ExecutionEntity) execution;
        ExecutionEntity journey = here.getProcessInstanceId().equals(journeyInstanceId) ? here.getProcessInstance()
                : Context.getCommandContext().getExecutionManager().findExecutionById(journeyInstanceId);
        (journey != null ? journey : here.getProcessInstance()).createIncident(type, configuration, message);
    }

    /** The journey's own process instance, which lives on after the called process ends. */
    static ExecutionEntity journey(DelegateExecution execution) {
        ExecutionEntity here = (ExecutionEntity) execution;
        String root = here.getRootProcessInstanceId();
        if (root == null || root.equals(here.getProcessInstanceId())) {
            return here.getProcessInstance();
        }
        ExecutionEntity journey = Context.getCommandContext().getExecutionManager().findExecutionById(root);
        if (journey == null) {
            throw new IllegalStateException("The journey of process instance " + here.getProcessInstanceId() + " is gone");
        }
        return journey;
    }
}
