package org.resetflow.passwordpolicy;

/**
 * The two ways ResetFlow judges a new password, chosen with {@code resetflow.password-policy.preset}. Each gives
 * the length and character-class settings their defaults; the banned lists and names are checked the preset's way.
 */
public enum PasswordPreset {

    /**
     * Microsoft Entra Password Protection's documented algorithm (normalise, fuzzy match at edit distance 1 against
     * the global and custom lists, the user's and the organisation's names, a score of at least 5), with length
     * and character-class rules: 8 to 128 characters from 3 of 4 classes.
     */
    ENTRA(8, 128, 3),

    /**
     * NIST SP 800-63B-4: the whole password compared with the blocklist, no composition rules, at least 15
     * characters when the password is the only factor (8 when it is one of several), at most 128.
     */
    NIST(15, 128, 0);

    /** NIST SP 800-63B-4's minimum for a password used only as part of multi-factor authentication. */
    static final int NIST_MULTI_FACTOR_MIN_LENGTH = 8;

    /** NIST SP 800-63B-4 asks verifiers to permit at least this many characters. */
    static final int NIST_MAX_LENGTH_AT_LEAST = 64;

    private final int minLength;
    private final int maxLength;
    private final int characterClasses;

    PasswordPreset(int minLength, int maxLength, int characterClasses) {
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.characterClasses = characterClasses;
    }

    int minLength(boolean singleFactor) {
        return this == NIST && !singleFactor ? NIST_MULTI_FACTOR_MIN_LENGTH : minLength;
    }

    int maxLength() {
        return maxLength;
    }

    int characterClasses() {
        return characterClasses;
    }
}
