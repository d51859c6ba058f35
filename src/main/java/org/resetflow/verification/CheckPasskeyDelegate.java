package org.resetflow.verification;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.camunda.JourneyFacts;
import org.resetflow.engine.FieldErrors;
import org.resetflow.engine.Vars;
import org.resetflow.secret.SecretVault;
import org.springframework.stereotype.Component;

/**
 * "Check the passkey": the assertion must answer the challenge this step showed (used up here, whatever the outcome),
 * come from an allowed origin for the RP id, be signed by one of the account's passkeys with a counter that moved on,
 * and show that the user was present and verified. A wrong, foreign or replayed assertion is a failed proof, as a
 * wrong code is; one made for another step or site, or malformed, is refused without counting. A decoy's never passes.
 */
@Component("checkPasskeyDelegate")
class CheckPasskeyDelegate implements JavaDelegate {

    private final PasskeyCeremonies ceremonies;
    private final SecretVault vault;
    private final FailedProofs failedProofs;

    CheckPasskeyDelegate(PasskeyCeremonies ceremonies, SecretVault vault, FailedProofs failedProofs) {
        this.ceremonies = ceremonies;
        this.vault = vault;
        this.failedProofs = failedProofs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String owner = execution.getProcessInstanceId();
        Optional<String> options = vault.open(owner, IssuePasskeyRequestDelegate.PURPOSE);
        vault.discard(owner, IssuePasskeyRequestDelegate.PURPOSE);
        if (options.isEmpty()) {
            // the options outlived their time: the step asks again with a new challenge
            throw new FieldErrors().add(VerificationVariables.INPUT_CLIENT_DATA, PasskeyCeremonies.Finding.NOT_FOR_THIS_STEP.errorCode())
                    .raise(execution, "WRONG_PASSKEY");
        }
        PasskeyCeremonies.Verdict verdict = ceremonies.checkAssertion(options.get(), JourneyFacts.text(execution, Vars.ACCOUNT_KEY),
                JourneyFacts.isTrue(execution, Vars.DECOY), new PasskeyCeremonies.Assertion(
                        text(execution, VerificationVariables.INPUT_CREDENTIAL_ID), text(execution, VerificationVariables.INPUT_CLIENT_DATA),
                        text(execution, VerificationVariables.INPUT_AUTHENTICATOR_DATA), text(execution, VerificationVariables.INPUT_SIGNATURE),
                        text(execution, VerificationVariables.INPUT_USER_HANDLE)));
        if (verdict.accepted()) {
            return;
        }
        if (verdict.finding().counted()) {
            throw failedProofs.record(execution, verdict.field(), verdict.finding().errorCode(), "WRONG_PASSKEY");
        }
        throw new FieldErrors().add(verdict.field(), verdict.finding().errorCode()).raise(execution, "WRONG_PASSKEY");
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
