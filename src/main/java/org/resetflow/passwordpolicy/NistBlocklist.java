package org.resetflow.passwordpolicy;

import java.util.List;
import java.util.Map;
import org.resetflow.directory.Account;

/**
 * NIST SP 800-63B-4's blocklist: the entire password, not its substrings, compared with the global and custom lists
 * and, when names are refused, with context-specific words (the user's names and username, the organisation's name).
 * Both sides are {@linkplain Normalisation normalised}, so {@code P@ssw0rd} is {@code password}.
 */
record NistBlocklist(BannedTerms bannedTerms, AccountNames names, boolean rejectNames) implements BlocklistRules {

    @Override
    public List<Violation> violatedBy(String password, Account account) {
        String normalised = Normalisation.normalised(password);
        boolean blocked = bannedTerms.isTerm(normalised) || rejectNames && names.isNameOrUsername(normalised, account);
        return blocked ? List.of(Violation.of(PasswordRule.ON_BLOCKLIST)) : List.of();
    }

    @Override
    public List<RuleDescription> describe() {
        return List.of(new RuleDescription(PasswordRule.ON_BLOCKLIST, Map.of()));
    }
}
