package org.resetflow.testing;

import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.resetflow.eligibility.AccountProfile;
import org.resetflow.eligibility.AccountProfiles;
import org.resetflow.shared.Method;

/**
 * Usernames that do not exist, chosen by what their decoys claim. A decoy claims an authenticator app and a passkey,
 * each for the share of usernames that registered users with one make up, chosen by a keyed hash of the username under
 * the server secret, which the embedded tests draw anew each run. A test that compares an unknown username with a
 * known user takes one whose decoy claims what that user has, so that it does not fail in the runs where a fixed name
 * happens to claim something else.
 */
public final class UnknownUsernames {

    private UnknownUsernames() {
    }

    /** The first of {@code prefix.0}, {@code prefix.1}, … whose decoy claims neither an authenticator app nor a passkey. */
    public static String withoutAnApp(AccountProfiles profiles, String prefix) {
        return first(profiles, prefix, decoy -> !decoy.strongMethodRegistered(), "without a strong method");
    }

    /** The first of {@code prefix.0}, {@code prefix.1}, … whose decoy claims an authenticator app and no passkey. */
    public static String withAnApp(AccountProfiles profiles, String prefix) {
        return first(profiles, prefix, decoy -> decoy.registeredMethods().contains(Method.AUTHENTICATOR_APP)
                && !decoy.registeredMethods().contains(Method.PASSKEY), "with an app only");
    }

    private static String first(AccountProfiles profiles, String prefix, Predicate<AccountProfile> wanted, String what) {
        return IntStream.range(0, 10_000).mapToObj(i -> prefix + "." + i)
                .filter(name -> wanted.test(profiles.decoy(name))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no unknown username " + what));
    }
}
