package org.resetflow.camunda;

import java.time.Instant;

/** An incident of a step that writes to a directory, from the history, and when its journey ended (null while it runs). */
public record WritebackFailure(String incidentId, String processInstanceId, String activityId, Instant created, Instant ended,
                        int state, String message, Instant journeyEnded) {
}
