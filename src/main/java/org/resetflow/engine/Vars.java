package org.resetflow.engine;

/**
 * Names of the process variables shared by the models and the Java steps. A change here is a change of the
 * contract with {@code processes/}.
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

    // account look-up
    public static final String ACCOUNT_KEY = "accountKey";
    public static final String ACCOUNT_KNOWN = "accountKnown";
    public static final String DECOY = "decoy";
    public static final String IDENTITY_SOURCE = "identitySource";
    public static final String ADMINISTRATOR = "administrator";
    public static final String IN_SCOPE_GROUP = "inScopeGroup";
    public static final String REGISTERED_METHODS = "registeredMethods";
    public static final String REGISTERED_METHOD_COUNT = "registeredMethodCount";
    public static final String CODE_METHOD_COUNT = "codeMethodCount";
    public static final String SSPR_SCOPE = "ssprScope";
    public static final String USER_GATES = "userGates";
    public static final String WRITEBACK_ENABLED = "writebackEnabled";
    public static final String WRITEBACK_REQUIRED = "writebackRequired";
    public static final String REVEAL_ELIGIBILITY = "revealEligibility";
    public static final String RECONFIRMATION_DUE = "reconfirmationDue";
    public static final String PROTECTED_ACCOUNT = "protectedAccount";

    // eligibility decision
    public static final String ELIGIBILITY = "eligibility";
    public static final String ELIGIBILITY_REASON = "eligibilityReason";
    public static final String GATES = "gates";
    public static final String QUESTIONS_ALLOWED = "questionsAllowed";
    public static final String STEP_TOTAL = "stepTotal";

    // verification
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
    public static final String QUESTION_IDS = "questionIds";
    public static final String QUESTION_COUNT = "questionCount";
    public static final String LOCKED_OUT_UNTIL = "lockedOutUntil";

    // user input, always transient
    public static final String INPUT_CONTACT = "contact";
    public static final String INPUT_CODE = "code";
    public static final String INPUT_PASSWORD = "password";
    public static final String INPUT_PASSWORD_CONFIRMATION = "passwordConfirmation";
    public static final String INPUT_ALTERNATE_EMAIL = "alternateEmail";
    public static final String INPUT_MOBILE_PHONE = "mobilePhone";

    // registration
    public static final String EMAIL_TO_VERIFY = "emailToVerify";
    public static final String MOBILE_TO_VERIFY = "mobileToVerify";
    public static final String QUESTION_OPTIONS = "questionOptions";
    public static final String QUESTIONS_TO_REGISTER = "questionsToRegister";

    // escalation
    public static final String DECISION = "decision";
    public static final String REFUSAL_REASON = "refusalReason";
    public static final String DECIDED_BY = "decidedBy";
    public static final String DECIDED_AT = "decidedAt";
    public static final String METHODS_TRIED = "methodsTried";
    public static final String RECENT_FAILED_PROOFS = "recentFailedProofs";
    public static final String RECENT_JOURNEYS = "recentJourneys";
    public static final String HANDOVER_PATH = "handoverPath";
    public static final String FOLLOWED_UP_AT = "followedUpAt";

    // results for the user and the audit
    public static final String OUTCOME = "outcome";
    public static final String ON_PREMISES_WRITTEN = "onPremisesWritten";
    public static final String CLOUD_WRITTEN = "cloudWritten";

    /** Field errors and notices for the next user task; moved there by {@link StepConventions}. */
    public static final String PENDING_FIELD_ERRORS = "pendingFieldErrors";
    public static final String PENDING_NOTICE = "pendingNotice";
    /** Task-local counterparts that the journey API reads. */
    public static final String FIELD_ERRORS = "fieldErrors";
    public static final String NOTICE = "notice";
    public static final String STEP_INDEX = "stepIndex";

    private Vars() {
    }
}
