package org.resetflow.audit.cockpit;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.resetflow.camunda.CurrentStaff;
import org.resetflow.camunda.EngineClock;
import org.resetflow.camunda.JourneyHistory;
import org.resetflow.camunda.JourneyRow;

/**
 * The audit of one engine: {@code summary}, {@code journeys} and {@code journeys.csv}, read-only. Camunda's webapp
 * security has already required a Cockpit sign-in; here only Camunda administrators and process owners get in.
 */
public class AuditResource extends AbstractCockpitPluginResource {

    static final int DEFAULT_PAGE_SIZE = 25;
    static final int MAX_PAGE_SIZE = 200;
    static final int MAX_FIRST_RESULT = 1_000_000;
    static final int EXPORT_LIMIT = 10_000;
    static final int LISTED_ESCALATIONS = 20;
    static final int LISTED_WRITEBACK_FAILURES = 20;

    private final String processOwnerGroup;

    AuditResource(String engineName, String processOwnerGroup) {
        super(engineName);
        this.processOwnerGroup = processOwnerGroup;
    }

    /** The list's filters, shared by the list and the export. */
    public static final class Filters {
        @QueryParam("days")
        String days;
        @QueryParam("search")
        String search;
        @QueryParam("outcome")
        String outcome;
        @QueryParam("journey")
        String journey;
        @QueryParam("method")
        String method;

        JourneySearch toSearch(Instant now) {
            return JourneySearch.of(Window.lastDays(days, now, ZoneId.systemDefault()), search, outcome, journey, method);
        }
    }

    @GET
    @Path("summary")
    @Produces(MediaType.APPLICATION_JSON)
    public AuditSummary summary(@QueryParam("days") String days) {
        JourneyHistory history = authorizedHistory();
        Instant now = now();
        Window window = Window.lastDays(days, now, ZoneId.systemDefault());
        AuditSummary.Escalations escalations = AuditSummary.Escalations.of(history.countWaitingEscalations(),
                history.oldestWaitingEscalations(LISTED_ESCALATIONS), now);
        AuditSummary.WritebackFailures failures = AuditSummary.WritebackFailures.of(history.writebackFailureCounts(window.from()),
                history.latestWritebackFailures(window.from(), LISTED_WRITEBACK_FAILURES));
        return AuditSummary.of(window, history.dailyCounts(window.from()), history.dailyMethodsTried(window.from()),
                history.medianMillisToComplete(window.from()), escalations, failures);
    }

    @GET
    @Path("journeys")
    @Produces(MediaType.APPLICATION_JSON)
    public JourneyPage journeys(@BeanParam Filters filters, @QueryParam("firstResult") String firstResult,
                                @QueryParam("maxResults") String maxResults) {
        JourneyHistory history = authorizedHistory();
        JourneySearch search = filters.toSearch(now());
        int first = RequestParameters.integer("firstResult", firstResult, 0, 0, MAX_FIRST_RESULT);
        int size = RequestParameters.integer("maxResults", maxResults, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        return new JourneyPage(history.countJourneys(search.asQuery()), first, size, journeys(history, search, first, size));
    }

    /** The list with the same filters as CSV: the newest {@value #EXPORT_LIMIT} journeys at most; the header {@code X-Total-Count} says how many match. */
    @GET
    @Path("journeys.csv")
    @Produces(JourneyCsv.MEDIA_TYPE)
    public Response export(@BeanParam Filters filters) {
        JourneyHistory history = authorizedHistory();
        JourneySearch search = filters.toSearch(now());
        return Response.ok(JourneyCsv.write(journeys(history, search, 0, EXPORT_LIMIT)), JourneyCsv.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + JourneyCsv.fileName(search.window()) + "\"")
                .header("X-Total-Count", history.countJourneys(search.asQuery()))
                .build();
    }

    private static List<Journey> journeys(JourneyHistory history, JourneySearch search, int firstResult, int maxResults) {
        List<JourneyRow> rows = history.journeys(search.asQuery(), firstResult, maxResults);
        Map<String, List<String>> methods = history.methodsTried(rows.stream().map(JourneyRow::processInstanceId).toList());
        return rows.stream().map(row -> Journey.of(row, methods.getOrDefault(row.processInstanceId(), List.of()))).toList();
    }

    private JourneyHistory authorizedHistory() {
        CurrentStaff.Administrators administrators = CurrentStaff.administrators(getProcessEngine());
        AuditAccess access = new AuditAccess(processOwnerGroup, administrators.users(), administrators.groups());
        Optional<CurrentStaff> current = CurrentStaff.of(getProcessEngine().getIdentityService());
        if (current.isEmpty() || !access.allows(current.get().userId(), current.get().groupIds())) {
            throw new RestException(Status.FORBIDDEN, access.refusal());
        }
        return new JourneyHistory(getQueryService());
    }

    /** The engine's clock, which stamps the history the audit reads. */
    private static Instant now() {
        return EngineClock.now();
    }
}
