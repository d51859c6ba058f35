package org.resetflow.testing;

import java.util.stream.IntStream;
import org.resetflow.eligibility.AccountProfiles;

/**
 * Usernames that do not exist, whose decoys claim no authenticator app: a decoy claims one for the share of usernames
 * that registered users with an app make up, chosen by a keyed hash of the username under the server secret, which the
 * embedded tests draw anew each run. A test that compares an unknown username with a user without an app takes one
 * of these, so that it does not fail in the runs where its fixed name happens to claim an app.
 */
public final class UnknownUsernames {

    private UnknownUsernames() {
    }

    /** The first of {@code prefix.0}, {@code prefix.1}, … whose decoy claims no authenticator app. */
    public static String withoutAnApp(AccountProfiles profiles, String prefix) {
        return first(profiles, prefix, false);
    }

    /** The first of {@code prefix.0}, {@code prefix.1}, … whose decoy claims an authenticator app. */
    public static String withAnApp(AccountProfiles profiles, String prefix) {
        return first(profiles, prefix, true);
    }

    private static String first(AccountProfiles profiles, String prefix, boolean app) {
        return IntStream.range(0, 10_000).mapToObj(i -> prefix + "." + i)
                .filter(name -> profiles.decoy(name).strongMethodRegistered() == app).findFirst()
                .orElseThrow(() -> new IllegalStateException("no unknown username " + (app ? "with" : "without") + " an app"));
    }
}
