package org.resetflow.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.accountchange.AccountChangeVariables;
import org.resetflow.directory.Account;
import org.resetflow.directory.CloudDirectory;
import org.resetflow.directory.DirectoryAccounts;
import org.resetflow.directory.OnPremisesDirectory;
import org.resetflow.eligibility.EligibilityVariables;
import org.resetflow.engine.Vars;
import org.springframework.stereotype.Component;

/**
 * "Set a temporary password": written on-premises first when writeback applies, then in the cloud, both
 * flagged to be changed at next sign-in; sealed for a one-time handover to the helpdesk.
 */
@Component("issueTemporaryPasswordDelegate")
class IssueTemporaryPasswordDelegate implements JavaDelegate {

    private final DirectoryAccounts accounts;
    private final CloudDirectory cloud;
    private final OnPremisesDirectory onPremises;
    private final TemporaryPasswords temporaryPasswords;

    IssueTemporaryPasswordDelegate(DirectoryAccounts accounts, CloudDirectory cloud, OnPremisesDirectory onPremises,
                                   TemporaryPasswords temporaryPasswords) {
        this.accounts = accounts;
        this.cloud = cloud;
        this.onPremises = onPremises;
        this.temporaryPasswords = temporaryPasswords;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Account account = accounts.require((String) execution.getVariable(Vars.USERNAME));
        String temporary = temporaryPasswords.generate(account);
        if (Boolean.TRUE.equals(execution.getVariable(EligibilityVariables.WRITEBACK_REQUIRED))) {
            onPremises.setPassword(account, temporary, true);
            execution.setVariable(AccountChangeVariables.ON_PREMISES_WRITTEN, true);
        }
        cloud.setPassword(account, temporary, true);
        execution.setVariable(AccountChangeVariables.CLOUD_WRITTEN, true);
        temporaryPasswords.keepForHandover(execution.getProcessInstanceId(), temporary);
    }
}
