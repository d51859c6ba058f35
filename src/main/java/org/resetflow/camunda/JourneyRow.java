package org.resetflow.camunda;

import java.time.Instant;

/**
 * One journey as the history holds it: the root process instance and its audit variables. {@code outcome} is the
 * variable {@code outcome}, or {@code ACTIVE} / {@code CANCELLED} for a running journey / one that ended without it.
 */
public record JourneyRow(String processInstanceId, String flowId, Instant started, Instant ended, String username, String journey,
                  String clientAddress, String outcome, String reason, String verifiedMethods, String node, Long accountKnown) {
}
