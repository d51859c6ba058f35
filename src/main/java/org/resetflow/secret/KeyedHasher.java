package org.resetflow.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Keyed hashes (HMAC-SHA-256) for short-lived secrets such as one-time codes and flow tokens: fast, and
 * worthless to someone who reads the database without the server secret.
 */
@Component
public class KeyedHasher {

    private final SecretKeySpec key;

    public KeyedHasher(ServerSecret serverSecret) {
        this.key = new SecretKeySpec(serverSecret.hmacKey(), "HmacSHA256");
    }

    /** The hex HMAC of the value, bound to a context (e.g. the flow id) so a hash cannot be replayed elsewhere. */
    public String hash(String context, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(context.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Constant-time comparison of a candidate against a stored hash. */
    public boolean matches(String context, String candidate, String expectedHash) {
        if (candidate == null || expectedHash == null) {
            return false;
        }
        byte[] actual = hash(context, candidate).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(actual, expectedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
