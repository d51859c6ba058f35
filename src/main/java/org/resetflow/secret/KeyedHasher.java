package org.resetflow.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Keyed hashes (HMAC-SHA-256) for short-lived secrets such as one-time codes and flow tokens: fast, and
 * worthless to someone who reads the database without the server secret.
 */
@Component
public class KeyedHasher {

    /** Hex characters of a hash. */
    private static final int HASH_CHARS = 64;

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

    /**
     * The value with its keyed hash in front, bound to a context: a value only a holder of the server secret can make,
     * for one part of ResetFlow to hand to another through a channel that others can write to as well (a transient
     * process variable, which a staff member could set through the engine's REST API).
     */
    public String stamp(String context, String value) {
        return hash(context, value) + ":" + value;
    }

    /** The value of a {@link #stamp} made for this context; empty for anything else (another context, no stamp, not text). */
    public Optional<String> unstamped(String context, Object stamped) {
        if (!(stamped instanceof String text) || text.length() <= HASH_CHARS || text.charAt(HASH_CHARS) != ':') {
            return Optional.empty();
        }
        String value = text.substring(HASH_CHARS + 1);
        return matches(context, value, text.substring(0, HASH_CHARS)) ? Optional.of(value) : Optional.empty();
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
