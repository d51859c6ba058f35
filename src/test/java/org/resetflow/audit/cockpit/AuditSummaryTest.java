package org.resetflow.audit.cockpit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resetflow.camunda.DailyCount;
import org.resetflow.camunda.DailyMethodCount;
import org.resetflow.camunda.JourneyHistory;
import org.resetflow.camunda.WaitingEscalation;
import org.resetflow.camunda.WritebackFailure;
import org.resetflow.camunda.WritebackFailureCount;

/** How the summary turns the grouped counts of the history into figures. */
class AuditSummaryTest {

    static final Window WINDOW = new Window(3, Instant.parse("2025-02-27T00:00:00Z"), Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);
    static final LocalDate FEB_27 = LocalDate.parse("2025-02-27");
    static final LocalDate MAR_1 = LocalDate.parse("2025-03-01");
    static final AuditSummary.Escalations NO_ESCALATIONS = AuditSummary.Escalations.of(0, List.of(), WINDOW.until());
    static final AuditSummary.WritebackFailures NO_FAILURES = AuditSummary.WritebackFailures.of(List.of(), List.of());

    @Test
    void countsAddUpByOutcomeKindMethodAndDay() {
        List<DailyCount> counts = List.of(
                new DailyCount(FEB_27, "COMPLETED", "reset", 1L, "EMAIL", 3),
                new DailyCount(MAR_1, "COMPLETED", "reset", 1L, "EMAIL,SMS", 1),
                new DailyCount(MAR_1, "REFUSED", "reset", 1L, null, 2),
                new DailyCount(MAR_1, "LOCKED_OUT", "unlock", 1L, null, 1),
                new DailyCount(MAR_1, "EXPIRED", "reset", 0L, null, 4),
                new DailyCount(MAR_1, "ACTIVE", "registration", null, null, 1));
        List<DailyMethodCount> tried = List.of(new DailyMethodCount(FEB_27, "EMAIL", 3), new DailyMethodCount(MAR_1, "EMAIL", 6),
                new DailyMethodCount(MAR_1, "SMS", 1));

        AuditSummary summary = AuditSummary.of(WINDOW, counts, tried, 90_000L, NO_ESCALATIONS, NO_FAILURES);

        assertThat(summary.journeys()).isEqualTo(12);
        assertThat(summary.byOutcome()).containsEntry("COMPLETED", 4L).containsEntry("REFUSED", 2L).containsEntry("EXPIRED", 4L)
                .containsEntry("ESCALATED", 0L).containsEntry("CANCELLED", 0L);
        assertThat(summary.byJourney()).containsExactly(entry("reset", 10L), entry("unlock", 1L), entry("registration", 1L));
        assertThat(summary.byMethod()).extracting(AuditSummary.MethodCount::method).containsExactlyElementsOf(JourneySearch.METHODS);
        assertThat(summary.byMethod()).contains(new AuditSummary.MethodCount("EMAIL", 9, 4), new AuditSummary.MethodCount("SMS", 1, 1),
                new AuditSummary.MethodCount("QUESTIONS", 0, 0));
        assertThat(summary.unknownAccounts()).isEqualTo(4);
        assertThat(summary.lockouts()).isEqualTo(1);
        assertThat(summary.successRate()).as("4 completed of 7 finished, unknown accounts left out").isEqualTo(4.0 / 7);
        assertThat(summary.medianMillisToComplete()).isEqualTo(90_000L);

        assertThat(summary.days()).extracting(AuditSummary.Day::day).containsExactly(FEB_27, LocalDate.parse("2025-02-28"), MAR_1);
        assertThat(summary.days()).extracting(AuditSummary.Day::journeys).containsExactly(3L, 0L, 9L);
        assertThat(summary.days().get(2).methodsTried()).containsEntry("EMAIL", 6L).containsEntry("SMS", 1L).containsEntry("VOICE_OFFICE", 0L);
    }

    @Test
    void anEmptyWindowHasNoRateAndNoMedian() {
        AuditSummary summary = AuditSummary.of(WINDOW, List.of(), List.of(), null, NO_ESCALATIONS, NO_FAILURES);
        assertThat(summary.journeys()).isZero();
        assertThat(summary.successRate()).isNull();
        assertThat(summary.medianMillisToComplete()).isNull();
        assertThat(summary.days()).hasSize(3).allSatisfy(day -> assertThat(day.journeys()).isZero());
        assertThat(summary.escalationsWaiting().oldestAgeSeconds()).isNull();
        assertThat(summary.writebackFailures().byActivity()).containsOnlyKeys(JourneyHistory.DIRECTORY_WRITES).allSatisfy((activity, count) -> assertThat(count).isZero());
    }

    @Test
    void escalationsAreAgedFromNowAndFailuresCountedByState() {
        Instant since = WINDOW.until().minusSeconds(3_600);
        AuditSummary.Escalations escalations = AuditSummary.Escalations.of(5,
                List.of(new WaitingEscalation("task-1", "pi-1", "flow-1", "carol", "reset", since)), WINDOW.until());
        assertThat(escalations.count()).isEqualTo(5);
        assertThat(escalations.oldestAgeSeconds()).isEqualTo(3_600);

        AuditSummary.WritebackFailures failures = AuditSummary.WritebackFailures.of(List.of(
                new WritebackFailureCount("writeBackPassword", 0, 2), new WritebackFailureCount("writeBackPassword", 1, 3),
                new WritebackFailureCount("setCloudPassword", 2, 1)),
                List.of(new WritebackFailure("i-1", "pi-2", "writeBackPassword", since, null, 0, "directory unreachable", null)));
        assertThat(failures.count()).isEqualTo(6);
        assertThat(failures.open()).isEqualTo(2);
        assertThat(failures.byActivity()).containsEntry("writeBackPassword", 5L).containsEntry("setCloudPassword", 1L);
        assertThat(failures.latest()).singleElement().satisfies(failure -> assertThat(failure.state()).isEqualTo("open"));
    }
}
