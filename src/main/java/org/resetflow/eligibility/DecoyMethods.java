package org.resetflow.eligibility;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.resetflow.recoveryinfo.AuthenticatorApps;
import org.resetflow.recoveryinfo.RecoveryRegistrations;
import org.resetflow.secret.KeyedHasher;
import org.resetflow.shared.Method;
import org.resetflow.verification.AuthenticatorAppProperties;
import org.springframework.stereotype.Component;

/**
 * The methods a decoy claims: what most users register, and an authenticator app for the same share of usernames as
 * the registered users who have one. Which usernames claim the app is decided by a keyed hash of the username, so the
 * same unknown username always gets the same list (a list that changed from one try to the next would give the decoy
 * away), and the list of a user who registered an app, with the enrolled-factor rule's "app or helpdesk" first gate,
 * is no sign that the account exists. The share is counted again every {@link #REFRESH}.
 */
@Component
public class DecoyMethods {

    /** What most users register. */
    static final List<Method> TYPICAL_METHODS = List.of(Method.EMAIL, Method.SMS, Method.VOICE_MOBILE, Method.QUESTIONS);

    static final Duration REFRESH = Duration.ofMinutes(10);

    private record Share(double value, Instant countedAt) { }

    private final PolicyProperties policy;
    private final AuthenticatorAppProperties authenticatorApp;
    private final AuthenticatorApps apps;
    private final RecoveryRegistrations registrations;
    private final KeyedHasher hasher;
    private final Clock clock;
    private volatile Share appShare;

    DecoyMethods(PolicyProperties policy, AuthenticatorAppProperties authenticatorApp, AuthenticatorApps apps,
                 RecoveryRegistrations registrations, KeyedHasher hasher, Clock clock) {
        this.policy = policy;
        this.authenticatorApp = authenticatorApp;
        this.apps = apps;
        this.registrations = registrations;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** The decoy's registered methods, for its account key (the typed username, trimmed and in lower case). */
    List<Method> forAccountKey(String accountKey) {
        List<Method> methods = new ArrayList<>(TYPICAL_METHODS.stream().filter(policy.methods()::contains).toList());
        if (authenticatorApp.enabled() && policy.methods().contains(Method.AUTHENTICATOR_APP)
                && fraction(accountKey, Method.AUTHENTICATOR_APP) < appShare()) {
            methods.add(Method.AUTHENTICATOR_APP);
        }
        return List.copyOf(methods);
    }

    /** The share of registered users with an authenticator app, between 0 and 1. */
    double appShare() {
        Share share = appShare;
        Instant now = clock.instant();
        if (share == null || !now.isBefore(share.countedAt().plus(REFRESH))) {
            long registered = registrations.count();
            long withApp = apps.count();
            double value = registered == 0 ? (withApp == 0 ? 0 : 1) : Math.min(1, (double) withApp / registered);
            share = new Share(value, now);
            appShare = share;
        }
        return share.value();
    }

    /** A number in [0, 1) that only the server secret's holder can compute from the account key. */
    private double fraction(String accountKey, Method method) {
        byte[] hash = HexFormat.of().parseHex(hasher.hash("decoyMethod/" + method.name(), accountKey).substring(0, 14));
        long bits = 0;
        for (byte b : hash) {
            bits = (bits << 8) | (b & 0xff);
        }
        return (double) bits / (1L << 56);
    }
}
