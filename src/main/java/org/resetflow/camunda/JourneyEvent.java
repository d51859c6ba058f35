package org.resetflow.camunda;

import java.time.Instant;
import java.util.function.Function;

/**
 * Something the engine's history recorded about a journey, as {@link JourneyHistoryEvents} hands it to its
 * listeners: a step (an activity instance) ended, or an incident was raised or resolved. The variables of the
 * execution it happened in and of the journey's own process instance are read on demand, from the command's cache.
 *
 * @param kind                 what happened
 * @param time                 when the history says it happened
 * @param flowId               the journey's flow id (the business key of its process instances), if known
 * @param processDefinitionKey the model it happened in
 * @param processInstanceId    the process instance it happened in (the journey's or a called one)
 * @param inJourneyInstance    whether that is the journey's own process instance, not a called one
 * @param activityId           the element's id
 * @param activityName         the element's name (steps only)
 * @param activityType         the element's BPMN type, as Camunda names it ({@code userTask}, {@code startEvent}, …)
 * @param incidentType         the incident's type (incidents only)
 * @param incidentMessage      the incident's message (incidents only)
 * @param staffUserId          the signed-in staff member the engine ran this for, if any
 * @param here                 a variable of the execution it happened in
 * @param journey              a variable of the journey's own process instance
 * @param stepDeclares         what the model declares on the step ({@code camunda:properties}), by name; null if nothing
 */
public record JourneyEvent(Kind kind, Instant time, String flowId, String processDefinitionKey, String processInstanceId,
                           boolean inJourneyInstance, String activityId, String activityName, String activityType,
                           String incidentType, String incidentMessage, String staffUserId,
                           Function<String, Object> here, Function<String, Object> journey,
                           Function<String, String> stepDeclares) {

    public enum Kind { ACTIVITY_ENDED, INCIDENT_RAISED, INCIDENT_RESOLVED }
}
