package org.resetflow.eligibility;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.engine.Vars;
import org.springframework.stereotype.Component;

/**
 * "Continue as if eligible": with {@code resetflow.security.reveal-eligibility=false}, a refused or escalated
 * user walks the generic path as a decoy; the real outcome stays in the history for the staff.
 */
@Component("continueAsDecoyDelegate")
class ContinueAsDecoyDelegate implements JavaDelegate {

    private final AccountProfiles profiles;
    private final PolicyProperties policy;

    ContinueAsDecoyDelegate(AccountProfiles profiles, PolicyProperties policy) {
        this.profiles = profiles;
        this.policy = policy;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AccountProfile decoy = profiles.decoy((String) execution.getVariable(Vars.USERNAME));
        boolean known = Boolean.TRUE.equals(execution.getVariable(EligibilityVariables.ACCOUNT_KNOWN));
        String accountKey = (String) execution.getVariable(Vars.ACCOUNT_KEY);
        LookUpAccountDelegate.setProfile(execution, decoy, policy);
        // keep counting failed proofs against the real account, and remember that it exists
        execution.setVariable(Vars.ACCOUNT_KEY, accountKey);
        execution.setVariable(EligibilityVariables.ACCOUNT_KNOWN, known);
        execution.setVariable(Vars.DECOY, true);
        execution.setVariable(EligibilityVariables.GATES, policy.userGates());
        execution.setVariable(Vars.QUESTIONS_ALLOWED, true);
        // as an unknown username's decoy with the same list: the app, if the list has one, or the helpdesk
        execution.setVariable(Vars.STRONG_METHOD_REQUIRED, policy.strongMethodRequired() && decoy.strongMethodRegistered());
    }
}
