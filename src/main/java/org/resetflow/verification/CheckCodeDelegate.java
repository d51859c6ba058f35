package org.resetflow.verification;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.engine.FieldErrors;
import org.resetflow.engine.Vars;
import org.resetflow.secret.KeyedHasher;
import org.resetflow.throttling.ProofThrottle;
import org.springframework.stereotype.Component;

/** "Check the code": a match uses the code up; a mismatch counts as a failed proof. */
@Component("checkCodeDelegate")
class CheckCodeDelegate implements JavaDelegate {

    private final KeyedHasher hasher;
    private final ProofThrottle throttle;

    CheckCodeDelegate(KeyedHasher hasher, ProofThrottle throttle) {
        this.hasher = hasher;
        this.throttle = throttle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String typed = OneTimeCodes.normalise((String) execution.getVariable(Vars.INPUT_CODE));
        String expected = (String) execution.getVariable(Vars.CODE_HASH);
        if (hasher.matches(IssueCodeDelegate.codeContext(execution), typed, expected)) {
            execution.removeVariable(Vars.CODE_HASH);
            return;
        }
        throttle.recordFailure((String) execution.getVariable(Vars.ACCOUNT_KEY)).ifPresent(until -> {
            execution.setVariable(Vars.LOCKED_OUT_UNTIL, until.toString());
            throw new BpmnError(CheckSelfServiceLockoutDelegate.LOCKED_OUT);
        });
        throw new FieldErrors().add(Vars.INPUT_CODE, "CODE_WRONG").raise(execution, "WRONG_CODE");
    }
}
