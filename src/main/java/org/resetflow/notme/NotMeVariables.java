package org.resetflow.notme;

/**
 * The variables of a "not me" report ({@code processes/not-me-report.bpmn}): what it starts with, what the helpdesk
 * sees of the reported journey, and who secured the account. The journey's facts keep the names they have in the
 * journey ({@code journey}, {@code requestedAt}, {@code clientAddress}, {@code verifiedMethods}, {@code node}).
 * A change here is a change of the contract with {@code processes/}.
 */
public final class NotMeVariables {

    /** The message that starts a report; the reported journey's flow id is its business key. */
    public static final String START_MESSAGE = "notMeReported";

    // set when the report starts
    /** The reported journey's own process instance. */
    public static final String REPORTED_JOURNEY = "reportedJourney";
    /** The notice whose link the user followed ({@code PASSWORD_RESET}, {@code ACCOUNT_UNLOCKED}, {@code TEMPORARY_PASSWORD_SET}). */
    public static final String REPORTED_NOTICE = "reportedNotice";
    /** When that notice was sent, just after the recovery. */
    public static final String NOTICE_SENT_AT = "noticeSentAt";
    public static final String REPORTED_AT = "reportedAt";
    /** The client address the link was followed from. */
    public static final String REPORTED_FROM = "reportedFrom";

    // the helpdesk's answer
    public static final String ACCOUNT_SECURED = "accountSecured";
    public static final String RESOLUTION = "resolution";
    public static final String SECURED_BY = "securedBy";
    public static final String SECURED_AT = "securedAt";

    private NotMeVariables() {
    }
}
