package org.resetflow.passwordpolicy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.passay.MatchBehavior;
import org.passay.PasswordData;
import org.passay.UsernameRule;
import org.resetflow.directory.Account;

/**
 * Finds the account's username, given name or surname in a password, with Passay's {@link UsernameRule}
 * applied to the de-substituted forms of both, so {@code 4l1ce} contains {@code alice}. A user name in
 * principal-name form ({@code alice@example.org}) is also looked for without its domain.
 */
final class AccountNames {

    /** Shorter names (Li, Bo) occur inside too many good passwords. */
    static final int SHORTEST_NAME = 3;

    /** Case is folded beforehand, independently of the default locale. */
    private static final UsernameRule CONTAINS_NAME = new UsernameRule(false, false, MatchBehavior.Contains);

    private AccountNames() {
    }

    /**
     * Which names the password contains: {@code username}, {@code givenName}, {@code surname}, in that order.
     *
     * @param passwordVariants the password's {@linkplain Desubstitution#variants de-substituted} variants
     */
    static List<String> foundIn(List<String> passwordVariants, Account account) {
        if (account == null) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        for (NamedValue name : namesOf(account)) {
            if (containsAny(passwordVariants, name.value())) {
                found.add(name.attribute());
            }
        }
        return List.copyOf(found);
    }

    private static boolean containsAny(List<String> passwordVariants, String name) {
        String folded = Desubstitution.fold(name.strip());
        if (folded.codePointCount(0, folded.length()) < SHORTEST_NAME) {
            return false;
        }
        for (String nameVariant : Desubstitution.variants(folded)) {
            for (String passwordVariant : passwordVariants) {
                boolean contained = CONTAINS_NAME.validate(new PasswordData(nameVariant, passwordVariant)).getDetails().stream()
                        .map(PassayCodes::toPasswordRule)
                        .anyMatch(PasswordRule.CONTAINS_NAME::equals);
                if (contained) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<NamedValue> namesOf(Account account) {
        List<NamedValue> names = new ArrayList<>();
        String username = account.username();
        if (username != null) {
            names.add(new NamedValue("username", username));
            int at = username.indexOf('@');
            if (at > 0) {
                names.add(new NamedValue("username", username.substring(0, at)));
            }
        }
        if (account.givenName() != null) {
            names.add(new NamedValue("givenName", account.givenName()));
        }
        if (account.surname() != null) {
            names.add(new NamedValue("surname", account.surname()));
        }
        return names;
    }

    private record NamedValue(String attribute, String value) {
    }
}
