package org.resetflow.passwordpolicy;

import java.util.Map;
import org.passay.CharacterCharacteristicsRule;
import org.passay.LengthRule;
import org.passay.RuleResultDetail;

/** Translates Passay's error codes, which may change between Passay versions, into our stable {@link PasswordRule}. */
final class PassayCodes {

    private static final Map<String, PasswordRule> RULES = Map.of(
            LengthRule.ERROR_CODE_MIN, PasswordRule.TOO_SHORT,
            LengthRule.ERROR_CODE_MAX, PasswordRule.TOO_LONG,
            CharacterCharacteristicsRule.ERROR_CODE, PasswordRule.NOT_ENOUGH_CHARACTER_CLASSES);

    private PassayCodes() {
    }

    static PasswordRule toPasswordRule(RuleResultDetail detail) {
        for (String code : detail.getErrorCodes()) {
            PasswordRule rule = RULES.get(code);
            if (rule != null) {
                return rule;
            }
        }
        // Only the code: Passay's parameters may hold part of the password.
        throw new IllegalStateException("No password rule for Passay error code " + detail.getErrorCode());
    }
}
