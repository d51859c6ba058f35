package org.resetflow.journey;

import org.resetflow.engine.FieldErrors;

/** The ways a public API call can go wrong for reasons the client can understand. */
public final class JourneyExceptions {

    private JourneyExceptions() {
    }

    /** Unknown flow, wrong kind, or a token that is not the flow's: all look the same. */
    public static final class FlowNotFound extends RuntimeException {
        FlowNotFound() {
            super("No such journey, or the X-Flow-Token header does not belong to it");
        }
    }

    /** A "not me" link that cannot be used: unknown, used, expired or malformed all look the same. */
    public static final class NotMeLinkNotUsable extends RuntimeException {
        NotMeLinkNotUsable() {
            super("This link cannot be used (any more). If you still think someone else used your account, contact your helpdesk.");
        }
    }

    /** The step key is not the step the journey waits at (a stale page, a double submit, a finished journey). */
    public static final class StaleStep extends RuntimeException {
        final FlowView current;

        StaleStep(FlowView current) {
            super("This step is not the current step of the journey");
            this.current = current;
        }

        public FlowView current() {
            return current;
        }
    }

    /** Input that does not fit the step's form (or the start request); nothing was changed. */
    public static final class InvalidInput extends RuntimeException {
        final FieldErrors errors;

        InvalidInput(FieldErrors errors) {
            super("The input is not valid");
            this.errors = errors;
        }

        public FieldErrors errors() {
            return errors;
        }
    }

    /** The step was taken and the journey came back to it with field errors (a wrong code, a weak password). */
    public static final class StepRejected extends RuntimeException {
        final FlowView view;

        StepRejected(FlowView view) {
            super("The step was not accepted");
            this.view = view;
        }

        public FlowView view() {
            return view;
        }
    }

    /**
     * The step cannot be taken right now (too many security answers wait to be checked): nothing was changed and
     * nothing counted; the same step may be sent again after {@link #retryAfterSeconds()}.
     */
    public static final class TryAgain extends RuntimeException {
        final long retryAfterSeconds;

        TryAgain(long retryAfterSeconds, Throwable cause) {
            super("The step cannot be taken right now; nothing was changed", cause);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    public static final class TooManyRequests extends RuntimeException {
        final long retryAfterSeconds;

        TooManyRequests(long retryAfterSeconds) {
            super("Too many requests from this address");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
