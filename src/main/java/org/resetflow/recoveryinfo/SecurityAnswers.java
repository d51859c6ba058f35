package org.resetflow.recoveryinfo;

import java.text.Normalizer;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Security answers are low-entropy and long-lived, so only a salted slow hash (Argon2id) of the normalised
 * answer is kept. Normalising case, accents' composition and spaces lets "  New   York" match "new york".
 * <p>
 * Each hash costs Argon2id's 16 MiB of memory (m=16384 KiB, t=2, p=1: Spring Security's defaults) on the Java heap.
 * At most one hash per processor runs at a time, the others wait their turn: a storm of users answering
 * questions then costs time, not a heap of 16 MiB per waiting request, and more parallel hashes would not finish
 * sooner on the same processors anyway.
 */
@Component
public class SecurityAnswers {

    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private final Semaphore hashing;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger peakRunning = new AtomicInteger();

    public SecurityAnswers() {
        this(parallelHashes(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory()));
    }

    /**
     * One hash per processor, and one per 512 MiB of heap: a hash's 16 MiB are alive for the whole 80 ms it takes, so
     * every young collection meanwhile copies them, and in a small heap two of them at once outgrow the young
     * generation and are promoted, until the old generation fills with them and the collector stops everything
     * (seen with -Xmx512m under a storm of security answers). At least one.
     */
    static int parallelHashes(int processors, long maxHeapBytes) {
        return Math.max(1, Math.min(processors, (int) (maxHeapBytes / (512L << 20))));
    }

    SecurityAnswers(int parallelHashes) {
        this.hashing = new Semaphore(Math.max(1, parallelHashes), true);
    }

    public String hash(String answer) {
        String normalised = normalise(answer);
        return oneAtATimePerProcessor(() -> encoder.encode(normalised));
    }

    public boolean matches(String answer, String hash) {
        if (answer == null || hash == null || hash.isBlank()) {
            return false;
        }
        String normalised = normalise(answer);
        return oneAtATimePerProcessor(() -> encoder.matches(normalised, hash));
    }

    private <T> T oneAtATimePerProcessor(Supplier<T> work) {
        hashing.acquireUninterruptibly();
        try {
            peakRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            return work.get();
        } finally {
            running.decrementAndGet();
            hashing.release();
        }
    }

    /** The most hashes that ever ran at once. */
    int peakParallelHashes() {
        return peakRunning.get();
    }

    /**
     * A hash of a random answer, made once with this encoder's parameters from a value that was then thrown away:
     * checking against it costs what a real check costs and never matches. A constant, not hashed at every start
     * (a cold Argon2 hash takes a third of a second of start-up); {@code SecurityAnswersTest} holds it to the
     * encoder's parameters.
     */
    static final String DECOY_HASH = "$argon2id$v=19$m=16384,t=2,p=1$udT3g5UYOEFnuPTOHHI9EQ$FLiIBaxyOjdNx1yZHBzN9jxDaLrq59MmljMar+3Cxp8";

    /** A hash of a random answer: checking against it costs what a real check costs and never matches. */
    public String decoyHash() {
        return DECOY_HASH;
    }

    public static String normalise(String answer) {
        String composed = Normalizer.normalize(answer == null ? "" : answer, Normalizer.Form.NFKC);
        return composed.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
