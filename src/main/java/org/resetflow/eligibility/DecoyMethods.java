package org.resetflow.eligibility;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.resetflow.recoveryinfo.AuthenticatorApps;
import org.resetflow.recoveryinfo.Passkeys;
import org.resetflow.recoveryinfo.RecoveryRegistrations;
import org.resetflow.secret.KeyedHasher;
import org.resetflow.shared.Method;
import org.resetflow.verification.AuthenticatorAppProperties;
import org.resetflow.verification.PasskeyProperties;
import org.springframework.stereotype.Component;

/**
 * The methods a decoy claims: what most users register, and an authenticator app and a passkey, each for the same
 * share of usernames as the registered users who have one. Which usernames claim which is decided by a keyed hash of
 * the username (one per method, so the two are drawn independently), so the same unknown username always gets the
 * same list (a list that changed from one try to the next would give the decoy away), and the list of a user who
 * registered a strong method, with the enrolled-factor rule's "it or the helpdesk" first gate, is no sign that the
 * account exists. The shares are counted again every {@link #REFRESH}.
 */
@Component
public class DecoyMethods {

    /** What most users register. */
    static final List<Method> TYPICAL_METHODS = List.of(Method.EMAIL, Method.SMS, Method.VOICE_MOBILE, Method.QUESTIONS);

    static final Duration REFRESH = Duration.ofMinutes(10);

    private record Shares(double app, double passkey, Instant countedAt) { }

    private final PolicyProperties policy;
    private final AuthenticatorAppProperties authenticatorApp;
    private final PasskeyProperties passkey;
    private final AuthenticatorApps apps;
    private final Passkeys passkeys;
    private final RecoveryRegistrations registrations;
    private final KeyedHasher hasher;
    private final Clock clock;
    private volatile Shares shares;

    DecoyMethods(PolicyProperties policy, AuthenticatorAppProperties authenticatorApp, PasskeyProperties passkey, AuthenticatorApps apps,
                 Passkeys passkeys, RecoveryRegistrations registrations, KeyedHasher hasher, Clock clock) {
        this.policy = policy;
        this.authenticatorApp = authenticatorApp;
        this.passkey = passkey;
        this.apps = apps;
        this.passkeys = passkeys;
        this.registrations = registrations;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** The decoy's registered methods, for its account key (the typed username, trimmed and in lower case). */
    List<Method> forAccountKey(String accountKey) {
        List<Method> methods = new ArrayList<>(TYPICAL_METHODS.stream().filter(policy.methods()::contains).toList());
        if (authenticatorApp.enabled() && policy.methods().contains(Method.AUTHENTICATOR_APP)
                && fraction(accountKey, Method.AUTHENTICATOR_APP) < shares().app()) {
            methods.add(Method.AUTHENTICATOR_APP);
        }
        if (passkey.enabled() && policy.methods().contains(Method.PASSKEY)
                && fraction(accountKey, Method.PASSKEY) < shares().passkey()) {
            methods.add(Method.PASSKEY);
        }
        return List.copyOf(methods);
    }

    /** The share of registered users with an authenticator app, between 0 and 1. */
    double appShare() {
        return shares().app();
    }

    /** The share of registered users with a passkey, between 0 and 1. */
    double passkeyShare() {
        return shares().passkey();
    }

    private Shares shares() {
        Shares counted = shares;
        Instant now = clock.instant();
        if (counted == null || !now.isBefore(counted.countedAt().plus(REFRESH))) {
            long registered = registrations.count();
            counted = new Shares(share(apps.count(), registered), share(passkeys.accountCount(), registered), now);
            shares = counted;
        }
        return counted;
    }

    private static double share(long with, long registered) {
        return registered == 0 ? (with == 0 ? 0 : 1) : Math.min(1, (double) with / registered);
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
