package org.resetflow.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The load's timing: from when a step was due (think time, open-loop burst), and journeys cut by the window's end. */
class LoadTest {

    private static Load.Plan plan(String window) {
        return Load.Plan.parse("warmup=0s,warmupThreads=1," + window);
    }

    @Test
    void aStepIsTimedFromWhenItWasDueNotFromWhenItWasSent() {
        // one user; after each think time the driver falls 300 ms behind before it sends the step, which answers at once
        Load load = new Load(plan("ramp=0s,measure=3s,threads=1"), () -> -1, "late");
        Map<Integer, Load.Result> results = load.run(journey -> {
            journey.think(Duration.ofMillis(200));
            Thread.sleep(300);
            journey.step("late", () -> { });
        });
        long[] nanos = results.get(1).stepNanos().get("late");
        assertTrue(nanos.length >= 1, "the step ran in the window");
        for (long took : nanos) {
            assertTrue(took >= 300_000_000L, "the step's time includes the wait after it was due: " + took);
        }
        assertEquals(0, results.get(1).errors(), "a journey that would think past the window is dropped, not an error");
    }

    @Test
    void aBurstSendsEachJourneyAtItsTimeWhateverTheOthersDo() {
        int count = 10;
        Set<Integer> users = ConcurrentHashMap.newKeySet();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Load load = new Load(plan("ramp=0s,measure=1s,threads=0"), () -> -1, "burst.start")
                .with(new Load.Burst(count, Duration.ofMillis(500), journey -> journey.step("burst.start", () -> {
                    users.add(Integer.parseInt(journey.user().substring(5)));
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    Thread.sleep(400);
                    running.decrementAndGet();
                })));
        Load.Result result = load.run(journey -> { }).get(0);
        assertEquals(count, users.size(), "each journey of the burst is another user's");
        assertTrue(mostAtOnce.get() >= 5, "slow answers do not hold back the next journeys: " + mostAtOnce.get());
        assertEquals(count, result.stepNanos().get("burst.start").length);
        assertEquals(0, result.journeys(), "the burst's journeys are load, not counted journeys");
        assertEquals(0, result.errors());
    }

    @Test
    void theDatabasesCpuTimeIsItsOwnFigure() {
        long[] readings = {1_000_000_000L, 1_500_000_000L};
        AtomicInteger read = new AtomicInteger();
        Load load = new Load(plan("ramp=0s,measure=1s,threads=1"), () -> 0, () -> readings[Math.min(1, read.getAndIncrement())], "step");
        Load.Result result = load.run(journey -> {
            journey.step("step", () -> Thread.sleep(50));
        }).get(1);
        Map<String, Object> json = result.toJson();
        assertTrue(result.journeys() > 0);
        assertEquals(0.5, result.dbCpuSeconds(), 1e-9);
        assertTrue(json.containsKey("dbCpuMsPerJourney") && json.containsKey("totalCpuMsPerJourney"), json.toString());
    }

    @Test
    void aPlanWithoutWindowsIsOnlyItsWarmUp() {
        Load.Plan plan = Load.Plan.parse("warmup=40s,warmupThreads=8,ramp=5s,measure=30s,threads=1/8/32").warmUpOnly();
        assertEquals(List.of(), Load.Plan.parse(plan.format()).threads());
        assertEquals(Duration.ofSeconds(40), Load.Plan.parse(plan.format()).warmUp());
    }
}
