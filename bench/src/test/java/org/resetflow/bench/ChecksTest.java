package org.resetflow.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks read the figures as the issue asks: medians, the ceiling's errors, the storm's bound, the footprint, two nodes. */
class ChecksTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, Object> run(double own, double ceiling, double cpu) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("journeysPerSecond", own);
        figures.put("errors", 0L);
        figures.put("cpuMsPerJourney", cpu);
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("journeysPerSecond", ceiling);
        top.put("errors", 0L);
        figures.put("top", top);
        return figures;
    }

    @SuppressWarnings("unchecked")
    private static Bench.Interleaved interleaved(double[][] runs) {
        List<Map<String, Object>> own = new ArrayList<>();
        List<Map<String, Object>> top = new ArrayList<>();
        for (double[] pair : runs) {
            Map<String, Object> figures = run(pair[0], pair[1], 100);
            top.add((Map<String, Object>) figures.remove("top"));
            own.add(figures);
        }
        return Bench.Interleaved.of(own, top);
    }

    @Test
    void theRatioIsTheMedianOfTheInterleavedRuns() {
        Bench.Interleaved runs = interleaved(new double[][] {{10, 20}, {12, 20}, {5, 20}});
        assertEquals(0.5, runs.own().get("ratio"));
        assertEquals(10.0, runs.own().get("journeysPerSecond"), "the figures are those of the run with the median ratio");
        assertEquals(3, ((List<?>) runs.own().get("runs")).size());
    }

    @Test
    void theCeilingsErrorsCountLikeResetFlows() {
        JsonNode results = JSON.valueToTree(Map.of("databases", Map.of("h2", Map.of(
                "email", Map.of("8", Map.of("errors", 0, "ratio", 0.6)),
                "ceiling", Map.of("8", Map.of("errors", 2))))));
        Map<String, Object> checks = Checks.of(results);
        assertEquals(Map.of("value", 2L, "pass", false), checks.get("errors"));
        assertEquals(Map.of("value", 0.6, "pass", true), checks.get("h2RatioAtN8"));
    }

    @Test
    void everyStepOfTheStormMustAnswerWithinASecondButTheOutboxRead() {
        JsonNode results = JSON.valueToTree(Map.of("databases", Map.of("postgres", Map.of("storm", Map.of("200", Map.of("errors", 0,
                "steps", Map.of("start", Map.of("p99Ms", 400.0), "devOutbox", Map.of("p99Ms", 3000.0), "burst.start", Map.of("p99Ms", 900.0))))))));
        assertTrue(passes(Checks.of(results), "stormP99Within1s"));
        JsonNode slow = JSON.valueToTree(Map.of("databases", Map.of("postgres", Map.of("storm", Map.of("200", Map.of("errors", 0,
                "steps", Map.of("decoy.answerQuestions", Map.of("p99Ms", 1200.0))))))));
        assertFalse(passes(Checks.of(slow), "stormP99Within1s"));
    }

    @Test
    void theFootprintNeedsJourneysNoErrorsAndNoFullCollection() {
        Map<String, Object> fine = Map.of("resetflow", Map.of("journeys", 100, "errors", 0, "gc", Map.of("fullPauses", 0)), "bare", Map.of());
        Map<String, Object> full = Map.of("resetflow", Map.of("journeys", 100, "errors", 0, "gc", Map.of("fullPauses", 1)), "bare", Map.of());
        assertTrue(passes(Checks.of(JSON.valueToTree(Map.of("databases", Map.of("h2", Map.of("footprint", fine))))), "h2Footprint256m"));
        assertFalse(passes(Checks.of(JSON.valueToTree(Map.of("databases", Map.of("h2", Map.of("footprint", full))))), "h2Footprint256m"));
    }

    @Test
    void twoNodesMaySpendAFifthMoreCpuPerJourney() {
        assertTrue(passes(Checks.of(JSON.valueToTree(Map.of("databases", Map.of("postgres", Map.of("twoNodes", Map.of("cpuRatio", 1.15)))))),
                "twoNodesCpuWithin1_2x"));
        assertFalse(passes(Checks.of(JSON.valueToTree(Map.of("databases", Map.of("postgres", Map.of("twoNodes", Map.of("cpuRatio", 1.3)))))),
                "twoNodesCpuWithin1_2x"));
    }

    @Test
    void aProcStatLineGivesUserAndSystemTime() {
        String stat = "4242 (postgres) S 1 4242 4242 0 -1 4194560 1000 0 0 0 150 50 0 0 20 0 1 0 100 200000000 3000 18446744073709551615";
        assertEquals(2_000_000_000L, PostgresCpu.ticksToNanos(stat));
    }

    @SuppressWarnings("unchecked")
    private static boolean passes(Map<String, Object> checks, String name) {
        return (Boolean) ((Map<String, Object>) checks.get(name)).get("pass");
    }
}
