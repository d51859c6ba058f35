package org.resetflow.registration;

/**
 * The variables of the registration journey: the contacts to verify and the questions to register.
 * A change here is a change of the contract with {@code processes/}.
 */
public final class RegistrationVariables {

    public static final String INPUT_ALTERNATE_EMAIL = "alternateEmail";
    public static final String INPUT_MOBILE_PHONE = "mobilePhone";
    public static final String EMAIL_TO_VERIFY = "emailToVerify";
    public static final String MOBILE_TO_VERIFY = "mobileToVerify";
    public static final String QUESTION_OPTIONS = "questionOptions";
    public static final String QUESTIONS_TO_REGISTER = "questionsToRegister";
    /**
     * The Argon2id hashes of the new answers (question id → hash, as JSON), which the journey API makes before it
     * completes the step ({@code answerHashing}), stamped with the server's keyed hash for the process instance.
     * Transient, never a form field.
     */
    public static final String ANSWER_HASHES = "answerHashes";

    /** Whether the registration offers an authenticator app (the method is enabled). */
    public static final String AUTHENTICATOR_APP_OFFERED = "authenticatorAppOffered";
    /** The choices for the authenticator app: keep, replace, remove (one registered), or add, skip (none). */
    public static final String AUTHENTICATOR_APP_OPTIONS = "authenticatorAppOptions";
    /** The user's choice, transient. */
    public static final String INPUT_AUTHENTICATOR_APP = "authenticatorApp";
    /** The first code of the new app, transient. */
    public static final String INPUT_CODE = "code";

    /** Whether the registration offers passkeys (the method is enabled). */
    public static final String PASSKEY_OFFERED = "passkeyOffered";
    /** The choices for passkeys: add one, keep them or skip, remove one of those registered ({@code remove:<ref>}). */
    public static final String PASSKEY_OPTIONS = "passkeyOptions";
    // what the user chose and what the browser returned for a new passkey, transient
    public static final String INPUT_PASSKEY = "passkey";
    public static final String INPUT_PASSKEY_LABEL = "passkeyLabel";
    public static final String INPUT_ATTESTATION_OBJECT = "attestationObject";
    public static final String INPUT_CLIENT_DATA = "clientDataJSON";
    public static final String INPUT_TRANSPORTS = "transports";

    private RegistrationVariables() {
    }
}
