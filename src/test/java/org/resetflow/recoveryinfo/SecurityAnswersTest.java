package org.resetflow.recoveryinfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
}
