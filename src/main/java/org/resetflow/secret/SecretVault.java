package org.resetflow.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Secrets that must survive a transaction boundary (a one-time code until it is sent, a new password until
 * every directory has it) are sealed with AES-256-GCM and kept in {@code rf_sealed_secret}, never in process
 * variables or history, and deleted when used or expired.
 */
@Component
public class SecretVault {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final JdbcClient jdbc;
    private final SecretKeySpec key;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SecretVault(JdbcClient jdbc, ServerSecret serverSecret, Clock clock) {
        this.jdbc = jdbc;
        this.key = new SecretKeySpec(serverSecret.sealKey(), "AES");
        this.clock = clock;
    }

    public void seal(String ownerId, String purpose, String secret, Duration lifetime) {
        String ciphertext = encrypt(ownerId + "/" + purpose, secret);
        Timestamp expiresAt = Timestamp.from(clock.instant().plus(lifetime));
        int updated = jdbc.sql("UPDATE rf_sealed_secret SET ciphertext = ?, expires_at = ? WHERE owner_id = ? AND purpose = ?")
                .params(ciphertext, expiresAt, ownerId, purpose).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO rf_sealed_secret (owner_id, purpose, ciphertext, expires_at) VALUES (?, ?, ?, ?)")
                    .params(ownerId, purpose, ciphertext, expiresAt).update();
        }
    }

    public Optional<String> open(String ownerId, String purpose) {
        List<String> found = jdbc.sql("SELECT ciphertext FROM rf_sealed_secret WHERE owner_id = ? AND purpose = ? AND expires_at > ?")
                .params(ownerId, purpose, Timestamp.from(clock.instant()))
                .query(String.class).list();
        return found.stream().findFirst().map(ciphertext -> decrypt(ownerId + "/" + purpose, ciphertext));
    }

    public void discard(String ownerId, String purpose) {
        jdbc.sql("DELETE FROM rf_sealed_secret WHERE owner_id = ? AND purpose = ?").params(ownerId, purpose).update();
    }

    public void discardAll(String ownerId) {
        jdbc.sql("DELETE FROM rf_sealed_secret WHERE owner_id = ?").param(ownerId).update();
    }

    /**
     * Seals a long-lived secret that its owner keeps in a table of its own (an authenticator app's shared secret),
     * bound to {@code associatedData}: a sealed value copied to another row does not open there.
     */
    public String sealValue(String associatedData, String plaintext) {
        return encrypt(associatedData, plaintext);
    }

    /** Opens what {@link #sealValue} sealed with the same associated data. */
    public String openValue(String associatedData, String sealed) {
        return decrypt(associatedData, sealed);
    }

    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
    void purgeExpired() {
        jdbc.sql("DELETE FROM rf_sealed_secret WHERE expires_at <= ?").param(Timestamp.from(Instant.now(clock))).update();
    }

    private String encrypt(String associatedData, String plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private String decrypt(String associatedData, String encoded) {
        try {
            byte[] all = Base64.getDecoder().decode(encoded);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // Sealed under another secret (the secret was rotated) or tampered with: treat as gone.
            throw new SealedSecretUnreadableException("A sealed secret could not be opened; was resetflow.security.secret changed?", e);
        }
    }
}
