package org.resetflow.directory;

import org.resetflow.directory.OnPremisesPolicyRejectedException.Reason;

/**
 * The cloud directory refused the new password under its own password policy (OpenLDAP's {@code ppolicy}: too short,
 * in the history). The reasons are those of the on-premises refusals, so the user reads the same plain words;
 * {@link #getMessage()} carries the directory's diagnostic text, never the password.
 */
public class CloudPolicyRejectedException extends RuntimeException {

    private final Reason reason;

    public CloudPolicyRejectedException(Reason reason, String diagnosticMessage) {
        super(diagnosticMessage);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
