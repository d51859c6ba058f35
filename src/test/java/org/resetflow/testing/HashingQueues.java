package org.resetflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.resetflow.recoveryinfo.HashingQueue;

/** Fills the hashing queue of a running application, for tests of what a storm of security answers does. */
public final class HashingQueues {

    private HashingQueues() {
    }

    /**
     * Occupies every hashing thread and every place in the queue until {@code release}: the next answers find it full.
     */
    public static void fill(HashingQueue queue, CountDownLatch release) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(queue.threads());
        Runnable hold = () -> {
            running.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        for (int i = 0; i < queue.threads(); i++) {
            assertThat(queue.offer(hold)).isTrue();
        }
        assertThat(running.await(60, TimeUnit.SECONDS)).as("every hashing thread is busy").isTrue();
        for (int i = 0; i < queue.capacity(); i++) {
            assertThat(queue.offer(hold)).isTrue();
        }
        assertThat(queue.waiting()).isEqualTo(queue.capacity());
    }
}
