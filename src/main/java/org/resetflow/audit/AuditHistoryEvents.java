package org.resetflow.audit;

import java.util.Set;
import java.util.function.Function;
import org.resetflow.camunda.JourneyEvent;
import org.resetflow.camunda.JourneyEventListener;
import org.resetflow.engine.Vars;
import org.springframework.stereotype.Component;

/**
 * Turns the engine's history of a journey into audit events: a journey started (its start event ended), a step
 * ended (every task, event and call; not gateways and not the start events of the called processes), an incident
 * was raised or resolved. The facts come from an explicit list of process variables of the journey; nothing else
 * is ever read.
 */
@Component
class AuditHistoryEvents implements JourneyEventListener {

    /** Routing elements, not steps. */
    private static final Set<String> NOT_STEPS = Set.of("exclusiveGateway", "parallelGateway", "inclusiveGateway",
            "eventBasedGateway", "startEvent");
    private static final int MAX_DETAIL = 300;

    private final AuditLog audit;

    AuditHistoryEvents(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void on(JourneyEvent event) {
        switch (event.kind()) {
            case ACTIVITY_ENDED -> {
                if (!NOT_STEPS.contains(event.activityType())) {
                    write(event, "step", event.activityName(), event.activityType(), null, null);
                } else if ("startEvent".equals(event.activityType()) && event.inJourneyInstance()) {
                    // the journey's start event has ended: its variables are in place now, unlike at the process start itself
                    write(event, "journey-started", event.activityName(), event.activityType(), null, null);
                }
            }
            case INCIDENT_RAISED -> write(event, "incident", null, null, event.incidentType(), truncate(event.incidentMessage()));
            case INCIDENT_RESOLVED -> write(event, "incident-resolved", null, null, event.incidentType(), truncate(event.incidentMessage()));
            default -> { }
        }
    }

    private void write(JourneyEvent event, String kind, String stepName, String stepType, String reason, String detail) {
        Function<String, Object> root = event.journey();
        String method = firstText(event.here(), Vars.CHOSEN_METHOD, Vars.METHOD);
        String decision = "recordDecision".equals(event.activityId()) ? text(root, Vars.DECISION) : null;
        String why = reason != null ? reason : firstText(root, "onPremisesRejection", Vars.ELIGIBILITY_REASON);
        audit.write(new AuditEvent(event.time().toString(), kind, event.flowId(), text(root, Vars.JOURNEY), event.processDefinitionKey(),
                event.activityId(), stepName, stepType, text(root, Vars.USERNAME), method, text(root, Vars.OUTCOME), why, decision,
                event.staffUserId(), text(root, Vars.CLIENT_ADDRESS), audit.node(), detail, event.processInstanceId()));
    }

    private static String firstText(Function<String, Object> variables, String... names) {
        for (String name : names) {
            String value = text(variables, name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String text(Function<String, Object> variables, String name) {
        Object value = variables.apply(name);
        return value == null ? null : value.toString();
    }

    private static String truncate(String message) {
        return message == null || message.length() <= MAX_DETAIL ? message : message.substring(0, MAX_DETAIL) + "…";
    }
}
