package org.resetflow.passwordpolicy;

/**
 * Stable codes for the reasons a new password is refused. The user interface translates them with the
 * keys {@code password.rule.<CODE>} (and {@code password.rule.describe.<CODE>} for
 * {@link PasswordPolicy#describe()}) in {@code messages/passwordpolicy*.properties}. Clients and
 * message bundles depend on the names: never rename a constant.
 */
public enum PasswordRule {

    /** Shorter than the minimum length; parameter {@code min}. */
    TOO_SHORT,

    /** Longer than the maximum length; parameter {@code max}. */
    TOO_LONG,

    /** Uses too few of upper case, lower case, digits and symbols; parameter {@code required}. */
    NOT_ENOUGH_CHARACTER_CLASSES,

    /**
     * Scores fewer than 5 points in Microsoft Entra Password Protection's algorithm (preset {@code entra}): each
     * banned term found counts one point, each other character one. Parameters {@code found}, the banned terms that
     * make up the score (list entries in normalised form, never what the user typed), and {@code points}.
     */
    BANNED_WORD,

    /**
     * Is, as a whole, on the blocklist or one of the user's or the organisation's names (preset {@code nist}).
     * No parameters: what was found is the password itself.
     */
    ON_BLOCKLIST,

    /**
     * Contains the user's first or last name or the organisation's name (preset {@code entra}); parameter
     * {@code names} lists them as the directory or the settings write them.
     */
    CONTAINS_NAME,

    /** Consists of white space only, or contains control characters such as tabs or line breaks. */
    WHITESPACE_ONLY_OR_CONTROL,

    /** The confirmation differs from the password. */
    CONFIRMATION_MISMATCH,

    /** Equals the current password. A directory bind finds this; {@link PasswordPolicy} never reports it. */
    SAME_AS_CURRENT
}
