package org.resetflow.registration;

import java.util.Optional;
import java.util.OptionalLong;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.engine.FieldErrors;
import org.resetflow.engine.Vars;
import org.resetflow.recoveryinfo.AuthenticatorApps;
import org.resetflow.secret.SecretVault;
import org.resetflow.verification.AuthenticatorCodes;
import org.springframework.stereotype.Component;

/**
 * "Save the authenticator app": a new app (added or replacing the old one) is saved only once the user typed a code it
 * shows, and that code is used up; "remove" removes the registered app; "keep" and "skip" change nothing. A wrong
 * first code sends the user back to the step: the user is already proven by the current password, so it is no failed
 * proof. The sealed secret is discarded once the step is done.
 */
@Component("saveAuthenticatorAppDelegate")
class SaveAuthenticatorAppDelegate implements JavaDelegate {

    private final AuthenticatorCodes codes;
    private final AuthenticatorApps apps;
    private final SecretVault vault;

    SaveAuthenticatorAppDelegate(AuthenticatorCodes codes, AuthenticatorApps apps, SecretVault vault) {
        this.codes = codes;
        this.apps = apps;
        this.vault = vault;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String accountKey = (String) execution.getVariable(Vars.ACCOUNT_KEY);
        String choice = String.valueOf(execution.getVariable(RegistrationVariables.INPUT_AUTHENTICATOR_APP));
        String owner = execution.getProcessInstanceId();
        switch (choice) {
            case "add", "replace" -> {
                Optional<String> secret = AuthenticatorAppEnrolment.openSecret(vault, owner);
                OptionalLong step = secret.isEmpty() ? OptionalLong.empty()
                        : codes.matchingStep(secret.get(), (String) execution.getVariable(RegistrationVariables.INPUT_CODE));
                if (step.isEmpty()) {
                    throw new FieldErrors().add(RegistrationVariables.INPUT_CODE, "CODE_WRONG").raise(execution, "WRONG_APP_CODE");
                }
                apps.save(accountKey, secret.get(), step.getAsLong());
            }
            case "remove" -> apps.remove(accountKey);
            default -> { }
        }
        vault.discard(owner, AuthenticatorAppEnrolment.PURPOSE);
    }
}
