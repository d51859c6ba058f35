package org.resetflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the benchmark must show (issue 7), read back from the figures: each check with its value and verdict. */
final class Checks {

    private Checks() {
    }

    static Map<String, Object> of(JsonNode results) {
        Map<String, Object> checks = new LinkedHashMap<>();
        long errors = 0;
        List<String> wideSteps = new ArrayList<>();
        long fullGcs = 0;
        for (var db : iterable(results.path("databases").fields())) {
            for (String scenario : List.of("email", "questionsMixed", "storm")) {
                for (var n : iterable(db.getValue().path(scenario).fields())) {
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
            fullGcs += db.getValue().path("gc").path("fullPauses").asLong();
        }
        List<String> slowedByStorm = new ArrayList<>();
        double worstStormRatio = 0;
        for (var db : iterable(results.path("databases").fields())) {
            for (var n : iterable(db.getValue().path("storm").fields())) {
                for (var slowdown : stormSlowdown(db.getValue(), n.getKey()).entrySet()) {
                    worstStormRatio = Math.max(worstStormRatio, slowdown.getValue());
                    if (slowdown.getValue() > STORM_SLOWDOWN) {
                        slowedByStorm.add("%s N=%s %s %.2fx".formatted(db.getKey(), n.getKey(), slowdown.getKey(), slowdown.getValue()));
                    }
                }
            }
        }
        double ratio = results.path("databases").path("h2").path("email").path("8").path("ratio").asDouble();
        double startup = results.path("startupRatio").asDouble();
        checks.put("errors", Map.of("value", errors, "pass", errors == 0));
        checks.put("h2RatioAtN8", Map.of("value", ratio, "pass", ratio >= 0.5));
        checks.put("p99Within4xP50", Map.of("value", wideSteps, "pass", wideSteps.isEmpty()));
        checks.put("startupWithin1_5xBare", Map.of("value", startup, "pass", startup <= 1.5));
        checks.put("fullGcPauses", Map.of("value", fullGcs, "pass", fullGcs == 0));
        checks.put("stormEmailP99Within1_5x", Map.of("value", slowedByStorm.isEmpty() ? Load.round(worstStormRatio) : slowedByStorm,
                "pass", slowedByStorm.isEmpty()));
        return checks;
    }

    /** How much slower, at p99, the email steps run in the storm than in the email-only run at the same N (issue 15). */
    static final double STORM_SLOWDOWN = 1.5;

    /** Each email step's p99 in the storm over its p99 in the email-only run, for one database and N; empty without both. */
    static Map<String, Double> stormSlowdown(JsonNode database, String threads) {
        Map<String, Double> slowdown = new LinkedHashMap<>();
        JsonNode storm = database.path("storm").path(threads).path("steps");
        JsonNode email = database.path("email").path(threads).path("steps");
        for (String step : Scenarios.EMAIL_JOURNEY_STEPS) {
            double alone = email.path(step).path("p99Ms").asDouble();
            double mixed = storm.path(step).path("p99Ms").asDouble();
            if (alone > 0 && mixed > 0) {
                slowdown.put(step, Load.round(mixed / alone));
            }
        }
        return slowdown;
    }

    static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }
}
