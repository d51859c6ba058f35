package org.resetflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resetflow.recoveryinfo.Argon2Shape;
import org.resetflow.recoveryinfo.SecurityAnswers;

class DemoDataTest {

    private static final SecurityAnswers answers = new SecurityAnswers();

    /** The answers the README gives for the demo users. */
    private static final Map<String, String> ALICE = Map.of("first-pet", "Rex", "birth-city", "Springfield", "first-school", "Lincoln Elementary");
    private static final Map<String, String> DAVE = Map.of("first-pet", "Bella", "birth-city", "Portland", "first-car", "Beetle");

    @Test
    void theStoredHashesMatchTheAnswersTheReadmeGives() {
        assertThat(DemoData.ALICE_ANSWER_HASHES).containsOnlyKeys(ALICE.keySet());
        assertThat(DemoData.DAVE_ANSWER_HASHES).containsOnlyKeys(DAVE.keySet());
        ALICE.forEach((question, answer) -> assertThat(answers.matches(answer, DemoData.ALICE_ANSWER_HASHES.get(question))).as(question).isTrue());
        DAVE.forEach((question, answer) -> assertThat(answers.matches(answer, DemoData.DAVE_ANSWER_HASHES.get(question))).as(question).isTrue());
        assertThat(answers.matches("Rex", DemoData.DAVE_ANSWER_HASHES.get("first-pet"))).isFalse();
    }

    @Test
    void theStoredHashesHaveTheParametersAnswersAreHashedWithToday() {
        String today = answers.hash("anything");
        for (String hash : DemoData.ALICE_ANSWER_HASHES.values()) {
            assertThat(Argon2Shape.of(hash)).isEqualTo(Argon2Shape.of(today));
        }
        for (String hash : DemoData.DAVE_ANSWER_HASHES.values()) {
            assertThat(Argon2Shape.of(hash)).isEqualTo(Argon2Shape.of(today));
        }
    }
}
