package org.resetflow.camunda;

import java.time.Instant;

/** An open helpdesk review ({@code reviewEscalation}) and the journey it belongs to. */
public record WaitingEscalation(String taskId, String processInstanceId, String flowId, String username, String journey, Instant since) {
}
