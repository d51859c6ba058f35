package org.resetflow.eligibility;

import java.util.List;
import org.resetflow.directory.IdentitySource;
import org.resetflow.shared.Method;

/**
 * The facts the eligibility decision needs about one account, or about a decoy standing in for a username
 * that does not exist. A decoy looks like an ordinary registered user all the way to the point where a proof
 * fails, so that nothing in the answers tells whether the account exists.
 */
public record AccountProfile(
        String username,
        String accountKey,
        boolean known,
        IdentitySource identitySource,
        boolean administrator,
        boolean inScopeGroup,
        List<Method> registeredMethods,
        boolean reconfirmationDue,
        boolean protectedAccount) {

    /**
     * The methods an administrator may use: all but security questions (a code sent to a contact, an
     * authenticator app or a passkey).
     */
    public long codeMethodCount() {
        return registeredMethods.stream().filter(method -> method != Method.QUESTIONS).count();
    }

    /** Whether the user registered a strong method (an authenticator app, a passkey), which the enrolled-factor rule asks for. */
    public boolean strongMethodRegistered() {
        return registeredMethods.stream().anyMatch(Method::isStrong);
    }
}
