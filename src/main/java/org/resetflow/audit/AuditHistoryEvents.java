package org.resetflow.audit;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.resetflow.camunda.JourneyEvent;
import org.resetflow.camunda.JourneyEventListener;
import org.resetflow.eligibility.EligibilityVariables;
import org.resetflow.engine.Vars;
import org.resetflow.shared.JourneyKind;
import org.resetflow.verification.VerificationVariables;
import org.springframework.stereotype.Component;

/**
 * Turns the engine's history of a journey into audit events: a journey started (its start event ended), a step
 * ended (every task, event and call; not gateways, not the start events of the called processes, and not what the
 * model declares a hand-over with {@code camunda:property auditStep=false}), an incident
 * was raised or resolved. The facts come from an explicit list of process variables of the journey; nothing else
 * is ever read. A step whose model declares {@code camunda:property auditDecision=<variable>} (the helpdesk's
 * "Record the decision") also records that variable as the decision. The username and the reason are read from the
 * process instance of the step first: a called process (the account check) knows them before its journey does.
 */
@Component
class AuditHistoryEvents implements JourneyEventListener {

    /** Routing elements, not steps; a multi-instance body only wraps the steps it repeats. */
    private static final Set<String> NOT_STEPS = Set.of("exclusiveGateway", "parallelGateway", "inclusiveGateway",
            "eventBasedGateway", "startEvent", "multiInstanceBody");
    private static final int MAX_DETAIL = 300;
    /** The processes that are journeys of their own; their start is the journey's. */
    private static final Set<String> JOURNEY_PROCESSES = Arrays.stream(JourneyKind.values()).map(JourneyKind::processKey)
            .collect(Collectors.toUnmodifiableSet());
    /** The extension property naming the variable a step records as the decision. */
    static final String AUDIT_DECISION = "auditDecision";
    /**
     * The extension property by which a model marks an element as a hand-over between two models, not a step of the
     * journey ({@code auditStep=false}): the call of a shared part and the end that hands back to the caller.
     */
    static final String AUDIT_STEP = "auditStep";

    private final AuditLog audit;

    AuditHistoryEvents(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void on(JourneyEvent event) {
        switch (event.kind()) {
            case ACTIVITY_ENDED -> {
                if (!NOT_STEPS.contains(event.activityType())) {
                    if (!"false".equals(event.stepDeclares().apply(AUDIT_STEP))) {
                        write(event, "step", event.activityName(), event.activityType(), null, null);
                    }
                } else if ("startEvent".equals(event.activityType()) && event.inJourneyInstance()
                        && JOURNEY_PROCESSES.contains(event.processDefinitionKey())) {
                    // the journey's start event has ended: its variables are in place now, unlike at the process start itself;
                    // a process started on its own for a journey (the failing-write task) is not a journey
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
        String method = firstText(event.here(), VerificationVariables.CHOSEN_METHOD, VerificationVariables.METHOD);
        String decisionVariable = "step".equals(kind) ? event.stepDeclares().apply(AUDIT_DECISION) : null;
        String decision = decisionVariable != null ? text(event.here(), decisionVariable) : null;
        String why = reason != null ? reason : stepFirst(event, "onPremisesRejection", EligibilityVariables.ELIGIBILITY_REASON);
        audit.write(new AuditEvent(event.time().toString(), kind, event.flowId(), text(root, Vars.JOURNEY), event.processDefinitionKey(),
                event.activityId(), stepName, stepType, stepFirst(event, Vars.USERNAME), method, text(root, Vars.OUTCOME), why, decision,
                event.staffUserId(), text(root, Vars.CLIENT_ADDRESS), audit.node(), detail, event.processInstanceId()));
    }

    /** The first of the variables set in the step's process instance, otherwise in the journey's. */
    private static String stepFirst(JourneyEvent event, String... names) {
        String value = event.inJourneyInstance() ? null : firstText(event.here(), names);
        return value != null ? value : firstText(event.journey(), names);
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
