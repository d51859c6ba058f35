package org.resetflow.audit;

import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.resetflow.engine.HistoryEventHandlers;
import org.resetflow.engine.ModelProperties;
import org.resetflow.engine.Vars;
import org.springframework.stereotype.Component;

/**
 * Turns the engine's history events into audit events, next to the database history (which stays as it is): a
 * journey started (its start event ended), a step ended (every task, event and call; not gateways and not the start
 * events of the called processes), an incident was raised or resolved.
 * The facts come from an explicit list of process variables of the journey; nothing else is ever read. A step
 * whose model declares {@code camunda:property auditDecision=<variable>} (the helpdesk's "Record the decision") also
 * records that variable as the decision. The username and the reason are read from the process instance of the step
 * first: a called process (the account check) knows them before its journey does.
 */
@Component
class AuditHistoryEvents extends AbstractProcessEnginePlugin {

    /** Routing elements, not steps; a multi-instance body only wraps the steps it repeats. */
    private static final Set<String> NOT_STEPS = Set.of("exclusiveGateway", "parallelGateway", "inclusiveGateway",
            "eventBasedGateway", "startEvent", "multiInstanceBody");
    private static final int MAX_DETAIL = 300;
    /** The extension property naming the variable a step records as the decision. */
    static final String AUDIT_DECISION = "auditDecision";

    private final AuditLog audit;

    AuditHistoryEvents(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        HistoryEventHandlers.add(configuration, this::audit);
    }

    void audit(HistoryEvent event) {
        if (event instanceof HistoricActivityInstanceEventEntity activity) {
            if (!"end".equals(activity.getEventType())) {
                return;
            }
            if (!NOT_STEPS.contains(activity.getActivityType())) {
                step(activity);
            } else if ("startEvent".equals(activity.getActivityType()) && activity.getProcessInstanceId().equals(activity.getRootProcessInstanceId())) {
                // the journey's start event has ended: its variables are in place now, unlike at the process start itself
                write(activity, "journey-started", activity.getEndTime(), activity.getActivityId(), activity.getActivityName(),
                        activity.getActivityType(), null, null);
            }
        } else if (event instanceof HistoricIncidentEventEntity incident) {
            if ("create".equals(incident.getEventType()) || "resolve".equals(incident.getEventType())) {
                write(incident, "create".equals(incident.getEventType()) ? "incident" : "incident-resolved", incident.getCreateTime(),
                        incident.getActivityId(), null, null, incident.getIncidentType(), truncate(incident.getIncidentMessage()));
            }
        }
    }

    private void step(HistoricActivityInstanceEventEntity activity) {
        write(activity, "step", activity.getEndTime(), activity.getActivityId(), activity.getActivityName(), activity.getActivityType(),
                null, null);
    }

    private void write(HistoryEvent event, String kind, Date time, String step, String stepName, String stepType, String reason, String detail) {
        CommandContext context = Context.getCommandContext();
        ExecutionEntity here = execution(context, event.getExecutionId());
        ExecutionEntity root = execution(context, event.getRootProcessInstanceId());
        String flow = root != null ? root.getBusinessKey() : here != null ? here.getProcessBusinessKey() : null;
        String method = firstText(here, Vars.CHOSEN_METHOD, Vars.METHOD);
        String staff = context == null ? null : context.getAuthenticatedUserId();
        String decisionVariable = "step".equals(kind) ? ModelProperties.of(event.getProcessDefinitionId(), step, AUDIT_DECISION) : null;
        String decision = decisionVariable != null ? text(here, decisionVariable) : null;
        String why = reason != null ? reason : firstText(here, root, "onPremisesRejection", Vars.ELIGIBILITY_REASON);
        audit.write(new AuditEvent((time != null ? time : ClockUtil.getCurrentTime()).toInstant().toString(), kind, flow,
                text(root, Vars.JOURNEY), event.getProcessDefinitionKey(), step, stepName, stepType, firstText(here, root, Vars.USERNAME), method,
                text(root, Vars.OUTCOME), why, decision, staff, text(root, Vars.CLIENT_ADDRESS), audit.node(), detail,
                event.getProcessInstanceId()));
    }

    private static ExecutionEntity execution(CommandContext context, String id) {
        if (context == null || id == null) {
            return null;
        }
        return context.getExecutionManager().findExecutionById(id);
    }

    /** The first of the variables set in the step's process instance, otherwise in the journey's. */
    private static String firstText(ExecutionEntity here, ExecutionEntity root, String... names) {
        String value = here == null || here == root ? null : firstText(here, names);
        return value != null ? value : firstText(root, names);
    }

    private static String firstText(ExecutionEntity execution, String... names) {
        for (String name : names) {
            String value = text(execution, name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String text(ExecutionEntity execution, String name) {
        if (execution == null) {
            return null;
        }
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }

    private static String truncate(String message) {
        return message == null || message.length() <= MAX_DETAIL ? message : message.substring(0, MAX_DETAIL) + "…";
    }
}
