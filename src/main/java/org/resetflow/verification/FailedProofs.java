package org.resetflow.verification;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.resetflow.camunda.JourneyFacts;
import org.resetflow.engine.FieldErrors;
import org.resetflow.engine.Vars;
import org.resetflow.throttling.ProofThrottle;
import org.springframework.stereotype.Component;

/**
 * What every failed proof (a wrong code, wrong answers, a wrong current password) does: it counts towards the
 * account's lock-out, and ends the step either with {@code LOCKED_OUT} or with the step's own BPMN error that
 * returns the user to the step, an error next to the field.
 */
@Component
public class FailedProofs {

    public static final String LOCKED_OUT = "LOCKED_OUT";

    private final ProofThrottle throttle;

    public FailedProofs(ProofThrottle throttle) {
        this.throttle = throttle;
    }

    /** The BPMN error to throw for this failure. */
    public BpmnError record(DelegateExecution execution, String field, String fieldErrorCode, String bpmnErrorCode) {
        return throttle.recordFailure(JourneyFacts.text(execution, Vars.ACCOUNT_KEY))
                .map(until -> {
                    execution.setVariable(VerificationVariables.LOCKED_OUT_UNTIL, until.toString());
                    return new BpmnError(LOCKED_OUT);
                })
                .orElseGet(() -> new FieldErrors().add(field, fieldErrorCode).raise(execution, bpmnErrorCode));
    }
}
