package org.resetflow.accountchange;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.directory.Account;
import org.resetflow.directory.CloudDirectory;
import org.resetflow.directory.CloudPolicyRejectedException;
import org.resetflow.directory.DirectoryAccounts;
import org.resetflow.directory.DirectoryUnavailableException;
import org.resetflow.eligibility.EligibilityVariables;
import org.resetflow.engine.FieldErrors;
import org.resetflow.engine.Vars;
import org.springframework.stereotype.Component;

/**
 * "Set the cloud password and clear the lock-out". Retried until it succeeds or an operator resolves the
 * incident, so the cloud never silently stays behind an on-premises write. A refusal by the cloud directory's own
 * password policy sends a cloud account's user back to choose another password with the reason; for an account
 * whose new password the on-premises directory has already taken, the two policies disagree, which is an operator's
 * problem: it stays a failure (retried, then an incident), so the directories are never left apart silently. A write
 * repeated after an attempt whose job never committed is made as a repeat ({@link WriteAttempts}).
 */
@Component("setCloudPasswordDelegate")
class SetCloudPasswordDelegate implements JavaDelegate {

    private final DirectoryAccounts accounts;
    private final CloudDirectory cloud;
    private final NewPasswords newPasswords;
    private final WriteAttempts attempts;

    SetCloudPasswordDelegate(DirectoryAccounts accounts, CloudDirectory cloud, NewPasswords newPasswords, WriteAttempts attempts) {
        this.accounts = accounts;
        this.cloud = cloud;
        this.newPasswords = newPasswords;
        this.attempts = attempts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Account account = accounts.require((String) execution.getVariable(Vars.USERNAME));
        String journeyId = execution.getProcessInstanceId();
        String password = newPasswords.take(journeyId);
        try {
            if (attempts.begin(journeyId, WriteAttempts.CLOUD)) {
                cloud.setPasswordAgain(account, password, false);
            } else {
                cloud.setPassword(account, password, false);
            }
        } catch (CloudPolicyRejectedException rejected) {
            if (Boolean.TRUE.equals(execution.getVariable(EligibilityVariables.WRITEBACK_REQUIRED))) {
                // like an account missing on-premises: a fault of the directories an operator must fix, so retried
                throw new DirectoryUnavailableException("The cloud directory's password policy refused a password the on-premises "
                        + "directory accepted (" + rejected.reason() + ": " + rejected.getMessage() + "); align the two policies, then retry", rejected);
            }
            // refused for good: the user chooses another password, whose write is a first attempt again
            attempts.end(journeyId, WriteAttempts.CLOUD);
            newPasswords.discard(journeyId);
            throw new FieldErrors().add(Vars.INPUT_PASSWORD, "CLOUD_" + rejected.reason().name()).raise(execution, "CLOUD_REJECTED");
        }
        attempts.end(journeyId, WriteAttempts.CLOUD);
        newPasswords.discard(journeyId);
        execution.setVariable(AccountChangeVariables.CLOUD_WRITTEN, true);
    }
}
