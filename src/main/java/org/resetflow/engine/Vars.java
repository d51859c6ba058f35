package org.resetflow.engine;

/**
 * The process variables every part of a journey shares: the journey's facts, set when it starts and by the account
 * check, which the steps after it read, and the conventions between the steps and the journey API. Each feature
 * keeps its own names beside its steps ({@code EligibilityVariables}, {@code VerificationVariables}, ...). A change
 * here is a change of the contract with {@code processes/}.
 */
public final class Vars {

    // set when a journey starts
    public static final String USERNAME = "username";
    public static final String CLIENT_ADDRESS = "clientAddress";
    public static final String LOCALE = "locale";
    public static final String JOURNEY = "journey";
    public static final String REQUESTED_AT = "requestedAt";
    /** The cluster node that started the journey ({@code resetflow.audit.node}). */
    public static final String NODE = "node";

    // set by the account check, read by the verification and the steps after it
    public static final String ACCOUNT_KEY = "accountKey";
    public static final String DECOY = "decoy";
    public static final String REGISTERED_METHODS = "registeredMethods";
    public static final String QUESTIONS_ALLOWED = "questionsAllowed";
    /** The eligibility decision's word that one gate must be a strong method (the enrolled-factor rule). */
    public static final String STRONG_METHOD_REQUIRED = "strongMethodRequired";

    /** The new or current password the user typed: always transient. */
    public static final String INPUT_PASSWORD = "password";

    /** How the journey ended, for the user and the audit. */
    public static final String OUTCOME = "outcome";

    // the steps' conventions with the journey API
    /** Field errors and notices for the next user task; moved there by {@code camunda.StepConventions}. */
    public static final String PENDING_FIELD_ERRORS = "pendingFieldErrors";
    public static final String PENDING_NOTICE = "pendingNotice";
    /** Task-local counterparts that the journey API reads. */
    public static final String FIELD_ERRORS = "fieldErrors";
    public static final String NOTICE = "notice";
    public static final String STEP_INDEX = "stepIndex";
    public static final String STEP_TOTAL = "stepTotal";

    private Vars() {
    }
}
