package org.resetflow.recoveryinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.resetflow.testing.ExpectedLog;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The hashing threads and their bounded queue, driven with latches: what runs, what waits and what is refused. */
class HashingQueueTest {

    private final HashingQueue queue = new HashingQueue(1, 1);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        queue.stop();
    }

    /** Work that holds the thread until released. */
    private Runnable blocker(CountDownLatch started) {
        return () -> {
            started.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    @Test
    void aFullQueueRefusesNewWorkAtOnceAndTheWorkWaitingStillRuns() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch queuedRan = new CountDownLatch(1);
        assertThat(queue.offer(blocker(running))).isTrue();
        assertThat(running.await(30, TimeUnit.SECONDS)).as("the only thread is busy").isTrue();
        assertThat(queue.offer(queuedRan::countDown)).as("one piece of work may wait").isTrue();
        assertThat(queue.waiting()).isEqualTo(1);

        // the refusal is logged for the operators, once in a while: one line, no stack trace
        try (ExpectedLog refusal = ExpectedLog.capture(HashingQueue.class.getName())) {
            assertThatThrownBy(() -> queue.run(() -> "refused"))
                    .isInstanceOfSatisfying(HashingQueue.Busy.class, busy -> assertThat(busy.retryAfter())
                            .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(60)))
                    .hasMessageContaining("try again");
            assertThat(refusal.lines()).singleElement().satisfies(line -> {
                assertThat(line.level()).isEqualTo(Level.WARN);
                assertThat(line.message()).startsWith("Security answers arrive faster than 1 hashing thread(s) check them");
                assertThat(line.hasStackTrace()).isFalse();
            });
        }
        assertThat(queue.offer(() -> { })).as("background work is dropped too").isFalse();
        assertThat(queue.refused()).isEqualTo(1);

        release.countDown();
        assertThat(queuedRan.await(30, TimeUnit.SECONDS)).as("the work that waited ran").isTrue();
        assertThat(queue.run(() -> "taken")).as("once there is room again").isEqualTo("taken");
    }

    @Test
    void theCallerGetsTheWorksOwnFailure() {
        assertThatThrownBy(() -> queue.run(() -> {
            throw new IllegalArgumentException("not an answer");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("not an answer");
    }

    @Test
    void nobodyWaitsForAHashInsideADatabaseTransaction() {
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            assertThatThrownBy(() -> queue.run(() -> "hashed in a transaction"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("outside database transactions");
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
        assertThat(queue.run(() -> "outside")).isEqualTo("outside");
    }

    @Test
    void theWaitSuggestedGrowsWithTheWorkWaiting() throws Exception {
        HashingQueue longer = new HashingQueue(1, 40);
        try {
            Duration empty = longer.retryAfter();
            CountDownLatch running = new CountDownLatch(1);
            longer.offer(blocker(running));
            assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 40; i++) {
                assertThat(longer.offer(() -> { })).isTrue();
            }
            assertThat(longer.retryAfter()).isGreaterThan(empty).isLessThanOrEqualTo(Duration.ofSeconds(60));
        } finally {
            release.countDown();
            longer.stop();
        }
    }
}
