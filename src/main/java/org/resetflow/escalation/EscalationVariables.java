package org.resetflow.escalation;

/**
 * The variables of the helpdesk escalation: the facts gathered for the helpdesk and its decision.
 * A change here is a change of the contract with {@code processes/}.
 */
public final class EscalationVariables {

    public static final String DECISION = "decision";
    public static final String REFUSAL_REASON = "refusalReason";
    public static final String DECIDED_BY = "decidedBy";
    public static final String DECIDED_AT = "decidedAt";
    /** Why self-service handed the journey to the helpdesk, in words: the task's name and its form show it. */
    public static final String ESCALATION_REASON = "escalationReason";
    public static final String METHODS_TRIED = "methodsTried";
    public static final String RECENT_FAILED_PROOFS = "recentFailedProofs";
    public static final String RECENT_JOURNEYS = "recentJourneys";
    public static final String HANDOVER_PATH = "handoverPath";
    public static final String FOLLOWED_UP_AT = "followedUpAt";

    private EscalationVariables() {
    }
}
