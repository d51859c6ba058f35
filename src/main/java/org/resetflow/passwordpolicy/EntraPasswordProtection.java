package org.resetflow.passwordpolicy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resetflow.directory.Account;

/**
 * Microsoft Entra Password Protection's algorithm as its documentation describes it: normalise, find the banned
 * terms at an edit distance of at most 1, score (a password needs 5 points), and refuse a password that contains
 * the user's first or last name or the organisation's name.
 */
record EntraPasswordProtection(BannedTerms bannedTerms, AccountNames names, boolean rejectNames) implements BlocklistRules {

    /**
     * {@link PasswordRule#BANNED_WORD} only when banned terms were found: without them a password scores a point a
     * character, and a password shorter than 5 characters is already shorter than any allowed minimum length.
     */
    @Override
    public List<Violation> violatedBy(String password, Account account) {
        List<Violation> violations = new ArrayList<>();
        int[] normalised = Normalisation.normalise(password);
        EntraScore score = EntraScore.of(normalised.length, bannedTerms.foundIn(normalised));
        if (!score.passes() && !score.terms().isEmpty()) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("found", score.terms().stream().map(bannedTerms::asWritten).toList());
            parameters.put("points", score.points());
            violations.add(new Violation(PasswordRule.BANNED_WORD, parameters));
        }
        if (rejectNames) {
            List<String> found = names.foundIn(new String(normalised, 0, normalised.length), account);
            if (!found.isEmpty()) {
                violations.add(new Violation(PasswordRule.CONTAINS_NAME, Map.of("names", found)));
            }
        }
        return violations;
    }

    @Override
    public List<RuleDescription> describe() {
        List<RuleDescription> rules = new ArrayList<>();
        if (!bannedTerms.isEmpty()) {
            rules.add(new RuleDescription(PasswordRule.BANNED_WORD, Map.of()));
        }
        if (rejectNames) {
            rules.add(new RuleDescription(PasswordRule.CONTAINS_NAME, Map.of()));
        }
        return rules;
    }
}
