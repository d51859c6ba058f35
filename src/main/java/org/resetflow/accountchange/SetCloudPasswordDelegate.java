package org.resetflow.accountchange;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.directory.Account;
import org.resetflow.directory.CloudDirectory;
import org.resetflow.directory.DirectoryAccounts;
import org.resetflow.engine.Vars;
import org.springframework.stereotype.Component;

/**
 * "Set the cloud password and clear the lock-out". Retried until it succeeds or an operator resolves the
 * incident, so the cloud never silently stays behind an on-premises write. A write repeated after an attempt whose
 * job never committed is made as a repeat ({@link WriteAttempts}).
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
        if (attempts.begin(journeyId, WriteAttempts.CLOUD)) {
            cloud.setPasswordAgain(account, password, false);
        } else {
            cloud.setPassword(account, password, false);
        }
        attempts.end(journeyId, WriteAttempts.CLOUD);
        newPasswords.discard(journeyId);
        execution.setVariable(AccountChangeVariables.CLOUD_WRITTEN, true);
    }
}
