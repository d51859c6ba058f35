package org.resetflow.verification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.secret.KeyedHasher;
import org.springframework.stereotype.Component;

/** "Check the code": a match uses the code up; a mismatch counts as a failed proof. */
@Component("checkCodeDelegate")
class CheckCodeDelegate implements JavaDelegate {

    private final KeyedHasher hasher;
    private final FailedProofs failedProofs;

    CheckCodeDelegate(KeyedHasher hasher, FailedProofs failedProofs) {
        this.hasher = hasher;
        this.failedProofs = failedProofs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String typed = OneTimeCodes.normalise((String) execution.getVariable(VerificationVariables.INPUT_CODE));
        String expected = (String) execution.getVariable(VerificationVariables.CODE_HASH);
        if (hasher.matches(IssueCodeDelegate.codeContext(execution), typed, expected)) {
            execution.removeVariable(VerificationVariables.CODE_HASH);
            return;
        }
        throw failedProofs.record(execution, VerificationVariables.INPUT_CODE, "CODE_WRONG", "WRONG_CODE");
    }
}
