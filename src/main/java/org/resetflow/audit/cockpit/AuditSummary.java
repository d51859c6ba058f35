package org.resetflow.audit.cockpit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.history.IncidentState;
import org.resetflow.camunda.DailyCount;
import org.resetflow.camunda.DailyMethodCount;
import org.resetflow.camunda.JourneyHistory;
import org.resetflow.camunda.WaitingEscalation;
import org.resetflow.camunda.WritebackFailure;
import org.resetflow.camunda.WritebackFailureCount;
import org.resetflow.shared.JourneyStatus;

/**
 * The figures of a window, as the dashboard and the audit page show them.
 *
 * @param journeys               journeys started in the window
 * @param byOutcome              journeys by outcome ({@code ACTIVE} while running, {@code CANCELLED} when ended without one)
 * @param byJourney              journeys by kind ({@code reset}, {@code unlock}, {@code registration})
 * @param byMethod               per verification method: journeys that tried it, journeys it verified
 * @param unknownAccounts        journeys for a username that does not exist (decoys)
 * @param successRate            completed ÷ journeys with an outcome, for existing accounts; null when there are none
 * @param medianMillisToComplete median time from start to end of the completed journeys; null when there are none
 * @param lockouts               journeys that ended locked out
 * @param days                   the same per day, every day of the window, the oldest first
 */
record AuditSummary(Window window, long journeys, Map<String, Long> byOutcome, Map<String, Long> byJourney, List<MethodCount> byMethod,
                    long unknownAccounts, Double successRate, Long medianMillisToComplete, long lockouts, List<Day> days,
                    Escalations escalationsWaiting, WritebackFailures writebackFailures) {

    /** Outcomes that end a journey for the user. */
    static final Set<String> FINISHED = Set.of(JourneyStatus.COMPLETED.name(), JourneyStatus.ESCALATED.name(),
            JourneyStatus.REFUSED.name(), JourneyStatus.LOCKED_OUT.name(), JourneyStatus.EXPIRED.name());

    record MethodCount(String method, long tried, long verified) {
    }

    record Day(LocalDate day, long journeys, Map<String, Long> byOutcome, Map<String, Long> methodsTried) {
    }

    /** Helpdesk reviews waiting now, whenever they began; {@code oldest} lists the oldest of them. */
    record Escalations(long count, Long oldestAgeSeconds, List<Escalation> oldest) {

        static Escalations of(long count, List<WaitingEscalation> oldest, Instant now) {
            List<Escalation> listed = oldest.stream().map(waiting -> new Escalation(waiting.taskId(), waiting.processInstanceId(),
                    waiting.flowId(), waiting.username(), waiting.journey(), waiting.since(),
                    Duration.between(waiting.since(), now).toSeconds())).toList();
            return new Escalations(count, listed.isEmpty() ? null : listed.get(0).ageSeconds(), listed);
        }
    }

    record Escalation(String taskId, String processInstanceId, String flowId, String username, String journey, Instant since, long ageSeconds) {
    }

    /** Incidents of the steps that write to a directory, raised in the window; {@code latest} lists the newest. */
    record WritebackFailures(long count, long open, Map<String, Long> byActivity, List<WritebackFailureView> latest) {

        static WritebackFailures of(List<WritebackFailureCount> counts, List<WritebackFailure> latest) {
            Map<String, Long> byActivity = new LinkedHashMap<>();
            JourneyHistory.DIRECTORY_WRITES.forEach(activity -> byActivity.put(activity, 0L));
            counts.forEach(count -> byActivity.merge(count.activityId(), count.count(), Long::sum));
            long open = counts.stream().filter(count -> count.state() == IncidentState.DEFAULT.getStateCode()).mapToLong(WritebackFailureCount::count).sum();
            List<WritebackFailureView> views = latest.stream().map(failure -> new WritebackFailureView(failure.incidentId(), failure.processInstanceId(),
                    failure.activityId(), failure.created(), failure.ended(), state(failure.state()), failure.message(), failure.journeyEnded())).toList();
            return new WritebackFailures(byActivity.values().stream().mapToLong(Long::longValue).sum(), open, byActivity, views);
        }

        private static String state(int code) {
            return Stream.of(IncidentState.DEFAULT, IncidentState.RESOLVED, IncidentState.DELETED)
                    .filter(state -> state.getStateCode() == code).map(IncidentState::toString).findFirst().orElse(String.valueOf(code));
        }
    }

    /**
     * {@code state}: {@code open}, {@code resolved} (retried successfully) or {@code deleted} (with its journey);
     * {@code journeyEnded} is null while the journey runs.
     */
    record WritebackFailureView(String incidentId, String processInstanceId, String activityId, Instant created, Instant ended,
                                String state, String message, Instant journeyEnded) {
    }

    static AuditSummary of(Window window, List<DailyCount> counts, List<DailyMethodCount> methodsTried, Long medianMillisToComplete,
                           Escalations escalations, WritebackFailures failures) {
        Map<LocalDate, DayTotals> days = new LinkedHashMap<>();
        window.dates().forEach(date -> days.put(date, new DayTotals()));
        DayTotals all = new DayTotals();
        Map<String, Long> verified = zeros(JourneySearch.METHODS);
        long unknownAccounts = 0;
        long finishedForKnownAccounts = 0;
        long completedForKnownAccounts = 0;
        for (DailyCount count : counts) {
            all.add(count);
            days.computeIfAbsent(count.day(), date -> new DayTotals()).add(count);
            for (String method : methods(count.verifiedMethods())) {
                verified.merge(method, count.count(), Long::sum);
            }
            if (count.unknownAccount()) {
                unknownAccounts += count.count();
            } else if (FINISHED.contains(count.outcome())) {
                finishedForKnownAccounts += count.count();
                completedForKnownAccounts += JourneyStatus.COMPLETED.name().equals(count.outcome()) ? count.count() : 0;
            }
        }
        Map<String, Long> tried = zeros(JourneySearch.METHODS);
        for (DailyMethodCount count : methodsTried) {
            tried.merge(count.method(), count.count(), Long::sum);
            days.computeIfAbsent(count.day(), date -> new DayTotals()).methodsTried.merge(count.method(), count.count(), Long::sum);
        }
        List<MethodCount> byMethod = tried.keySet().stream().map(method -> new MethodCount(method, tried.get(method), verified.getOrDefault(method, 0L))).toList();
        List<Day> perDay = days.entrySet().stream().map(day -> day.getValue().toDay(day.getKey())).toList();
        Double successRate = finishedForKnownAccounts == 0 ? null : (double) completedForKnownAccounts / finishedForKnownAccounts;
        return new AuditSummary(window, all.journeys, all.byOutcome, all.byJourney, byMethod, unknownAccounts, successRate,
                medianMillisToComplete, all.byOutcome.get(JourneyStatus.LOCKED_OUT.name()), perDay, escalations, failures);
    }

    /** The distinct methods of a comma-separated list such as {@code EMAIL,SMS}. */
    static List<String> methods(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return Arrays.stream(list.split(",")).map(String::trim).filter(method -> !method.isEmpty()).distinct().toList();
    }

    private static Map<String, Long> zeros(List<String> keys) {
        Map<String, Long> map = new LinkedHashMap<>();
        keys.forEach(key -> map.put(key, 0L));
        return map;
    }

    private static final class DayTotals {
        long journeys;
        final Map<String, Long> byOutcome = zeros(JourneySearch.OUTCOMES);
        final Map<String, Long> byJourney = zeros(JourneySearch.JOURNEYS);
        final Map<String, Long> methodsTried = zeros(JourneySearch.METHODS);

        void add(DailyCount count) {
            journeys += count.count();
            byOutcome.merge(count.outcome(), count.count(), Long::sum);
            if (count.journey() != null) {
                byJourney.merge(count.journey(), count.count(), Long::sum);
            }
        }

        Day toDay(LocalDate date) {
            return new Day(date, journeys, byOutcome, methodsTried);
        }
    }
}
