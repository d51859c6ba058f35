package org.resetflow.recoveryinfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecurityAnswersTest {

    private static final SecurityAnswers answers = new SecurityAnswers();

    @ParameterizedTest
    @ValueSource(strings = {"new york", "New York", "NEW YORK", "  New York  ", "New   York", "New\tYork", "New\u00A0York",
            "\uFF2E\uFF45\uFF57 \uFF39\uFF4F\uFF52\uFF4B"})
    void normalisationIgnoresCaseSpacesAndCompatibilityForms(String typed) {
        assertThat(SecurityAnswers.normalise(typed)).isEqualTo("new york");
    }

    @Test
    void normalisationComposesAccentsAndLigatures() {
        assertThat(SecurityAnswers.normalise("Cafe\u0301")).isEqualTo("caf\u00E9");
        assertThat(SecurityAnswers.normalise("\uFB01sh")).isEqualTo("fish");
    }

    @Test
    void normalisationOfNothingIsEmpty() {
        assertThat(SecurityAnswers.normalise(null)).isEmpty();
        assertThat(SecurityAnswers.normalise("   ")).isEmpty();
    }

    @Test
    void theHashIsSaltedArgon2idAndNeverContainsTheAnswer() {
        String hash = answers.hash("Springfield");

        assertThat(hash).startsWith("$argon2id$").doesNotContainIgnoringCase("springfield");
        assertThat(answers.hash("Springfield")).as("salted").isNotEqualTo(hash);
    }

    @Test
    void anAnswerMatchesWhateverCaseAndSpacesTheUserTypes() {
        String hash = answers.hash("  New   York ");

        assertThat(answers.matches("new york", hash)).isTrue();
        assertThat(answers.matches("NEW YORK", hash)).isTrue();
        assertThat(answers.matches("New\u00A0York", hash)).isTrue();
    }

    @Test
    void aWrongAnswerDoesNotMatch() {
        String hash = answers.hash("New York");

        assertThat(answers.matches("New Jersey", hash)).isFalse();
        assertThat(answers.matches("NewYork", hash)).isFalse();
        assertThat(answers.matches("", hash)).isFalse();
    }

    @Test
    void missingAnswersAndMissingHashesNeverMatch() {
        String hash = answers.hash("New York");

        assertThat(answers.matches(null, hash)).isFalse();
        assertThat(answers.matches("New York", null)).isFalse();
        assertThat(answers.matches("New York", "")).isFalse();
        assertThat(answers.matches("New York", "   ")).isFalse();
        assertThat(answers.matches("New York", "not-an-argon2-hash")).isFalse();
    }

    @Test
    void theDecoyHashCostsARealCheckAndNeverMatches() {
        String decoy = answers.decoyHash();

        assertThat(decoy).startsWith("$argon2id$").isEqualTo(answers.decoyHash());
        // the same algorithm, version, cost and lengths as an answer hashed today: the same cost to check
        assertThat(Argon2Shape.of(decoy)).isEqualTo(Argon2Shape.of(answers.hash("anything")));
        for (String guess : new String[] {"", " ", "new york", "decoy", "null"}) {
            assertThat(answers.matches(guess, decoy)).as(guess).isFalse();
        }
        assertThat(answers.matches(null, decoy)).isFalse();
    }

    @Test
    void aStormOfChecksHashesOnlyAsManyAtOnceAsAllowedAndEveryCheckIsRight() throws Exception {
        SecurityAnswers bounded = new SecurityAnswers(2);
        String hash = bounded.hash("Springfield");
        ExecutorService storm = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> checks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String typed = i % 2 == 0 ? "springfield" : "Shelbyville";
                checks.add(storm.submit(() -> bounded.matches(typed, hash)));
            }
            for (int i = 0; i < 8; i++) {
                assertThat(checks.get(i).get(60, TimeUnit.SECONDS)).as("check %d", i).isEqualTo(i % 2 == 0);
            }
        } finally {
            storm.shutdownNow();
        }
        assertThat(bounded.peakParallelHashes()).isBetween(1, 2);
    }

    @Test
    void hashesAtOnceAreBoundedByProcessorsAndByHeap() {
        long mib = 1L << 20;
        assertThat(SecurityAnswers.parallelHashes(2, 512 * mib)).isEqualTo(1);
        assertThat(SecurityAnswers.parallelHashes(2, 491 * mib)).isEqualTo(1);
        assertThat(SecurityAnswers.parallelHashes(2, 4096 * mib)).isEqualTo(2);
        assertThat(SecurityAnswers.parallelHashes(16, 2048 * mib)).isEqualTo(4);
        assertThat(SecurityAnswers.parallelHashes(1, 64 * mib)).isEqualTo(1);
    }

    /** Hashes of the demo answers made before OWASP's parameters, with Spring Security's defaults (m=16 MiB, t=2, p=1). */
    static final String REX_BEFORE = "$argon2id$v=19$m=16384,t=2,p=1$EZFPjErXtIsfLWSw5tnODQ$KoPuDXhl0uMhgKb8SM9uhtSaZnusyVNO8odtDNhOh9M";
    static final String SPRINGFIELD_BEFORE = "$argon2id$v=19$m=16384,t=2,p=1$6Nz9WfziQbKlVtIuhWIEfQ$Ud5pxjjunErVSqWNwlaZJkr6oxaOJ8KUEvkz/ZFxRzU";

    @Test
    void answersAreHashedWithOwaspsMinimumForArgon2id() {
        Argon2Cost cost = Argon2Cost.of(answers.hash("Springfield")).orElseThrow();

        assertThat(cost.type()).isEqualTo("argon2id");
        assertThat(cost.memoryKib()).as("19 MiB").isEqualTo(19456);
        assertThat(cost.iterations()).isEqualTo(2);
        assertThat(cost.parallelism()).isEqualTo(1);
        assertThat(answers.isCurrent(answers.hash("Springfield"))).isTrue();
    }

    @Test
    void higherParametersAreUsedAndTheDecoyHashFollowsThem() {
        HashingQueue queue = new HashingQueue(1, 4);
        SecurityAnswers costlier = new SecurityAnswers(new SecurityAnswersProperties(24576, 3, 1, 4), queue);
        try {
            String hash = costlier.hash("Springfield");

            assertThat(Argon2Cost.of(hash).orElseThrow()).extracting(Argon2Cost::memoryKib, Argon2Cost::iterations).containsExactly(24576, 3);
            assertThat(costlier.matches("springfield", hash)).isTrue();
            assertThat(Argon2Shape.of(costlier.decoyHash())).as("a decoy check costs what a real one does")
                    .isEqualTo(Argon2Shape.of(hash));
            assertThat(costlier.decoyHash()).isNotEqualTo(SecurityAnswers.DECOY_HASH);
            assertThat(costlier.isCurrent(answers.hash("Springfield"))).as("a hash with the minimum is not current here").isFalse();
        } finally {
            queue.stop();
        }
    }

    @Test
    void answersHashedWithTheOldParametersStillMatchButAreNotCurrent() {
        assertThat(answers.matches("Rex", REX_BEFORE)).isTrue();
        assertThat(answers.matches(" SPRINGFIELD ", SPRINGFIELD_BEFORE)).isTrue();
        assertThat(answers.matches("Rax", REX_BEFORE)).isFalse();
        assertThat(answers.isCurrent(REX_BEFORE)).isFalse();
        assertThat(answers.isCurrent("not-an-argon2-hash")).isFalse();
        assertThat(answers.isCurrent(null)).isFalse();
    }

    @Test
    void correctAnswersAreHashedAgainWithTheCurrentParameters() throws Exception {
        CompletableFuture<Map<String, String>> stored = new CompletableFuture<>();

        answers.rehashLater(Map.of("first-pet", "Rex", "birth-city", "Springfield"), stored::complete);

        Map<String, String> hashes = stored.get(60, TimeUnit.SECONDS);
        assertThat(hashes).containsOnlyKeys("first-pet", "birth-city");
        assertThat(answers.isCurrent(hashes.get("first-pet"))).isTrue();
        assertThat(answers.matches("rex", hashes.get("first-pet"))).isTrue();
        assertThat(answers.matches("springfield", hashes.get("birth-city"))).isTrue();
    }

    @Test
    void aCheckAgainstACheaperHashIsToppedUpToTheBlocksOfACurrentOne() {
        Argon2Cost current = Argon2Cost.of(SecurityAnswers.DECOY_HASH).orElseThrow();
        Argon2Cost before = Argon2Cost.of(REX_BEFORE).orElseThrow();

        int topUp = SecurityAnswers.topUpMemoryKib(before, current);
        assertThat(topUp).as("19 MiB less 16 MiB, with the same passes").isEqualTo(3072);
        assertThat(before.blocks() + (long) topUp * current.iterations()).isEqualTo(current.blocks());
        assertThat(SecurityAnswers.topUpMemoryKib(current, current)).isZero();
        Argon2Cost costlier = new Argon2Cost("argon2id", 19, 65536, 3, 1, 22, 43);
        assertThat(SecurityAnswers.topUpMemoryKib(costlier, current)).as("never less than a current check, never topped down").isZero();
    }

    @Test
    void everyAnswerIsCheckedAndOneWithoutAHashNeverMatches() {
        String hash = answers.hash("New York");

        assertThat(answers.matchAll(List.of(new SecurityAnswers.Given("new york", hash), new SecurityAnswers.Given("Rex", REX_BEFORE),
                new SecurityAnswers.Given("new york", null), new SecurityAnswers.Given(null, hash), new SecurityAnswers.Given("x", "")))
        ).containsExactly(true, true, false, false, false);
        assertThat(new SecurityAnswers.Given("New York", hash).toString()).as("no answer in a log line").doesNotContain("New York");
    }

    @Test
    void theNewAnswersOfAStepAreHashedTogether() {
        Map<String, String> hashes = answers.hashAll(Map.of("first-pet", "Rex", "birth-city", "Springfield"));

        assertThat(hashes).containsOnlyKeys("first-pet", "birth-city");
        assertThat(answers.matches("REX", hashes.get("first-pet"))).isTrue();
        assertThat(answers.isCurrent(hashes.get("birth-city"))).isTrue();
    }
}
