package org.resetflow.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One line of the audit log. Only facts, never a secret: no password, code, answer or token is ever a field, and
 * the fields are filled from an explicit list of process variables, not from whatever a journey holds.
 *
 * @param time     when it happened (ISO 8601, UTC)
 * @param event    {@code journey-started}, {@code step}, {@code incident} or {@code incident-resolved}
 * @param flow     the public flow id (the journey's business key)
 * @param journey  {@code reset}, {@code unlock} or {@code registration}
 * @param process  the BPMN process the step belongs to
 * @param step     the BPMN element that ended (its id)
 * @param stepName its name in the model
 * @param stepType its BPMN type
 * @param user     the username the journey is about
 * @param method   the verification method in play, if any
 * @param outcome  the journey's outcome so far
 * @param reason   why (eligibility reason, on-premises refusal, incident type)
 * @param decision a helpdesk decision
 * @param staff    the signed-in staff member who caused the event, if any
 * @param client   the client address that started the journey
 * @param node     the node that wrote the event
 * @param detail   an incident's message
 * @param instance the process instance id (for Cockpit)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"time", "event", "flow", "journey", "process", "step", "stepName", "stepType", "user", "method", "outcome",
        "reason", "decision", "staff", "client", "node", "detail", "instance"})
public record AuditEvent(String time, String event, String flow, String journey, String process, String step, String stepName,
                         String stepType, String user, String method, String outcome, String reason, String decision, String staff,
                         String client, String node, String detail, String instance) {
}
