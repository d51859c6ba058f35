package org.resetflow.secret;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyedHasherTest {

    static final String SECRET = "a-test-secret-that-is-long-enough-0123456789";
    static final String OTHER_SECRET = "another-test-secret-that-is-long-enough-9876";

    private final KeyedHasher hasher = hasher(SECRET);

    static KeyedHasher hasher(String secret) {
        return new KeyedHasher(new ServerSecret(new SecurityProperties(secret, null)));
    }

    @Test
    void theHashIsAHexHmacSha256AndTheSameEveryTime() {
        String hash = hasher.hash("flow-1", "24681357");

        assertThat(hash).matches("[0-9a-f]{64}").isEqualTo(hasher.hash("flow-1", "24681357"));
        assertThat(hash).doesNotContain("24681357");
    }

    @Test
    void hashesDifferByContext() {
        assertThat(hasher.hash("flow-1", "24681357")).isNotEqualTo(hasher.hash("flow-2", "24681357"));
    }

    @Test
    void theContextAndTheValueCannotBeShiftedIntoEachOther() {
        assertThat(hasher.hash("flow-1", "2468")).isNotEqualTo(hasher.hash("flow-12", "468"));
    }

    @Test
    void hashesDifferBySecret() {
        assertThat(hasher.hash("flow-1", "24681357")).isNotEqualTo(hasher(OTHER_SECRET).hash("flow-1", "24681357"));
    }

    @Test
    void matchesOnlyTheRightValueInTheRightContext() {
        String stored = hasher.hash("flow-1", "24681357");

        assertThat(hasher.matches("flow-1", "24681357", stored)).isTrue();
        assertThat(hasher.matches("flow-1", "24681358", stored)).isFalse();
        assertThat(hasher.matches("flow-2", "24681357", stored)).isFalse();
        assertThat(hasher(OTHER_SECRET).matches("flow-1", "24681357", stored)).isFalse();
    }

    @Test
    void matchesNothingWhenTheCandidateOrTheStoredHashIsMissing() {
        String stored = hasher.hash("flow-1", "24681357");

        assertThat(hasher.matches("flow-1", null, stored)).isFalse();
        assertThat(hasher.matches("flow-1", "24681357", null)).isFalse();
        assertThat(hasher.matches("flow-1", "24681357", "")).isFalse();
        assertThat(hasher.matches("flow-1", "24681357", stored.toUpperCase())).isFalse();
    }
}
