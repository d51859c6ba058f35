package org.resetflow.camunda;

import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Hands the engine's history events about journeys to the {@link JourneyEventListener} beans (the audit log), next
 * to the database history, which stays as it is: the end of every activity instance, and incidents raised and
 * resolved. The events are the engine's internal history entities; listeners see only {@link JourneyEvent}.
 */
@Component
class JourneyHistoryEvents extends AbstractProcessEnginePlugin {

    private final List<JourneyEventListener> listeners;

    JourneyHistoryEvents(List<JourneyEventListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (!listeners.isEmpty()) {
            HistoryEventHandlers.add(configuration, this::handle);
        }
    }

    void handle(HistoryEvent event) {
        if (event instanceof HistoricActivityInstanceEventEntity activity && "end".equals(activity.getEventType())) {
            publish(activity, JourneyEvent.Kind.ACTIVITY_ENDED, activity.getEndTime(), activity.getActivityId(), activity.getActivityName(),
                    activity.getActivityType(), null, null);
        } else if (event instanceof HistoricIncidentEventEntity incident) {
            if ("create".equals(incident.getEventType())) {
                publish(incident, JourneyEvent.Kind.INCIDENT_RAISED, incident.getCreateTime(), incident.getActivityId(), null, null,
                        incident.getIncidentType(), incident.getIncidentMessage());
            } else if ("resolve".equals(incident.getEventType())) {
                publish(incident, JourneyEvent.Kind.INCIDENT_RESOLVED, incident.getCreateTime(), incident.getActivityId(), null, null,
                        incident.getIncidentType(), incident.getIncidentMessage());
            }
        }
    }

    private void publish(HistoryEvent event, JourneyEvent.Kind kind, Date time, String activityId, String activityName, String activityType,
                         String incidentType, String incidentMessage) {
        CommandContext context = Context.getCommandContext();
        ExecutionEntity here = execution(context, event.getExecutionId());
        ExecutionEntity root = execution(context, event.getRootProcessInstanceId());
        String flow = root != null ? root.getBusinessKey() : here != null ? here.getProcessBusinessKey() : null;
        JourneyEvent journeyEvent = new JourneyEvent(kind, (time != null ? time : ClockUtil.getCurrentTime()).toInstant(), flow,
                event.getProcessDefinitionKey(), event.getProcessInstanceId(),
                event.getProcessInstanceId() != null && event.getProcessInstanceId().equals(event.getRootProcessInstanceId()),
                activityId, activityName, activityType, incidentType, incidentMessage,
                context == null ? null : context.getAuthenticatedUserId(), variables(here), variables(root),
                name -> ModelProperties.of(event.getProcessDefinitionId(), activityId, name));
        listeners.forEach(listener -> listener.on(journeyEvent));
    }

    private static ExecutionEntity execution(CommandContext context, String id) {
        if (context == null || id == null) {
            return null;
        }
        return context.getExecutionManager().findExecutionById(id);
    }

    private static Function<String, Object> variables(ExecutionEntity execution) {
        return name -> execution == null ? null : execution.getVariable(name);
    }
}
