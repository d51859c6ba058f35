package org.resetflow.directory;

/**
 * A write was about to change a protected on-premises account (Active Directory's {@code adminCount=1}, or a
 * member of a protected group). The journeys route such accounts to the helpdesk before any write; this is the
 * last line, for an account that became protected meanwhile. Retrying does not help: it ends as an incident.
 */
public class ProtectedAccountException extends RuntimeException {

    public ProtectedAccountException(String message) {
        super(message);
    }
}
