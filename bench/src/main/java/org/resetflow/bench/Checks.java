package org.resetflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the benchmark must show (issues 7, 15 and 18), read back from the figures: each check with its value and verdict. */
final class Checks {

    /** The least share of the ceiling ResetFlow must reach at N = 8 (the median of the interleaved runs). */
    static final double RATIO = 0.5;
    /** The storm's bound on every step's p99, in milliseconds. */
    static final double STORM_P99_MS = 1000;
    /** Two nodes may spend at most this much more CPU time per journey than one. */
    static final double TWO_NODE_CPU = 1.2;

    private Checks() {
    }

    static Map<String, Object> of(JsonNode results) {
        Map<String, Object> checks = new LinkedHashMap<>();
        long errors = 0;
        List<String> wideSteps = new ArrayList<>();
        long fullGcs = 0;
        for (var db : iterable(results.path("databases").fields())) {
            JsonNode figures = db.getValue();
            // the ceiling's errors count like ResetFlow's
            for (String scenario : List.of("email", "questionsMixed", "storm", "ceiling")) {
                for (var n : iterable(figures.path(scenario).fields())) {
                    errors += n.getValue().path("errors").asLong();
                    if (scenario.equals("email")) {
                        for (var step : iterable(n.getValue().path("steps").fields())) {
                            double p50 = step.getValue().path("p50Ms").asDouble();
                            double p99 = step.getValue().path("p99Ms").asDouble();
                            if (Scenarios.JOURNEY_STEPS.contains(step.getKey()) && p99 > 4 * p50) {
                                wideSteps.add("%s N=%s %s p50 %.1f ms p99 %.1f ms".formatted(db.getKey(), n.getKey(), step.getKey(), p50, p99));
                            }
                        }
                    }
                }
            }
            errors += figures.path("footprint").path("resetflow").path("errors").asLong();
            errors += figures.path("footprint").path("bare").path("errors").asLong();
            errors += figures.path("twoNodes").path("errors").asLong();
            fullGcs += figures.path("gc").path("fullPauses").asLong();
        }
        double startup = results.path("startupRatio").asDouble();
        checks.put("errors", Map.of("value", errors, "pass", errors == 0));
        for (var db : iterable(results.path("databases").fields())) {
            double ratio = db.getValue().path("email").path("8").path("ratio").asDouble();
            checks.put(db.getKey() + "RatioAtN8", Map.of("value", ratio, "pass", ratio >= RATIO));
        }
        checks.put("p99Within4xP50", Map.of("value", wideSteps, "pass", wideSteps.isEmpty()));
        checks.put("startupWithin1_5xBare", Map.of("value", startup, "pass", startup <= 1.5));
        checks.put("fullGcPauses", Map.of("value", fullGcs, "pass", fullGcs == 0));
        List<String> slowInStorm = new ArrayList<>();
        double worstStormP99 = 0;
        boolean storms = false;
        for (var db : iterable(results.path("databases").fields())) {
            for (var n : iterable(db.getValue().path("storm").fields())) {
                storms = true;
                for (var step : iterable(n.getValue().path("steps").fields())) {
                    double p99 = step.getValue().path("p99Ms").asDouble();
                    if (!stormStep(step.getKey())) {
                        continue;
                    }
                    worstStormP99 = Math.max(worstStormP99, p99);
                    if (p99 > STORM_P99_MS) {
                        slowInStorm.add("%s N=%s %s p99 %.0f ms".formatted(db.getKey(), n.getKey(), step.getKey(), p99));
                    }
                }
            }
        }
        if (storms) {
            checks.put("stormP99Within1s", Map.of("value", slowInStorm.isEmpty() ? Load.round(worstStormP99) : slowInStorm,
                    "pass", slowInStorm.isEmpty()));
        }
        for (var db : iterable(results.path("databases").fields())) {
            JsonNode footprint = db.getValue().path("footprint");
            if (!footprint.isMissingNode()) {
                long footprintErrors = footprint.path("resetflow").path("errors").asLong();
                long footprintFullGcs = footprint.path("resetflow").path("gc").path("fullPauses").asLong();
                checks.put(db.getKey() + "Footprint256m", Map.of("value", Map.of("errors", footprintErrors, "fullGcPauses", footprintFullGcs,
                                "peakRssMiB", footprint.path("resetflow").path("highWaterMarkMiB").asDouble(),
                                "bareRssMiB", footprint.path("bare").path("highWaterMarkMiB").asDouble()),
                        "pass", footprintErrors == 0 && footprintFullGcs == 0 && footprint.path("resetflow").path("journeys").asLong() > 0));
            }
            JsonNode twoNodes = db.getValue().path("twoNodes");
            if (!twoNodes.isMissingNode()) {
                double ratio = twoNodes.path("cpuRatio").asDouble();
                checks.put("twoNodesCpuWithin1_2x", Map.of("value", ratio, "pass", ratio > 0 && ratio <= TWO_NODE_CPU));
            }
        }
        return checks;
    }

    /** The steps the storm's bound applies to: the user's, not the bench reading a code from the outbox. */
    static boolean stormStep(String name) {
        return !name.equals("devOutbox");
    }

    static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }
}
