package org.resetflow.accountchange;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.directory.Account;
import org.resetflow.directory.CloudDirectory;
import org.resetflow.directory.DirectoryAccounts;
import org.resetflow.directory.OnPremisesDirectory;
import org.resetflow.eligibility.EligibilityVariables;
import org.resetflow.engine.Vars;
import org.springframework.stereotype.Component;

/** "Unlock the account": clears the cloud directory's lock-out, and the on-premises one when writeback applies. */
@Component("unlockAccountDelegate")
class UnlockAccountDelegate implements JavaDelegate {

    private final DirectoryAccounts accounts;
    private final CloudDirectory cloud;
    private final OnPremisesDirectory onPremises;

    UnlockAccountDelegate(DirectoryAccounts accounts, CloudDirectory cloud, OnPremisesDirectory onPremises) {
        this.accounts = accounts;
        this.cloud = cloud;
        this.onPremises = onPremises;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Account account = accounts.require((String) execution.getVariable(Vars.USERNAME));
        if (Boolean.TRUE.equals(execution.getVariable(EligibilityVariables.WRITEBACK_REQUIRED))) {
            onPremises.clearLockout(account);
            execution.setVariable(AccountChangeVariables.ON_PREMISES_WRITTEN, true);
        }
        cloud.clearLockout(account);
        execution.setVariable(AccountChangeVariables.CLOUD_WRITTEN, true);
    }
}
