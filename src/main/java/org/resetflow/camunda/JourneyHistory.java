package org.resetflow.camunda;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.cockpit.db.QueryParameters;
import org.camunda.bpm.cockpit.db.QueryService;
import org.resetflow.shared.JourneyKind;

/**
 * The audit's reads of the engine history, through Cockpit's query service: the statements of
 * {@code audit-queries.xml}, SQL on Camunda's history tables, each bounded by a window (journeys started from
 * {@code from} on) and a page or a limit. The Cockpit plugin in {@code audit.cockpit} checks the request and the
 * caller, then asks here.
 */
public final class JourneyHistory {

    public static final String MAPPING_FILE = "org/resetflow/camunda/audit-queries.xml";
    private static final String STATEMENTS = "org.resetflow.camunda.audit.";

    public static final List<String> PROCESS_KEYS = Arrays.stream(JourneyKind.values()).map(JourneyKind::processKey).toList();
    /** The steps the models declare as directory writes ({@code camunda:property directoryWrite=true}), in order. */
    public static final List<String> DIRECTORY_WRITES = List.copyOf(DirectoryWriteIncidents.directoryWrites());
    /** The helpdesk's review tasks, which the models mark with {@code camunda:property helpdeskReview=true}. */
    public static final List<String> ESCALATION_TASKS = List.copyOf(ModelProperties.stepsDeclaring("helpdeskReview", "true"));
    /** Journeys whose tried methods one query looks up: far below any database's limit of bound parameters. */
    static final int METHOD_LOOKUP_CHUNK = 500;

    private final QueryService queries;

    public JourneyHistory(QueryService queries) {
        this.queries = queries;
    }

    /**
     * Which journeys the list and the export show: started from {@code from} on, with a username LIKE
     * {@code usernamePattern} (escape {@code !}) or a flow id or client address equal to {@code exact}, and the given
     * outcome, journey kind and verified method; a null criterion matches all.
     */
    public record Search(Instant from, String usernamePattern, String exact, String outcome, String journey, String method) {
    }

    public List<JourneyRow> journeys(Search search, int firstResult, int maxResults) {
        return queries.executeQuery(STATEMENTS + "selectJourneys", query(searching(search), firstResult, maxResults));
    }

    public long countJourneys(Search search) {
        return queries.executeQueryRowCount(STATEMENTS + "countJourneys", query(searching(search), 0, Integer.MAX_VALUE));
    }

    /** The distinct methods each journey's verification tried, by process instance id. */
    public Map<String, List<String>> methodsTried(List<String> processInstanceIds) {
        Map<String, List<String>> methods = new LinkedHashMap<>();
        for (int start = 0; start < processInstanceIds.size(); start += METHOD_LOOKUP_CHUNK) {
            Map<String, Object> parameter = new HashMap<>();
            parameter.put("processInstanceIds", processInstanceIds.subList(start, Math.min(start + METHOD_LOOKUP_CHUNK, processInstanceIds.size())));
            List<JourneyMethod> rows = queries.executeQuery(STATEMENTS + "selectMethodsTried", query(parameter, 0, Integer.MAX_VALUE));
            rows.forEach(row -> methods.computeIfAbsent(row.processInstanceId(), id -> new ArrayList<>()).add(row.method()));
        }
        return methods;
    }

    public List<DailyCount> dailyCounts(Instant from) {
        return queries.executeQuery(STATEMENTS + "selectDailyCounts", query(inWindow(from), 0, Integer.MAX_VALUE));
    }

    public List<DailyMethodCount> dailyMethodsTried(Instant from) {
        return queries.executeQuery(STATEMENTS + "selectDailyMethodsTried", query(inWindow(from), 0, Integer.MAX_VALUE));
    }

    /**
     * The median time from start to end of the completed journeys started in the window, or null when there are
     * none. Portable SQL has no median: count them, then read the one or two durations in the middle.
     */
    public Long medianMillisToComplete(Instant from) {
        Map<String, Object> parameter = inWindow(from);
        long completed = queries.executeQueryRowCount(STATEMENTS + "countCompletedJourneys", query(parameter, 0, Integer.MAX_VALUE));
        if (completed == 0) {
            return null;
        }
        int middle = (int) ((completed - 1) / 2);
        List<Long> durations = queries.executeQuery(STATEMENTS + "selectCompletedDurations", query(parameter, middle, completed % 2 == 0 ? 2 : 1));
        return durations.stream().mapToLong(Long::longValue).sum() / durations.size();
    }

    public long countWaitingEscalations() {
        return queries.executeQueryRowCount(STATEMENTS + "countWaitingEscalations", query(journeyScope(), 0, Integer.MAX_VALUE));
    }

    public List<WaitingEscalation> oldestWaitingEscalations(int limit) {
        return queries.executeQuery(STATEMENTS + "selectWaitingEscalations", query(journeyScope(), 0, limit));
    }

    public List<WritebackFailureCount> writebackFailureCounts(Instant from) {
        return queries.executeQuery(STATEMENTS + "selectWritebackFailureCounts", query(inWindow(from), 0, Integer.MAX_VALUE));
    }

    public List<WritebackFailure> latestWritebackFailures(Instant from, int limit) {
        return queries.executeQuery(STATEMENTS + "selectWritebackFailures", query(inWindow(from), 0, limit));
    }

    private static Map<String, Object> journeyScope() {
        Map<String, Object> parameter = new HashMap<>();
        parameter.put("processKeys", PROCESS_KEYS);
        parameter.put("directoryWrites", DIRECTORY_WRITES);
        parameter.put("escalationTasks", ESCALATION_TASKS);
        return parameter;
    }

    private static Map<String, Object> inWindow(Instant from) {
        Map<String, Object> parameter = journeyScope();
        parameter.put("from", Date.from(from));
        return parameter;
    }

    private static Map<String, Object> searching(Search search) {
        Map<String, Object> parameter = inWindow(search.from());
        parameter.put("search", search.usernamePattern());
        parameter.put("exact", search.exact());
        parameter.put("outcome", search.outcome());
        parameter.put("journey", search.journey());
        parameter.put("method", search.method());
        return parameter;
    }

    private static QueryParameters query(Map<String, Object> parameter, int firstResult, int maxResults) {
        QueryParameters query = new QueryParameters();
        query.setParameter(parameter);
        query.setFirstResult(firstResult);
        query.setMaxResults(maxResults);
        return query;
    }
}
