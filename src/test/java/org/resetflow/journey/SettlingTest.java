package org.resetflow.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API's wait for a journey to rest, and the count of answers that waited on another node (HandOvers). */
class SettlingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration RECHECK = Duration.ofMillis(250);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final HandOvers handOvers = new HandOvers(registry);
    private final List<Duration> waits = new ArrayList<>();

    private String settle(Deque<String> looks, Deque<Boolean> signals, boolean runnable) throws InterruptedException {
        return Settling.until(looks::removeFirst, "rest"::equals, () -> runnable, timeout -> {
            waits.add(timeout);
            return signals.removeFirst();
        }, Clock.systemUTC(), TIMEOUT, RECHECK, handOvers::count);
    }

    private double counted() {
        return registry.get(HandOvers.METRIC).counter().count();
    }

    @Test
    void aStepFoundAtARecheckWithoutASignalWasHandedOverByAnotherNode() throws InterruptedException {
        String found = settle(new ArrayDeque<>(List.of("working", "working", "rest")), new ArrayDeque<>(List.of(false, false)), true);
        assertThat(found).isEqualTo("rest");
        assertThat(waits).containsExactly(RECHECK, RECHECK);
        assertThat(counted()).isEqualTo(1.0);
    }

    @Test
    void aStepThisNodeSignalledIsNoHandOver() throws InterruptedException {
        assertThat(settle(new ArrayDeque<>(List.of("working", "rest")), new ArrayDeque<>(List.of(true)), true)).isEqualTo("rest");
        assertThat(counted()).isZero();
    }

    @Test
    void theLastWaitDecides() throws InterruptedException {
        // signalled for an intermediate move, then the step itself came from elsewhere
        assertThat(settle(new ArrayDeque<>(List.of("working", "working", "rest")), new ArrayDeque<>(List.of(true, false)), true))
                .isEqualTo("rest");
        assertThat(counted()).isEqualTo(1.0);
        // and the other way round
        settle(new ArrayDeque<>(List.of("working", "working", "rest")), new ArrayDeque<>(List.of(false, true)), true);
        assertThat(counted()).isEqualTo(1.0);
    }

    @Test
    void aJourneyAlreadyAtRestWaitsForNothing() throws InterruptedException {
        assertThat(settle(new ArrayDeque<>(List.of("rest")), new ArrayDeque<>(), true)).isEqualTo("rest");
        assertThat(waits).isEmpty();
        assertThat(counted()).isZero();
    }

    @Test
    void nothingRunnableEndsTheWaitWithoutAnAnswer() throws InterruptedException {
        assertThat(settle(new ArrayDeque<>(List.of("working")), new ArrayDeque<>(), false)).isNull();
        assertThat(waits).isEmpty();
        assertThat(counted()).isZero();
    }

    @Test
    void theWaitEndsAtTheTimeout() throws InterruptedException {
        Deque<String> looks = new ArrayDeque<>();
        for (int i = 0; i < 100; i++) {
            looks.add("working");
        }
        String found = Settling.until(looks::removeFirst, "rest"::equals, () -> true, timeout -> false, Clock.systemUTC(),
                Duration.ZERO, RECHECK, handOvers::count);
        assertThat(found).isNull();
        assertThat(counted()).isZero();
    }
}
