package org.resetflow.accountchange;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.directory.Account;
import org.resetflow.directory.CloudDirectory;
import org.resetflow.directory.DirectoryAccounts;
import org.resetflow.engine.FieldErrors;
import org.resetflow.engine.Vars;
import org.resetflow.passwordpolicy.PasswordPolicy;
import org.resetflow.passwordpolicy.PasswordPolicyProperties;
import org.resetflow.passwordpolicy.PasswordRule;
import org.resetflow.passwordpolicy.Violation;
import org.springframework.stereotype.Component;

/**
 * "Check the password against policy": every broken rule at once, next to the field it concerns. An accepted
 * password is sealed for the directory writes that follow in their own transactions.
 */
@Component("checkNewPasswordDelegate")
class CheckNewPasswordDelegate implements JavaDelegate {

    private final PasswordPolicy policy;
    private final DirectoryAccounts accounts;
    private final CloudDirectory cloud;
    private final NewPasswords newPasswords;
    private final PasswordPolicyProperties properties;

    CheckNewPasswordDelegate(PasswordPolicy policy, DirectoryAccounts accounts, CloudDirectory cloud,
                             NewPasswords newPasswords, PasswordPolicyProperties properties) {
        this.policy = policy;
        this.accounts = accounts;
        this.cloud = cloud;
        this.newPasswords = newPasswords;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String password = (String) execution.getVariable(Vars.INPUT_PASSWORD);
        String confirmation = (String) execution.getVariable(AccountChangeVariables.INPUT_PASSWORD_CONFIRMATION);
        Account account = accounts.require((String) execution.getVariable(Vars.USERNAME));
        FieldErrors errors = new FieldErrors();
        for (Violation violation : policy.check(password, confirmation, account).violations()) {
            String field = violation.rule() == PasswordRule.CONFIRMATION_MISMATCH ? AccountChangeVariables.INPUT_PASSWORD_CONFIRMATION : Vars.INPUT_PASSWORD;
            errors.add(field, encode(violation));
        }
        if (errors.isEmpty() && properties.rejectCurrentPassword() && cloud.authenticate(account, password)) {
            errors.add(Vars.INPUT_PASSWORD, PasswordRule.SAME_AS_CURRENT.name());
        }
        if (!errors.isEmpty()) {
            throw errors.raise(execution, "PASSWORD_REJECTED");
        }
        newPasswords.keep(execution.getProcessInstanceId(), password);
    }

    private static String encode(Violation violation) {
        return FieldErrors.code(violation.rule().name(), violation.parameters().values());
    }
}
