package org.resetflow.verification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.camunda.JourneyFacts;
import org.resetflow.engine.Vars;
import org.springframework.stereotype.Component;

/**
 * "Check the authenticator app code": a code of the current time step or one either side passes the gate and is used
 * up; a wrong code, or one already used, is a failed proof and the user tries again. A decoy's code never matches.
 */
@Component("checkAuthenticatorCodeDelegate")
class CheckAuthenticatorCodeDelegate implements JavaDelegate {

    private final AuthenticatorCodes codes;
    private final FailedProofs failedProofs;

    CheckAuthenticatorCodeDelegate(AuthenticatorCodes codes, FailedProofs failedProofs) {
        this.codes = codes;
        this.failedProofs = failedProofs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String typed = (String) execution.getVariable(VerificationVariables.INPUT_CODE);
        AuthenticatorCodes.Verdict verdict = JourneyFacts.isTrue(execution, Vars.DECOY)
                ? AuthenticatorCodes.Verdict.WRONG
                : codes.check(JourneyFacts.text(execution, Vars.ACCOUNT_KEY), typed);
        switch (verdict) {
            case ACCEPTED -> { }
            case REUSED -> throw failedProofs.record(execution, VerificationVariables.INPUT_CODE, "CODE_USED", "WRONG_CODE");
            case WRONG -> throw failedProofs.record(execution, VerificationVariables.INPUT_CODE, "CODE_WRONG", "WRONG_CODE");
        }
    }
}
