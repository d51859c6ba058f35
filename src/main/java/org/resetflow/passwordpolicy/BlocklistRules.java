package org.resetflow.passwordpolicy;

import java.util.List;
import org.resetflow.directory.Account;

/** How a preset checks a password against the banned lists and the names. */
interface BlocklistRules {

    /**
     * @param password the NFC-normalised password, not longer than the maximum length
     * @param account  the account the password is for; may be {@code null}
     */
    List<Violation> violatedBy(String password, Account account);

    /** The rules in force, to show before the user types. */
    List<RuleDescription> describe();
}
