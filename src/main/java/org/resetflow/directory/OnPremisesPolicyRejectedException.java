package org.resetflow.directory;

/**
 * The on-premises directory refused the new password under its own policy. {@link #reason()} is a
 * stable code the user interface translates into plain words; {@link #getMessage()} carries the
 * directory's own diagnostic text (never the password).
 */
public class OnPremisesPolicyRejectedException extends RuntimeException {

    public enum Reason {
        TOO_SHORT, RECENTLY_USED, TOO_SIMPLE, TOO_RECENTLY_CHANGED, OTHER;

        /**
         * Whether the directory would give this reason for the same password written a second time (in use, recently
         * used, changed too recently), so that a refused write may be an earlier attempt of itself that succeeded.
         * A password too short or too simple was refused the first time too.
         */
        boolean mayRefuseARepeat() {
            return this != TOO_SHORT && this != TOO_SIMPLE;
        }
    }

    private final Reason reason;

    public OnPremisesPolicyRejectedException(Reason reason, String diagnosticMessage) {
        super(diagnosticMessage);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
