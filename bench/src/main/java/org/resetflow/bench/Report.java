package org.resetflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The figures as Markdown tables, for docs/performance.md (the latest full run) and bench/NOTES.md. */
final class Report {

    private static final java.util.Map<String, String> LABELS = java.util.Map.of("email", "email code", "questionsMixed", "½ questions",
            "storm", "storm with think time");

    private Report() {
    }

    static String markdown(JsonNode results) {
        StringBuilder out = new StringBuilder();
        JsonNode machine = results.path("machine");
        out.append("Run: %s mode, %s; %s, %d cores, %d MiB; %s; %s; ResetFlow and the bare application with %s.%n%n".formatted(
                results.path("mode").asText(), results.path("date").asText(), machine.path("cpu").asText(), machine.path("cores").asInt(),
                machine.path("memoryMiB").asInt(), machine.path("os").asText(), machine.path("java").asText(), results.path("heap").asText()));
        out.append("Plan: %s.%n%n".formatted(results.path("plan").asText()));
        out.append("| database | scenario | N | journeys/s | ceiling/s | ratio | CPU ms/journey (+ PostgreSQL) | errors | peak RSS MiB | start p50/p99 ms | chooseMethod p50/p99 | enterCode p50/p99 | answerQuestions p50/p99 | setPassword p50/p99 |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (var db : Checks.iterable(results.path("databases").fields())) {
            for (String scenario : List.of("email", "questionsMixed", "storm")) {
                for (var n : Checks.iterable(db.getValue().path(scenario).fields())) {
                    JsonNode figures = n.getValue();
                    JsonNode steps = figures.path("steps");
                    out.append("| %s | %s | %s | %.2f | %.2f | %.2f | %s | %d | %.0f | %s | %s | %s | %s | %s |%n".formatted(db.getKey(),
                            LABELS.get(scenario), n.getKey(), figures.path("journeysPerSecond").asDouble(),
                            figures.path("ceilingJourneysPerSecond").asDouble(), figures.path("ratio").asDouble(),
                            cpu(figures, ""), figures.path("errors").asLong(),
                            figures.path("peakRssMiB").asDouble(), step(steps, "start"), step(steps, "chooseMethod"), step(steps, "enterCode"),
                            step(steps, "answerQuestions"), step(steps, "setPassword")));
                }
            }
        }
        out.append("\n| database | N | ceiling journeys/s | CPU ms/journey (+ PostgreSQL) | errors | start p50/p99 ms | chooseMethod p50/p99 | enterCode p50/p99 | setPassword p50/p99 |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n");
        for (var db : Checks.iterable(results.path("databases").fields())) {
            for (var n : Checks.iterable(db.getValue().path("ceiling").fields())) {
                JsonNode steps = n.getValue().path("steps");
                out.append("| %s | %s | %.2f | %s | %d | %s | %s | %s | %s |%n".formatted(db.getKey(), n.getKey(),
                        n.getValue().path("journeysPerSecond").asDouble(), cpu(n.getValue(), ""), n.getValue().path("errors").asLong(),
                        step(steps, "start"), step(steps, "chooseMethod"), step(steps, "enterCode"), step(steps, "setPassword")));
            }
        }
        out.append("\nEfficiency at N = 8, ResetFlow's and the ceiling's windows interleaved (the ratio checked is the median):\n\n");
        out.append("| database | run | journeys/s | ceiling/s | ratio | ResetFlow CPU ms/journey (+ PostgreSQL) | ceiling CPU ms/journey (+ PostgreSQL) |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (var db : Checks.iterable(results.path("databases").fields())) {
            int run = 0;
            for (JsonNode figures : db.getValue().path("email").path("8").path("runs")) {
                out.append("| %s | %d | %.2f | %.2f | %.2f | %s | %s |%n".formatted(db.getKey(), ++run, figures.path("journeysPerSecond").asDouble(),
                        figures.path("ceilingJourneysPerSecond").asDouble(), figures.path("ratio").asDouble(), cpu(figures, ""),
                        cpu(figures, "ceiling")));
            }
        }
        for (var db : Checks.iterable(results.path("databases").fields())) {
            for (var n : Checks.iterable(db.getValue().path("storm").fields())) {
                JsonNode storm = n.getValue();
                StringBuilder line = new StringBuilder("%nStorm on %s: %s users thinking %d s on average between steps (70 %% email, 25 %% questions, 5 %% decoys), and %d journey starts within %d s, timed from when each step was due; p99 of every step (bound 1,000 ms):"
                        .formatted(db.getKey(), n.getKey(), storm.path("thinkSeconds").asLong(), storm.path("burst").path("journeyStarts").asLong(),
                                storm.path("burst").path("withinSeconds").asLong()));
                for (var step : Checks.iterable(storm.path("steps").fields())) {
                    if (Checks.stormStep(step.getKey()) && step.getValue().path("count").asLong() > 0) {
                        line.append(" %s %.0f ms,".formatted(step.getKey(), step.getValue().path("p99Ms").asDouble()));
                    }
                }
                line.append(" %d errors; %d answers got \"try again\" and were sent again.%n".formatted(storm.path("errors").asLong(),
                        storm.path("tryAgainAnswers").asLong()));
                out.append(line);
            }
        }
        for (var db : Checks.iterable(results.path("databases").fields())) {
            JsonNode footprint = db.getValue().path("footprint");
            if (!footprint.isMissingNode()) {
                JsonNode own = footprint.path("resetflow");
                JsonNode bare = footprint.path("bare");
                out.append("%nFootprint on %s, %s at N = %d: ResetFlow %.2f journeys/s, %d errors, %d full GC pauses, resident memory %.0f MiB (peak in the window %.0f MiB); the bare Camunda application running the ceiling with the same heap: %.0f MiB (%.0f MiB).%n"
                        .formatted(db.getKey(), footprint.path("heap").asText(), footprint.path("threads").asInt(), own.path("journeysPerSecond").asDouble(),
                                own.path("errors").asLong(), own.path("gc").path("fullPauses").asLong(), own.path("highWaterMarkMiB").asDouble(),
                                own.path("peakRssMiB").asDouble(), bare.path("highWaterMarkMiB").asDouble(), bare.path("peakRssMiB").asDouble()));
            }
            JsonNode twoNodes = db.getValue().path("twoNodes");
            if (!twoNodes.isMissingNode()) {
                out.append("%nTwo nodes on %s, N = %d, requests round robin: %.2f journeys/s, CPU %.0f ms per journey over both nodes (+ PostgreSQL %.0f) against one node's %.0f: %.2fx (bound 1.2x, medians of %d runs); %s answers waited on a hand-over from the other node (one node alone: %s); %d errors.%n"
                        .formatted(db.getKey(), twoNodes.path("threads").asInt(), twoNodes.path("journeysPerSecond").asDouble(),
                                twoNodes.path("cpuMsPerJourney").asDouble(), twoNodes.path("dbCpuMsPerJourney").asDouble(),
                                twoNodes.path("oneNodeCpuMsPerJourney").asDouble(), twoNodes.path("cpuRatio").asDouble(), twoNodes.path("runs").size(),
                                twoNodes.path("handOverAnswers").asText(), db.getValue().path("handOverAnswers").asText(), twoNodes.path("errors").asLong()));
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

    /** CPU ms per journey of the JVM, with PostgreSQL's processes' in brackets where measured; {@code side} "" or "ceiling". */
    private static String cpu(JsonNode figures, String side) {
        String jvm = side.isEmpty() ? "cpuMsPerJourney" : side + "CpuMsPerJourney";
        String db = side.isEmpty() ? "dbCpuMsPerJourney" : side + "DbCpuMsPerJourney";
        String text = "%.0f".formatted(figures.path(jvm).asDouble());
        return figures.has(db) ? text + " (+ %.0f)".formatted(figures.path(db).asDouble()) : text;
    }

    private static String step(JsonNode steps, String name) {
        JsonNode step = steps.path(name);
        return step.isMissingNode() ? "" : "%.0f / %.0f".formatted(step.path("p50Ms").asDouble(), step.path("p99Ms").asDouble());
    }
}
