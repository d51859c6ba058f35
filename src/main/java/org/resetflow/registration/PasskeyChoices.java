package org.resetflow.registration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The values of the registration's passkey choices: {@code add}, {@code keep}, {@code skip}, {@code remove:<ref>}. */
final class PasskeyChoices {

    static final String ADD = "add";
    static final String REMOVE = "remove:";

    private PasskeyChoices() {
    }

    /** A short, stable reference to a passkey for its "remove" choice (credential ids can be a kilobyte long). */
    static String reference(String credentialId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(credentialId.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
