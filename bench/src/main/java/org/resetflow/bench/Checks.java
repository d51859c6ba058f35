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
            for (String scenario : List.of("email", "questionsMixed")) {
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
        double ratio = results.path("databases").path("h2").path("email").path("8").path("ratio").asDouble();
        double startup = results.path("startupRatio").asDouble();
        checks.put("errors", Map.of("value", errors, "pass", errors == 0));
        checks.put("h2RatioAtN8", Map.of("value", ratio, "pass", ratio >= 0.5));
        checks.put("p99Within4xP50", Map.of("value", wideSteps, "pass", wideSteps.isEmpty()));
        checks.put("startupWithin1_5xBare", Map.of("value", startup, "pass", startup <= 1.5));
        checks.put("fullGcPauses", Map.of("value", fullGcs, "pass", fullGcs == 0));
        return checks;
    }

    static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }
}
