package org.resetflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The figures as Markdown tables, for docs/performance.md (the latest full run) and bench/NOTES.md. */
final class Report {

    private static final java.util.Map<String, String> LABELS = java.util.Map.of("email", "email code", "questionsMixed", "½ questions",
            "storm", "storm 70/25/5");

    private Report() {
    }

    static String markdown(JsonNode results) {
        StringBuilder out = new StringBuilder();
        JsonNode machine = results.path("machine");
        out.append("Run: %s mode, %s; %s, %d cores, %d MiB; %s; %s; ResetFlow and the bare application with %s.%n%n".formatted(
                results.path("mode").asText(), results.path("date").asText(), machine.path("cpu").asText(), machine.path("cores").asInt(),
                machine.path("memoryMiB").asInt(), machine.path("os").asText(), machine.path("java").asText(), results.path("heap").asText()));
        out.append("Plan: %s.%n%n".formatted(results.path("plan").asText()));
        out.append("| database | scenario | N | journeys/s | ceiling/s | ratio | CPU ms/journey | errors | peak RSS MiB | start p50/p99 ms | chooseMethod p50/p99 | enterCode p50/p99 | answerQuestions p50/p99 | setPassword p50/p99 |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (var db : Checks.iterable(results.path("databases").fields())) {
            for (String scenario : List.of("email", "questionsMixed", "storm")) {
                for (var n : Checks.iterable(db.getValue().path(scenario).fields())) {
                    JsonNode figures = n.getValue();
                    JsonNode steps = figures.path("steps");
                    out.append("| %s | %s | %s | %.2f | %.2f | %.2f | %.0f | %d | %.0f | %s | %s | %s | %s | %s |%n".formatted(db.getKey(),
                            LABELS.get(scenario), n.getKey(), figures.path("journeysPerSecond").asDouble(),
                            figures.path("ceilingJourneysPerSecond").asDouble(), figures.path("ratio").asDouble(),
                            figures.path("cpuMsPerJourney").asDouble(), figures.path("errors").asLong(),
                            figures.path("peakRssMiB").asDouble(), step(steps, "start"), step(steps, "chooseMethod"), step(steps, "enterCode"),
                            step(steps, "answerQuestions"), step(steps, "setPassword")));
                }
            }
        }
        out.append("\n| database | N | ceiling journeys/s | CPU ms/journey | start p50/p99 ms | chooseMethod p50/p99 | enterCode p50/p99 | setPassword p50/p99 |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (var db : Checks.iterable(results.path("databases").fields())) {
            for (var n : Checks.iterable(db.getValue().path("ceiling").fields())) {
                JsonNode steps = n.getValue().path("steps");
                out.append("| %s | %s | %.2f | %.0f | %s | %s | %s | %s |%n".formatted(db.getKey(), n.getKey(),
                        n.getValue().path("journeysPerSecond").asDouble(), n.getValue().path("cpuMsPerJourney").asDouble(), step(steps, "start"), step(steps, "chooseMethod"), step(steps, "enterCode"), step(steps, "setPassword")));
            }
        }
        for (var db : Checks.iterable(results.path("databases").fields())) {
            for (var n : Checks.iterable(db.getValue().path("storm").fields())) {
                JsonNode steps = n.getValue().path("steps");
                StringBuilder line = new StringBuilder("%nStorm on %s at N = %s (70 %% email, 25 %% questions, 5 %% decoys): the email steps' p99 against the email-only run:"
                        .formatted(db.getKey(), n.getKey()));
                Checks.stormSlowdown(db.getValue(), n.getKey()).forEach((step, ratio) -> line.append(" %s %.0f ms (%.2fx),".formatted(step,
                        steps.path(step).path("p99Ms").asDouble(), ratio)));
                line.append(" target 1.5x at most; the decoys' answers p50/p99 %s ms; %d answers got \"try again\" and were sent again.%n"
                        .formatted(step(steps, "decoy.answerQuestions"), n.getValue().path("tryAgainAnswers").asLong()));
                out.append(line);
            }
        }
        out.append("\nStart-up to ready (median of %d): ResetFlow %.2f s, bare Camunda application %.2f s, ratio %.2f.%n".formatted(
                results.path("startupRuns").path("resetflow").size(), results.path("startupSeconds").asDouble(),
                results.path("bareStartupSeconds").asDouble(), results.path("startupRatio").asDouble()));
        for (var db : Checks.iterable(results.path("databases").fields())) {
            JsonNode gc = db.getValue().path("gc");
            out.append("%s: ResetFlow peak RSS %.0f MiB; GC pauses: %d young, %d full, longest %.1f ms, %.0f ms in all.%n".formatted(db.getKey(),
                    db.getValue().path("peakRssMiB").asDouble(), gc.path("youngPauses").asLong(), gc.path("fullPauses").asLong(),
                    gc.path("longestPauseMs").asDouble(), gc.path("totalPauseMs").asDouble()));
        }
        out.append("\nChecks:\n");
        for (var check : Checks.iterable(results.path("checks").fields())) {
            out.append("- %s: %s (%s)%n".formatted(check.getKey(), check.getValue().path("pass").asBoolean() ? "pass" : "FAIL",
                    check.getValue().path("value")));
        }
        return out.toString();
    }

    private static String step(JsonNode steps, String name) {
        JsonNode step = steps.path(name);
        return step.isMissingNode() ? "" : "%.0f / %.0f".formatted(step.path("p50Ms").asDouble(), step.path("p99Ms").asDouble());
    }
}
