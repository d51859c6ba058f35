package org.resetflow.passwordpolicy;

import java.util.List;
import org.passay.CharacterCharacteristicsRule;
import org.passay.CharacterRule;
import org.passay.EnglishCharacterData;
import org.passay.LengthRule;
import org.passay.PasswordData;
import org.passay.PasswordValidator;

/**
 * Length and character classes, with Passay's {@link LengthRule} and {@link CharacterCharacteristicsRule}
 * over {@link EnglishCharacterData}. Passay counts only ASCII letters and digits, so each code point is
 * first replaced by an ASCII stand-in for its class: {@code Ä} counts as upper case, {@code ß} as lower
 * case, {@code ٣} as a digit, and the length is counted in code points.
 */
final class LengthAndCharacterClassRules {

    private static final char UPPER = 'A';
    private static final char LOWER = 'a';
    private static final char DIGIT = '0';
    private static final char SYMBOL = '!';
    /** Not in any of Passay's classes. */
    private static final char NO_CLASS = ' ';

    private final PasswordValidator validator;

    /** @param requiredClasses 0 for no character-class rule (NIST SP 800-63B-4 forbids composition rules) */
    LengthAndCharacterClassRules(int minLength, int maxLength, int requiredClasses) {
        if (requiredClasses == 0) {
            this.validator = new PasswordValidator(new LengthRule(minLength, maxLength));
            return;
        }
        CharacterCharacteristicsRule characterClasses = new CharacterCharacteristicsRule(requiredClasses,
                new CharacterRule(EnglishCharacterData.UpperCase),
                new CharacterRule(EnglishCharacterData.LowerCase),
                new CharacterRule(EnglishCharacterData.Digit),
                new CharacterRule(EnglishCharacterData.Special));
        characterClasses.setReportRuleFailures(false);
        this.validator = new PasswordValidator(new LengthRule(minLength, maxLength), characterClasses);
    }

    /** The rules the (NFC-normalised) password breaks, among TOO_SHORT, TOO_LONG and NOT_ENOUGH_CHARACTER_CLASSES. */
    List<PasswordRule> violatedBy(String password) {
        return validator.validate(new PasswordData(classStandIns(password))).getDetails().stream()
                .map(PassayCodes::toPasswordRule)
                .distinct()
                .toList();
    }

    private static String classStandIns(String password) {
        StringBuilder standIns = new StringBuilder(password.length());
        password.codePoints().forEach(codePoint -> standIns.append(classStandIn(codePoint)));
        return standIns.toString();
    }

    /**
     * Letters without case (as in Chinese or Arabic) count with the symbols, as Active Directory counts
     * them in a category of their own; spaces, controls and combining marks count toward no class.
     */
    private static char classStandIn(int codePoint) {
        if (Character.isUpperCase(codePoint) || Character.isTitleCase(codePoint)) {
            return UPPER;
        }
        if (Character.isLowerCase(codePoint)) {
            return LOWER;
        }
        if (Character.isDigit(codePoint)) {
            return DIGIT;
        }
        if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || Character.isISOControl(codePoint)) {
            return NO_CLASS;
        }
        return switch (Character.getType(codePoint)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK -> NO_CLASS;
            default -> SYMBOL;
        };
    }
}
