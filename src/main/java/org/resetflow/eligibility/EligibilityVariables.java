package org.resetflow.eligibility;

/**
 * The variables of the account check and the eligibility decision: the account's facts, the policy's inputs, the
 * decision's outcome.
 * A change here is a change of the contract with {@code processes/}.
 */
public final class EligibilityVariables {

    public static final String ACCOUNT_KNOWN = "accountKnown";
    public static final String IDENTITY_SOURCE = "identitySource";
    public static final String ADMINISTRATOR = "administrator";
    public static final String IN_SCOPE_GROUP = "inScopeGroup";
    public static final String REGISTERED_METHOD_COUNT = "registeredMethodCount";
    public static final String CODE_METHOD_COUNT = "codeMethodCount";
    public static final String STRONG_METHOD_REGISTERED = "strongMethodRegistered";
    public static final String STRONG_METHOD_RULE = "strongMethodRule";
    public static final String SSPR_SCOPE = "ssprScope";
    public static final String USER_GATES = "userGates";
    public static final String WRITEBACK_ENABLED = "writebackEnabled";
    public static final String WRITEBACK_REQUIRED = "writebackRequired";
    public static final String REVEAL_ELIGIBILITY = "revealEligibility";
    public static final String RECONFIRMATION_DUE = "reconfirmationDue";
    public static final String PROTECTED_ACCOUNT = "protectedAccount";
    public static final String ELIGIBILITY = "eligibility";
    public static final String ELIGIBILITY_REASON = "eligibilityReason";
    public static final String GATES = "gates";

    private EligibilityVariables() {
    }
}
