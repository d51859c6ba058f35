package org.resetflow.accountchange;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.directory.Account;
import org.resetflow.directory.DirectoryAccounts;
import org.resetflow.directory.OnPremisesDirectory;
import org.resetflow.directory.OnPremisesPolicyRejectedException;
import org.resetflow.engine.FieldErrors;
import org.resetflow.engine.Vars;
import org.springframework.stereotype.Component;

/**
 * "Write the password on-premises", first, for synced and federated accounts. A refusal by the on-premises
 * policy sends the user back to choose another password with the directory's reason; any other failure is
 * technical and retried (then an incident). A write repeated after an attempt whose job never committed is made
 * as a repeat, which recognises its own earlier success ({@link WriteAttempts}).
 */
@Component("writeBackPasswordDelegate")
class WriteBackPasswordDelegate implements JavaDelegate {

    private final DirectoryAccounts accounts;
    private final OnPremisesDirectory onPremises;
    private final NewPasswords newPasswords;
    private final WriteAttempts attempts;

    WriteBackPasswordDelegate(DirectoryAccounts accounts, OnPremisesDirectory onPremises, NewPasswords newPasswords, WriteAttempts attempts) {
        this.accounts = accounts;
        this.onPremises = onPremises;
        this.newPasswords = newPasswords;
        this.attempts = attempts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Account account = accounts.require((String) execution.getVariable(Vars.USERNAME));
        String journeyId = execution.getProcessInstanceId();
        String password = newPasswords.take(journeyId);
        try {
            if (attempts.begin(journeyId, WriteAttempts.ON_PREMISES)) {
                onPremises.setPasswordAgain(account, password, false);
            } else {
                onPremises.setPassword(account, password, false);
            }
        } catch (OnPremisesPolicyRejectedException rejected) {
            attempts.end(journeyId, WriteAttempts.ON_PREMISES);
            newPasswords.discard(journeyId);
            execution.setVariable("onPremisesRejection", rejected.reason().name());
            throw new FieldErrors().add(Vars.INPUT_PASSWORD, "ONPREMISES_" + rejected.reason().name())
                    .raise(execution, "ONPREMISES_REJECTED");
        }
        attempts.end(journeyId, WriteAttempts.ON_PREMISES);
        execution.setVariable(AccountChangeVariables.ON_PREMISES_WRITTEN, true);
    }
}
