package org.resetflow.directory.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CoalescedSavesTest {

    private final CoalescedSaves saves = new CoalescedSaves();
    private final AtomicInteger written = new AtomicInteger();

    @Test
    void writersWhoWaitedForASaveShareTheNextOne() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        Thread first = writer(() -> {
            written.incrementAndGet();
            firstStarted.countDown();
            hold(releaseFirst);
        });
        first.start();
        assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
        // two more changes while the first save runs: both wait for it, and neither is in it
        Thread second = writer(written::incrementAndGet);
        Thread third = writer(written::incrementAndGet);
        second.start();
        third.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> second.getState() == Thread.State.BLOCKED && third.getState() == Thread.State.BLOCKED);
        releaseFirst.countDown();
        for (Thread writer : new Thread[] {first, second, third}) {
            writer.join(5_000);
            assertThat(writer.isAlive()).isFalse();
        }
        assertThat(written).as("the first save, then one for the two that waited").hasValue(2);
    }

    @Test
    void aSaveThatFailsCoversNothing() throws Exception {
        assertThatThrownBy(() -> saves.afterChange(() -> {
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class);
        saves.afterChange(written::incrementAndGet);
        assertThat(written).hasValue(1);
    }

    @Test
    void oneWriterAtATimeSavesEachChange() throws Exception {
        saves.afterChange(written::incrementAndGet);
        saves.afterChange(written::incrementAndGet);
        assertThat(written).hasValue(2);
    }

    private Thread writer(CoalescedSaves.Save save) {
        return new Thread(() -> {
            try {
                saves.afterChange(save);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
