package org.resetflow.verification;

/**
 * The variables of identity verification: gates, methods, codes, questions and the user's inputs at those steps.
 * A change here is a change of the contract with {@code processes/}.
 */
public final class VerificationVariables {

    public static final String GATE = "gate";
    public static final String PROVEN_GATES = "provenGates";
    public static final String VERIFIED_METHODS = "verifiedMethods";
    public static final String METHOD_OPTIONS = "methodOptions";
    public static final String CHOSEN_METHOD = "chosenMethod";
    public static final String UNDELIVERABLE_METHODS = "undeliverableMethods";
    public static final String METHOD = "method";
    public static final String DESTINATION = "destination";
    public static final String CONTACT_MATCHED = "contactMatched";
    public static final String CODE_HASH = "codeHash";
    public static final String CODE_ISSUED_AT = "codeIssuedAt";
    // what a code's delivery (a process instance of its own, no part of the journey's tree) is given and keeps
    /** The code verification's process instance: it owns the sealed code and hears when it cannot be delivered. */
    public static final String CODE_VERIFICATION = "codeVerification";
    /** The journey's own process instance, where an undeliverable code raises its incident. */
    public static final String JOURNEY_INSTANCE = "journeyInstance";
    /** Why the provider did not take the code (never the code): set by the model's error boundary event. */
    public static final String DELIVERY_FAILURE = "deliveryFailure";
    public static final String QUESTION_IDS = "questionIds";
    public static final String QUESTION_COUNT = "questionCount";
    /**
     * The verdict on the answers to the questions, which the journey API reaches before it completes the step
     * ({@code answerCheck}): {@code RIGHT} or {@code WRONG}, stamped with the server's keyed hash for the process
     * instance and the questions. Transient, never a form field.
     */
    public static final String ANSWER_VERDICT = "answerVerdict";
    public static final String LOCKED_OUT_UNTIL = "lockedOutUntil";
    public static final String INPUT_CONTACT = "contact";
    public static final String INPUT_CODE = "code";
    // a passkey's assertion, as the browser returns it, each base64url (transient)
    public static final String INPUT_CREDENTIAL_ID = "credentialId";
    public static final String INPUT_CLIENT_DATA = "clientDataJSON";
    public static final String INPUT_AUTHENTICATOR_DATA = "authenticatorData";
    public static final String INPUT_SIGNATURE = "signature";
    public static final String INPUT_USER_HANDLE = "userHandle";

    private VerificationVariables() {
    }
}
