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
     * Contains a common password or a banned word, also when digits or symbols stand in for letters.
     * No parameters: the word found is part of the refused password.
     */
    BANNED_WORD,

    /** Contains the username, given name or surname; parameter {@code names} lists which of them. */
    CONTAINS_NAME,

    /** Consists of white space only, or contains control characters such as tabs or line breaks. */
    WHITESPACE_ONLY_OR_CONTROL,

    /** The confirmation differs from the password. */
    CONFIRMATION_MISMATCH,

    /** Equals the current password. A directory bind finds this; {@link PasswordPolicy} never reports it. */
    SAME_AS_CURRENT
}
