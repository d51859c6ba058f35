package org.resetflow.registration;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.engine.Vars;
import org.resetflow.secret.SecretVault;
import org.resetflow.verification.PasskeyCeremonies;
import org.resetflow.verification.VerificationProperties;
import org.springframework.stereotype.Component;

/**
 * "Prepare a new passkey": creation options with a new challenge, sealed for this registration until the step is
 * answered (the step shows them, {@code display=passkeyCreation}); never a process variable.
 */
@Component("issuePasskeyCreationDelegate")
class IssuePasskeyCreationDelegate implements JavaDelegate {

    static final String PURPOSE = "passkeyCreation";

    private final PasskeyCeremonies ceremonies;
    private final SecretVault vault;
    private final VerificationProperties verification;

    IssuePasskeyCreationDelegate(PasskeyCeremonies ceremonies, SecretVault vault, VerificationProperties verification) {
        this.ceremonies = ceremonies;
        this.vault = vault;
        this.verification = verification;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String username = (String) execution.getVariable(Vars.USERNAME);
        String options = ceremonies.creationOptions((String) execution.getVariable(Vars.ACCOUNT_KEY), username, username);
        vault.seal(execution.getProcessInstanceId(), PURPOSE, options, verification.journeyIdleTimeout().multipliedBy(2));
    }
}
