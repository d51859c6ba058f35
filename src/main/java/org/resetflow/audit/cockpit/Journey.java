package org.resetflow.audit.cockpit;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.resetflow.camunda.JourneyRow;

/**
 * One journey of the list and the export.
 *
 * @param methods         every method its verification tried, in the order of {@link JourneySearch#METHODS}
 * @param verifiedMethods the methods that proved the user's identity
 * @param accountKnown    false for a username that does not exist (the journey went on as a decoy)
 */
record Journey(String processInstanceId, String flowId, String username, String journey, Instant started, Instant ended,
               List<String> methods, List<String> verifiedMethods, String outcome, String reason, String node,
               String clientAddress, boolean accountKnown) {

    private static final Comparator<String> METHOD_ORDER = Comparator.comparingInt((String method) -> {
        int index = JourneySearch.METHODS.indexOf(method);
        return index < 0 ? Integer.MAX_VALUE : index;
    }).thenComparing(Comparator.naturalOrder());

    static Journey of(JourneyRow row, Collection<String> methodsTried) {
        return new Journey(row.processInstanceId(), row.flowId(), row.username(), row.journey(), row.started(), row.ended(),
                methodsTried.stream().distinct().sorted(METHOD_ORDER).toList(), AuditSummary.methods(row.verifiedMethods()),
                row.outcome(), row.reason(), row.node(), row.clientAddress(), row.accountKnown() == null || row.accountKnown() != 0L);
    }
}
