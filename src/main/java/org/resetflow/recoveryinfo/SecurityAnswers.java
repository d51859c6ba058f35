package org.resetflow.recoveryinfo;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Security answers are low-entropy and long-lived, so only a salted slow hash (Argon2id) of the normalised
 * answer is kept. Normalising case, accents' composition and spaces lets "  New   York" match "new york".
 * <p>
 * The parameters are OWASP's minimum for Argon2id, m=19 MiB, t=2, p=1, or more ({@link SecurityAnswersProperties}).
 * Each hash holds its memory on the Java heap for the whole time it takes, so hashes run only on the threads of the
 * {@link HashingQueue}, one per processor and per 512 MiB of heap: a storm of users answering questions then costs
 * time, not a heap of hashes at once, and more parallel hashes would not finish sooner on the same processors
 * anyway. Callers wait for their hashes outside any database transaction.
 * <p>
 * Hashes made with other parameters (older, cheaper ones) still verify: the encoder reads the parameters from the
 * hash. A check against a cheaper hash is topped up to the cost of a check against a current one, so that the time
 * of a check says nothing about how old an account's answers are (a decoy's are always current); a correct
 * answer's hash is then made again with the current parameters ({@link #rehashLater}).
 */
@Component
public class SecurityAnswers {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    /**
     * A hash of a random answer, made once with the default parameters from a value that was then thrown away:
     * checking against it costs what a real check costs and never matches. A constant, not hashed at every start
     * (a cold Argon2 hash takes a third of a second of start-up); {@code SecurityAnswersTest} holds it to the
     * encoder's parameters. Parameters above the defaults get a decoy hash of their own at start-up.
     */
    static final String DECOY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$aO6BG16FkmtDOzoTs17cUg$5ux6SMUdNLNbjzOioCbC1IiaPgbBCQqb5dbeSnBmrSY";

    private final Argon2PasswordEncoder encoder;
    private final HashingQueue queue;
    private final Argon2Cost current;
    private final String decoyHash;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger peakRunning = new AtomicInteger();

    @Autowired
    public SecurityAnswers(SecurityAnswersProperties parameters, HashingQueue queue) {
        this.encoder = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, parameters.parallelism(), parameters.memoryKib(), parameters.iterations());
        this.queue = queue;
        this.current = new Argon2Cost("argon2id", Argon2Parameters.ARGON2_VERSION_13, parameters.memoryKib(), parameters.iterations(),
                parameters.parallelism(), base64Length(SALT_BYTES), base64Length(HASH_BYTES));
        this.decoyHash = isCurrent(DECOY_HASH) ? DECOY_HASH : encoder.encode(randomAnswer());
    }

    /** With the default parameters and a queue of its own (tests, tools). */
    public SecurityAnswers() {
        this(parallelHashes(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory()));
    }

    SecurityAnswers(int parallelHashes) {
        this(SecurityAnswersProperties.DEFAULTS, new HashingQueue(parallelHashes, SecurityAnswersProperties.DEFAULTS.queueCapacity()));
    }

    /**
     * One hash per processor, and one per 512 MiB of heap: a hash's memory is alive for the whole time it takes (80 ms
     * at 16 MiB), so every young collection meanwhile copies it, and in a small heap two of them at once outgrow the
     * young generation and are promoted, until the old generation fills with them and the collector stops everything
     * (seen with -Xmx512m under a storm of security answers). At least one.
     */
    static int parallelHashes(int processors, long maxHeapBytes) {
        return Math.max(1, Math.min(processors, (int) (maxHeapBytes / (512L << 20))));
    }

    /** The hash of one answer, made on a hashing thread; the caller waits, outside any transaction. */
    public String hash(String answer) {
        return queue.run(() -> encode(answer));
    }

    /** Whether the answer matches the hash, checked on a hashing thread; the caller waits, outside any transaction. */
    public boolean matches(String answer, String hash) {
        if (answer == null || hash == null || hash.isBlank()) {
            return false;
        }
        return queue.run(() -> check(answer, hash));
    }

    /**
     * The hashes of a step's answers (key → answer), made together as one piece of work on a hashing thread.
     *
     * @throws HashingQueue.Busy when too many answers wait already; nothing was hashed
     */
    public <K> Map<K, String> hashAll(Map<K, String> answers) {
        return queue.run(() -> {
            Map<K, String> hashes = new LinkedHashMap<>();
            answers.forEach((key, answer) -> hashes.put(key, encode(answer)));
            return hashes;
        });
    }

    /** An answer given, and the hash it must match: null when there is none (a decoy, an unanswered question). */
    public record Given(String answer, String hash) {

        /** Never the answer in a log line or an exception message. */
        @Override
        public String toString() {
            return "Given[hash=" + hash + "]";
        }
    }

    /**
     * Checks a step's answers as one piece of work on a hashing thread, every one of them whatever the others gave,
     * an answer without a hash against the decoy hash, so that the time says nothing about the account or the answers.
     *
     * @return whether each answer matches its hash (never when it has none)
     * @throws HashingQueue.Busy when too many answers wait already; nothing was checked
     */
    public List<Boolean> matchAll(List<Given> answers) {
        return queue.run(() -> {
            List<Boolean> matches = new ArrayList<>();
            for (Given given : answers) {
                boolean real = given.hash() != null && !given.hash().isBlank();
                boolean matched = check(given.answer() == null ? "" : given.answer(), real ? given.hash() : decoyHash);
                matches.add(real && given.answer() != null && matched);
            }
            return matches;
        });
    }

    /**
     * Hashes correct answers (key → answer) again with the current parameters when a hashing thread is free, and
     * hands the new hashes to {@code store}; drops the work when the queue is full (the next correct answer tries
     * again). The caller does not wait.
     */
    public <K> void rehashLater(Map<K, String> answers, Consumer<Map<K, String>> store) {
        if (!answers.isEmpty()) {
            queue.offer(() -> {
                Map<K, String> hashes = new LinkedHashMap<>();
                answers.forEach((key, answer) -> hashes.put(key, encode(answer)));
                store.accept(hashes);
            });
        }
    }

    /** Whether the hash was made with the current parameters; a correct answer to any other is hashed again. */
    public boolean isCurrent(String hash) {
        return Argon2Cost.of(hash).map(current::equals).orElse(false);
    }

    /** A hash of a random answer, with the current parameters: checking against it costs what a real check costs and never matches. */
    public String decoyHash() {
        return decoyHash;
    }

    public static String normalise(String answer) {
        String composed = Normalizer.normalize(answer == null ? "" : answer, Normalizer.Form.NFKC);
        return composed.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The most hashes that ever ran at once. */
    int peakParallelHashes() {
        return peakRunning.get();
    }

    private String encode(String answer) {
        String normalised = normalise(answer);
        return counted(() -> encoder.encode(normalised));
    }

    private boolean check(String answer, String hash) {
        String normalised = normalise(answer);
        return counted(() -> {
            if (Argon2Cost.of(hash).isEmpty()) {
                // not a hash (a damaged row): as long as a check takes, and no match
                encoder.matches(normalised, decoyHash);
                return false;
            }
            boolean matched = encoder.matches(normalised, hash);
            topUp(hash);
            return matched;
        });
    }

    /** After a check against a hash cheaper than a current one, the Argon2id work that makes up the difference. */
    private void topUp(String hash) {
        int memory = Argon2Cost.of(hash).map(cost -> topUpMemoryKib(cost, current)).orElse(0);
        if (memory == 0) {
            return;
        }
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memory).withIterations(current.iterations()).withParallelism(1).withSalt(new byte[SALT_BYTES]).build());
        generator.generateBytes("top-up".getBytes(StandardCharsets.UTF_8), new byte[HASH_BYTES]);
    }

    /**
     * The memory of the top-up after a check against a hash of {@code cost}: the current number of passes over the
     * memory the cheaper hash lacks, so that both fill as many blocks (and, with the same passes, allocate as much);
     * 0 when the hash costs as much as a current one, or more.
     */
    static int topUpMemoryKib(Argon2Cost cost, Argon2Cost current) {
        long missing = current.blocks() - cost.blocks();
        int memory = (int) (missing / current.iterations());
        return memory < 8 ? 0 : memory;
    }

    private <T> T counted(Supplier<T> work) {
        peakRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            return work.get();
        } finally {
            running.decrementAndGet();
        }
    }

    private static String randomAnswer() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return java.util.HexFormat.of().formatHex(random);
    }

    /** Characters of unpadded Base64, as the encoded hash writes salt and hash. */
    private static int base64Length(int bytes) {
        return (bytes * 4 + 2) / 3;
    }
}
