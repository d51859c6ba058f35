package org.resetflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.resetflow.eligibility.EligibilityVariables;
import org.resetflow.engine.Vars;

/** Every path of the account check, started on its own as its callers start it: with a username. */
@Deployment(resources = {"processes/account-check.bpmn", "processes/eligibility.dmn"})
class AccountCheckProcessTest extends ProcessTest {

    private ProcessInstance check() {
        return start("accountCheck", "reset", "alice");
    }

    private static Object result(ProcessInstance check, String name) {
        return historyService().createHistoricVariableInstanceQuery().processInstanceId(check.getId()).variableName(name)
                .singleResult().getValue();
    }

    @Test
    void anEligibleUserIsVerified() {
        ProcessInstance check = check();
        assertThat(check).isEnded().hasPassed("lookUpAccount", "checkEligibility", "accountEligible").hasNotPassed("hideRefusal", "hideEscalation");
        assertThat(result(check, "accountCheckResult")).isEqualTo("verify");
        assertThat(result(check, EligibilityVariables.ELIGIBILITY)).isEqualTo("ELIGIBLE");
        assertThat(result(check, EligibilityVariables.GATES)).isEqualTo(1);
    }

    @Test
    void aUserOutsideTheScopeIsRefused() {
        doubles.inScopeGroup = false;
        ProcessInstance check = check();
        assertThat(check).isEnded().hasPassed("accountRefused");
        assertThat(result(check, "accountCheckResult")).isEqualTo("refuse");
    }

    @Test
    void aHiddenRefusalContinuesAsADecoy() {
        doubles.revealEligibility = false;
        doubles.inScopeGroup = false;
        ProcessInstance check = check();
        assertThat(check).isEnded().hasPassed("hideRefusal", "refusalHidden").hasNotPassed("accountRefused");
        assertThat(result(check, "accountCheckResult")).isEqualTo("verify");
        assertThat(result(check, Vars.DECOY)).isEqualTo(true);
    }

    @Test
    void aUserWithoutRecoveryInformationIsEscalated() {
        doubles.registeredMethods = "";
        ProcessInstance check = check();
        assertThat(check).isEnded().hasPassed("helpdeskNeeded");
        assertThat(result(check, "accountCheckResult")).isEqualTo("escalate");
        assertThat(result(check, EligibilityVariables.ELIGIBILITY_REASON)).isEqualTo("NOT_REGISTERED");
    }

    @Test
    void aHiddenEscalationIsOpenedSilentlyWhileTheUserContinuesAsADecoy() {
        doubles.revealEligibility = false;
        doubles.registeredMethods = "";
        ProcessInstance check = check();
        assertThat(check).isEnded().hasPassed("hideEscalation", "escalationHidden").hasNotPassed("helpdeskNeeded");
        assertThat(result(check, "accountCheckResult")).isEqualTo("escalateSilently");
        assertThat(result(check, Vars.DECOY)).isEqualTo(true);
    }
}
