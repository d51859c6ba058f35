package org.resetflow.recoveryinfo;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The threads that hash security answers, and the bounded queue in front of them. A step's answers are one piece of
 * work: it waits in the queue for a thread, or, when the queue is full, is refused at once ({@link Busy}) instead
 * of making the request wait behind everyone else's. A caller waits for its own work only outside any database
 * transaction: a request that waits here holds no connection, so a storm of answers queues only answers.
 */
@Component
public class HashingQueue {

    private static final Logger log = LoggerFactory.getLogger(HashingQueue.class);
    private static final Duration REFUSAL_LOG_INTERVAL = Duration.ofMinutes(1);
    /** What a piece of work is assumed to take before one has been measured: three checks of about 80 ms. */
    private static final long FIRST_ESTIMATE_NANOS = Duration.ofMillis(250).toNanos();

    private final ThreadPoolExecutor executor;
    private final int threads;
    private final int capacity;
    private final AtomicLong averageNanos = new AtomicLong(FIRST_ESTIMATE_NANOS);
    private final AtomicLong lastRefusalLogged = new AtomicLong(System.nanoTime() - REFUSAL_LOG_INTERVAL.toNanos());
    private final AtomicLong refused = new AtomicLong();

    @Autowired
    HashingQueue(SecurityAnswersProperties properties) {
        this(SecurityAnswers.parallelHashes(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory()),
                properties.queueCapacity());
    }

    HashingQueue(int threads, int capacity) {
        this.threads = Math.max(1, threads);
        this.capacity = Math.max(1, capacity);
        AtomicInteger number = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(this.threads, this.threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(this.capacity),
                work -> {
                    Thread thread = new Thread(work, "answer-hashing-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Runs the work on a hashing thread and waits for it; refuses it at once when the queue is full.
     *
     * @throws Busy when the queue is full: nothing was done, the caller may try again after {@link Busy#retryAfter()}
     * @throws IllegalStateException when called inside a database transaction, which would hold its connection while
     *                               it waits
     */
    public <T> T run(Callable<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Security answers are hashed outside database transactions: a step that needs a hash "
                    + "prepares it before its engine command (a StepPreparation), so that waiting for a hashing thread holds no connection");
        }
        Future<T> result;
        try {
            result = executor.submit(() -> timed(work));
        } catch (RejectedExecutionException full) {
            throw refusal();
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while security answers were checked", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Runs the work on a hashing thread when one is free, without waiting for it; drops it when the queue is full. */
    public boolean offer(Runnable work) {
        try {
            executor.execute(() -> {
                try {
                    timed(() -> {
                        work.run();
                        return null;
                    });
                } catch (Exception failed) {
                    // nobody waits for this work to tell; its kind only, a message could quote what was hashed
                    log.warn("Hashing in the background failed: {}", failed.getClass().getName());
                }
            });
            return true;
        } catch (RejectedExecutionException full) {
            return false;
        }
    }

    private <T> T timed(Callable<T> work) throws Exception {
        long began = System.nanoTime();
        try {
            return work.call();
        } finally {
            long took = System.nanoTime() - began;
            // a moving average over about the last eight pieces of work
            averageNanos.getAndUpdate(average -> average + (took - average) / 8);
        }
    }

    private Busy refusal() {
        refused.incrementAndGet();
        long now = System.nanoTime();
        long last = lastRefusalLogged.get();
        if (now - last >= REFUSAL_LOG_INTERVAL.toNanos() && lastRefusalLogged.compareAndSet(last, now)) {
            log.warn("Security answers arrive faster than {} hashing thread(s) check them: {} wait, new ones are refused with "
                    + "\"try again\" (resetflow.security-answers.queue-capacity); {} refused so far", threads, capacity, refused.get());
        }
        return new Busy(retryAfter());
    }

    /** How long the work waiting now will take the threads, in whole seconds, at least one and at most a minute. */
    Duration retryAfter() {
        long waiting = executor.getQueue().size() + threads;
        long nanos = waiting * averageNanos.get() / threads;
        return Duration.ofSeconds(Math.min(60, Math.max(1, (nanos + 999_999_999) / 1_000_000_000)));
    }

    public int threads() {
        return threads;
    }

    public int capacity() {
        return capacity;
    }

    /** Pieces of work waiting for a thread now. */
    public int waiting() {
        return executor.getQueue().size();
    }

    /** Pieces of work refused since the start. */
    public long refused() {
        return refused.get();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** The queue is full: nothing was done; try again after {@link #retryAfter()}. */
    public static final class Busy extends RuntimeException {

        private final Duration retryAfter;

        public Busy(Duration retryAfter) {
            // an expected answer to load, not a fault: no stack trace to fill in
            super("Too many security answers are waiting to be checked; try again in " + retryAfter.toSeconds() + " s", null, false, false);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }
}
