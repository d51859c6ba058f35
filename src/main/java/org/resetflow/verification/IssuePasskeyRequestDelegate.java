package org.resetflow.verification;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.camunda.JourneyFacts;
import org.resetflow.engine.Vars;
import org.resetflow.secret.SecretVault;
import org.springframework.stereotype.Component;

/**
 * "Ask for a passkey": request options with a new challenge, sealed for this process instance until the step is
 * answered (the step shows them, {@code display=passkeyRequest}); never a process variable. A decoy gets options
 * that look the same. An account whose last passkey was removed since the methods were offered has none to ask for.
 */
@Component("issuePasskeyRequestDelegate")
class IssuePasskeyRequestDelegate implements JavaDelegate {

    static final String PURPOSE = "passkeyRequest";

    private final PasskeyCeremonies ceremonies;
    private final SecretVault vault;
    private final VerificationProperties verification;

    IssuePasskeyRequestDelegate(PasskeyCeremonies ceremonies, SecretVault vault, VerificationProperties verification) {
        this.ceremonies = ceremonies;
        this.vault = vault;
        this.verification = verification;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String accountKey = JourneyFacts.text(execution, Vars.ACCOUNT_KEY);
        String options = JourneyFacts.isTrue(execution, Vars.DECOY)
                ? ceremonies.decoyRequestOptions(accountKey)
                : ceremonies.requestOptions(accountKey).orElseThrow(() -> new BpmnError("NO_PASSKEY_LEFT"));
        // as long as the step can wait for the user, and some: the idle timer ends the journey before
        vault.seal(execution.getProcessInstanceId(), PURPOSE, options, verification.journeyIdleTimeout().multipliedBy(2));
    }
}
