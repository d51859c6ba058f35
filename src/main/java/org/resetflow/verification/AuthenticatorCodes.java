package org.resetflow.verification;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.resetflow.recoveryinfo.AuthenticatorApps;
import org.resetflow.secret.SealedSecretUnreadableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Codes of an authenticator app (TOTP, RFC 6238, computed by java-otp): new shared secrets, the {@code otpauth://} URI
 * an app scans, and the check of a typed code against the current time step and {@code window} steps either side,
 * each step accepted once per account (the step is used up in the database, so across nodes too).
 */
@Component
public class AuthenticatorCodes {

    /** 160 bits, the length RFC 4226 recommends for HMAC-SHA-1. */
    private static final int SECRET_BYTES = 20;
    private static final Logger log = LoggerFactory.getLogger(AuthenticatorCodes.class);

    public enum Verdict { ACCEPTED, WRONG, REUSED }

    private final AuthenticatorApps apps;
    private final AuthenticatorAppProperties properties;
    private final Clock clock;
    private final TimeBasedOneTimePasswordGenerator generator;
    private final SecureRandom random = new SecureRandom();

    public AuthenticatorCodes(AuthenticatorApps apps, AuthenticatorAppProperties properties, Clock clock) {
        this.apps = apps;
        this.properties = properties;
        this.clock = clock;
        this.generator = new TimeBasedOneTimePasswordGenerator(properties.period(), properties.digits(), properties.algorithm().jca());
    }

    public boolean enabled() {
        return properties.enabled();
    }

    /** A new shared secret, Base32 without padding, as apps expect it. */
    public String newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return new Base32().encodeToString(secret).replace("=", "");
    }

    /** The URI an app scans: {@code otpauth://totp/Issuer:account?secret=…&issuer=Issuer&…} (Google's key URI format). */
    public String otpauthUri(String issuer, String account, String secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer)
                + "&algorithm=" + properties.algorithm().name() + "&digits=" + properties.digits()
                + "&period=" + properties.period().toSeconds();
    }

    /** Whether the typed text has the shape of a code (digits, spaces allowed between them), before any check. */
    public boolean looksLikeACode(String typed) {
        return typed != null && normalise(typed).matches("[0-9]{" + properties.digits() + "}");
    }

    /**
     * The time step whose code {@code typed} is, within the window around now; empty when it is none of them. Used
     * at registration, where there is no step to use up yet.
     */
    public OptionalLong matchingStep(String secret, String typed) {
        if (!looksLikeACode(typed)) {
            return OptionalLong.empty();
        }
        byte[] code = normalise(typed).getBytes(StandardCharsets.US_ASCII);
        SecretKeySpec key = key(secret);
        long now = timeStep(clock.instant());
        OptionalLong found = OptionalLong.empty();
        // Every step is computed whatever matches, so that the time of a check does not tell which one did.
        for (long step = now - properties.window(); step <= now + properties.window(); step++) {
            byte[] expected = codeOf(key, step).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, code) && found.isEmpty()) {
                found = OptionalLong.of(step);
            }
        }
        return found;
    }

    /**
     * Checks a code against the account's app and uses its step up when it is right. An app sealed under another
     * {@code resetflow.security.secret} (the secret was rotated) cannot be opened: its codes are wrong, the operator
     * reads why, and the user, whom the enrolled-factor rule still holds to the app, can say it cannot be used and goes
     * to the helpdesk; nothing falls back to a weaker method and no answer fails.
     */
    public Verdict check(String accountKey, String typed) {
        Optional<String> secret;
        try {
            secret = apps.secret(accountKey);
        } catch (SealedSecretUnreadableException e) {
            log.warn("The authenticator app of account key {} was sealed under another resetflow.security.secret and cannot be "
                    + "used; the user must register it again (through the helpdesk, or the registration with two other methods)", accountKey);
            return Verdict.WRONG;
        }
        if (secret.isEmpty()) {
            return Verdict.WRONG;
        }
        OptionalLong step = matchingStep(secret.get(), typed);
        if (step.isEmpty()) {
            return Verdict.WRONG;
        }
        return apps.useTimeStep(accountKey, step.getAsLong()) ? Verdict.ACCEPTED : Verdict.REUSED;
    }

    /** The code of a time step: what the user's app shows then (tests compute codes with it). */
    public String codeAt(String secret, Instant instant) {
        return codeOf(key(secret), timeStep(instant));
    }

    long timeStep(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), properties.period().toSeconds());
    }

    private String codeOf(SecretKeySpec key, long step) {
        try {
            return generator.generateOneTimePasswordString(key, Instant.ofEpochSecond(step * properties.period().toSeconds()), Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("An authenticator app's secret is not a usable key", e);
        }
    }

    private SecretKeySpec key(String secret) {
        return new SecretKeySpec(new Base32().decode(secret), properties.algorithm().jca());
    }

    static String normalise(String typed) {
        return typed.replace(" ", "");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
