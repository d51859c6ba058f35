package org.resetflow.eligibility;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.resetflow.engine.Vars;
import org.resetflow.shared.MethodList;
import org.springframework.stereotype.Component;

/** "Look up account": the facts and the policy settings the eligibility decision reads, as process variables. */
@Component("lookUpAccountDelegate")
class LookUpAccountDelegate implements JavaDelegate {

    private final AccountProfiles profiles;
    private final PolicyProperties policy;
    private final DisclosureProperties disclosure;

    LookUpAccountDelegate(AccountProfiles profiles, PolicyProperties policy, DisclosureProperties disclosure) {
        this.profiles = profiles;
        this.policy = policy;
        this.disclosure = disclosure;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AccountProfile profile = profiles.profile((String) execution.getVariable(Vars.USERNAME));
        setProfile(execution, profile, policy);
        execution.setVariable(EligibilityVariables.SSPR_SCOPE, Variables.stringValue(policy.scopeValue(), true));
        execution.setVariable(EligibilityVariables.USER_GATES, Variables.integerValue(policy.userGates(), true));
        execution.setVariable(EligibilityVariables.WRITEBACK_ENABLED, Variables.booleanValue(policy.writebackEnabled(), true));
        execution.setVariable(EligibilityVariables.STRONG_METHOD_RULE, Variables.booleanValue(policy.strongMethodRequired(), true));
        execution.setVariable(EligibilityVariables.REVEAL_ELIGIBILITY, disclosure.revealEligibility());
    }

    /**
     * The facts the eligibility decision reads. Those that nothing but the decision reads are transient: the
     * decision's history keeps them as its inputs, and a variable of their own would write them twice more (the
     * runtime row and its history) on every journey.
     */
    static void setProfile(DelegateExecution execution, AccountProfile profile, PolicyProperties policy) {
        execution.setVariable(Vars.USERNAME, profile.username());
        execution.setVariable(Vars.ACCOUNT_KEY, profile.accountKey());
        execution.setVariable(EligibilityVariables.ACCOUNT_KNOWN, profile.known());
        execution.setVariable(Vars.DECOY, !profile.known());
        execution.setVariable(EligibilityVariables.IDENTITY_SOURCE, profile.identitySource().value());
        execution.setVariable(EligibilityVariables.ADMINISTRATOR, profile.administrator());
        execution.setVariable(EligibilityVariables.IN_SCOPE_GROUP, Variables.booleanValue(profile.inScopeGroup(), true));
        execution.setVariable(Vars.REGISTERED_METHODS, MethodList.format(profile.registeredMethods()));
        execution.setVariable(EligibilityVariables.REGISTERED_METHOD_COUNT, Variables.integerValue(profile.registeredMethods().size(), true));
        execution.setVariable(EligibilityVariables.CODE_METHOD_COUNT, Variables.integerValue((int) profile.codeMethodCount(), true));
        execution.setVariable(EligibilityVariables.STRONG_METHOD_REGISTERED, Variables.booleanValue(profile.strongMethodRegistered(), true));
        execution.setVariable(EligibilityVariables.RECONFIRMATION_DUE, profile.reconfirmationDue());
        execution.setVariable(EligibilityVariables.PROTECTED_ACCOUNT, profile.protectedAccount());
        execution.setVariable(EligibilityVariables.WRITEBACK_REQUIRED, profile.known() && profile.identitySource().isOnPremises() && policy.writebackEnabled());
    }
}
