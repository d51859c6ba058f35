package org.resetflow.registration;

import java.text.Normalizer;
import java.util.Locale;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Security answers are low-entropy and long-lived, so only a salted slow hash (Argon2id) of the normalised
 * answer is kept. Normalising case, accents' composition and spaces lets "  New   York" match "new york".
 */
@Component
public class SecurityAnswers {

    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

    public String hash(String answer) {
        return encoder.encode(normalise(answer));
    }

    public boolean matches(String answer, String hash) {
        if (answer == null || hash == null || hash.isBlank()) {
            return false;
        }
        return encoder.matches(normalise(answer), hash);
    }

    private final String decoyHash = encoder.encode(java.util.UUID.randomUUID().toString());

    /** A hash of a random answer: checking against it costs what a real check costs and never matches. */
    public String decoyHash() {
        return decoyHash;
    }

    public static String normalise(String answer) {
        String composed = Normalizer.normalize(answer == null ? "" : answer, Normalizer.Form.NFKC);
        return composed.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
