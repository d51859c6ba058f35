package org.resetflow.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resetflow.testing.MutableClock;
import org.resetflow.testing.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;

class SecretVaultTest {

    private static final String PASSWORD = "Correct-Horse-Battery-42";
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    private final MutableClock clock = MutableClock.atSomeMoment();
    private JdbcClient jdbc;
    private SecretVault vault;

    @BeforeEach
    void freshDatabase() {
        DataSource dataSource = TestDatabases.migratedH2();
        jdbc = JdbcClient.create(dataSource);
        vault = vault(KeyedHasherTest.SECRET);
    }

    private SecretVault vault(String serverSecret) {
        return new SecretVault(jdbc, new ServerSecret(new SecurityProperties(serverSecret, null)), clock);
    }

    @Test
    void whatIsSealedOpensAgain() {
        vault.seal("process-1", "newPassword", PASSWORD, TEN_MINUTES);

        assertThat(vault.open("process-1", "newPassword")).contains(PASSWORD);
    }

    @Test
    void sealingAgainReplacesTheSecret() {
        vault.seal("process-1", "newPassword", PASSWORD, TEN_MINUTES);

        vault.seal("process-1", "newPassword", "Another-Passw0rd!", TEN_MINUTES);

        assertThat(vault.open("process-1", "newPassword")).contains("Another-Passw0rd!");
        assertThat(rows("process-1")).isEqualTo(1);
    }

    @Test
    void theStoredCiphertextDoesNotContainTheSecret() {
        vault.seal("process-1", "newPassword", PASSWORD, TEN_MINUTES);

        String stored = jdbc.sql("SELECT ciphertext FROM rf_sealed_secret WHERE owner_id = 'process-1'").query(String.class).single();

        assertThat(stored)
                .doesNotContain(PASSWORD)
                .doesNotContain(Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8)));
        assertThat(new String(Base64.getDecoder().decode(stored), StandardCharsets.ISO_8859_1)).doesNotContain(PASSWORD);
    }

    @Test
    void sealingTheSameSecretTwiceGivesDifferentCiphertexts() {
        vault.seal("process-1", "a", PASSWORD, TEN_MINUTES);
        vault.seal("process-1", "b", PASSWORD, TEN_MINUTES);

        assertThat(jdbc.sql("SELECT DISTINCT ciphertext FROM rf_sealed_secret").query(String.class).list()).hasSize(2);
    }

    @Test
    void aSecretCannotBeOpenedAfterItExpired() {
        vault.seal("process-1", "newPassword", PASSWORD, TEN_MINUTES);

        clock.advance(TEN_MINUTES.minusSeconds(1));
        assertThat(vault.open("process-1", "newPassword")).contains(PASSWORD);

        clock.advance(Duration.ofSeconds(1));
        assertThat(vault.open("process-1", "newPassword")).isEmpty();
    }

    @Test
    void purgingRemovesOnlyExpiredSecrets() {
        vault.seal("process-1", "code", "24681357", TEN_MINUTES);
        vault.seal("process-2", "code", "13572468", Duration.ofHours(1));
        clock.advance(TEN_MINUTES);

        vault.purgeExpired();

        assertThat(rows("process-1")).isZero();
        assertThat(vault.open("process-2", "code")).contains("13572468");
    }

    @Test
    void discardRemovesTheSecret() {
        vault.seal("process-1", "newPassword", PASSWORD, TEN_MINUTES);
        vault.seal("process-1", "code", "24681357", TEN_MINUTES);

        vault.discard("process-1", "newPassword");

        assertThat(vault.open("process-1", "newPassword")).isEmpty();
        assertThat(vault.open("process-1", "code")).contains("24681357");
    }

    @Test
    void discardAllRemovesEverySecretOfTheOwnerOnly() {
        vault.seal("process-1", "newPassword", PASSWORD, TEN_MINUTES);
        vault.seal("process-1", "code", "24681357", TEN_MINUTES);
        vault.seal("process-2", "code", "13572468", TEN_MINUTES);

        vault.discardAll("process-1");

        assertThat(rows("process-1")).isZero();
        assertThat(vault.open("process-2", "code")).contains("13572468");
    }

    @Test
    void openingWhatWasNeverSealedIsEmpty() {
        assertThat(vault.open("process-1", "newPassword")).isEmpty();
    }

    @Test
    void aVaultWithAnotherServerSecretCannotOpenTheSecret() {
        vault.seal("process-1", "newPassword", PASSWORD, TEN_MINUTES);

        SecretVault otherNode = vault(KeyedHasherTest.OTHER_SECRET);

        assertThatExceptionOfType(SealedSecretUnreadableException.class)
                .isThrownBy(() -> otherNode.open("process-1", "newPassword"))
                .withMessageContaining("resetflow.security.secret");
    }

    @Test
    void aCiphertextCopiedToAnotherOwnerCannotBeOpened() {
        vault.seal("victim-process", "newPassword", PASSWORD, TEN_MINUTES);
        vault.seal("attacker-process", "newPassword", "placeholder", TEN_MINUTES);

        jdbc.sql("""
                UPDATE rf_sealed_secret SET ciphertext =
                    (SELECT ciphertext FROM rf_sealed_secret WHERE owner_id = 'victim-process' AND purpose = 'newPassword')
                WHERE owner_id = 'attacker-process'""").update();

        assertThatExceptionOfType(SealedSecretUnreadableException.class)
                .isThrownBy(() -> vault.open("attacker-process", "newPassword"));
        assertThat(vault.open("victim-process", "newPassword")).contains(PASSWORD);
    }

    @Test
    void aCiphertextCopiedToAnotherPurposeCannotBeOpened() {
        vault.seal("process-1", "code", "24681357", TEN_MINUTES);

        jdbc.sql("""
                INSERT INTO rf_sealed_secret (owner_id, purpose, ciphertext, expires_at)
                SELECT owner_id, 'newPassword', ciphertext, expires_at FROM rf_sealed_secret WHERE owner_id = 'process-1'""").update();

        assertThatExceptionOfType(SealedSecretUnreadableException.class)
                .isThrownBy(() -> vault.open("process-1", "newPassword"));
    }

    @Test
    void aTamperedCiphertextCannotBeOpened() {
        vault.seal("process-1", "newPassword", PASSWORD, TEN_MINUTES);
        String stored = jdbc.sql("SELECT ciphertext FROM rf_sealed_secret").query(String.class).single();
        byte[] bytes = Base64.getDecoder().decode(stored);
        bytes[bytes.length / 2] ^= 1;

        jdbc.sql("UPDATE rf_sealed_secret SET ciphertext = ?").param(Base64.getEncoder().encodeToString(bytes)).update();

        assertThatExceptionOfType(SealedSecretUnreadableException.class)
                .isThrownBy(() -> vault.open("process-1", "newPassword"));
    }

    private int rows(String owner) {
        return jdbc.sql("SELECT COUNT(*) FROM rf_sealed_secret WHERE owner_id = ?").param(owner).query(Integer.class).single();
    }
}
