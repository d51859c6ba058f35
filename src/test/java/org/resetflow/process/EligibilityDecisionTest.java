package org.resetflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.decisionService;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The eligibility table, rule by rule, as process owners read it. */
@Deployment(resources = "processes/eligibility.dmn")
class EligibilityDecisionTest extends ProcessTest {

    private static DmnDecisionResultEntries decide(String scope, boolean inGroup, String source, boolean writeback, boolean admin,
                                                   int registered, int codeMethods, int userGates) {
        return decide(scope, inGroup, source, writeback, admin, registered, codeMethods, userGates, false);
    }

    private static DmnDecisionResultEntries decide(String scope, boolean inGroup, String source, boolean writeback, boolean admin,
                                                   int registered, int codeMethods, int userGates, boolean protectedAccount) {
        return decide(scope, inGroup, source, writeback, admin, registered, codeMethods, userGates, protectedAccount, false, true);
    }

    private static DmnDecisionResultEntries decide(String scope, boolean inGroup, String source, boolean writeback, boolean admin,
                                                   int registered, int codeMethods, int userGates, boolean protectedAccount,
                                                   boolean strongRegistered, boolean strongRule) {
        return decisionService().evaluateDecisionByKey("eligibility").variables(Variables.createVariables()
                .putValue("strongMethodRegistered", strongRegistered).putValue("strongMethodRule", strongRule)
                .putValue("ssprScope", scope).putValue("inScopeGroup", inGroup).putValue("identitySource", source)
                .putValue("writebackEnabled", writeback).putValue("administrator", admin)
                .putValue("registeredMethodCount", registered).putValue("codeMethodCount", codeMethods)
                .putValue("userGates", userGates).putValue("protectedAccount", protectedAccount)).evaluate().getSingleResult();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "self-service off,                none,   true,  cloud,     true,  false, 4, 3, 1, NOT_ELIGIBLE,   0, OUT_OF_SCOPE",
            "not in an SSPR group,            groups, false, cloud,     true,  false, 4, 3, 1, NOT_ELIGIBLE,   0, OUT_OF_SCOPE",
            "synced without writeback,        all,    false, synced,    false, false, 4, 3, 1, NOT_ELIGIBLE,   0, WRITEBACK_DISABLED",
            "federated without writeback,     all,    false, federated, false, false, 4, 3, 1, NOT_ELIGIBLE,   0, WRITEBACK_DISABLED",
            "administrator with one method,   all,    false, cloud,     true,  true,  2, 1, 1, HELPDESK,       0, ADMINISTRATOR_NEEDS_TWO_METHODS",
            "administrator,                   groups, true,  cloud,     true,  true,  4, 4, 1, ELIGIBLE,       2, ADMINISTRATOR",
            "nothing registered,              groups, true,  cloud,     true,  false, 0, 0, 1, HELPDESK,       0, NOT_REGISTERED",
            "two gates need two methods,      all,    false, cloud,     true,  false, 1, 1, 2, HELPDESK,       0, TOO_FEW_METHODS",
            "two gates,                       all,    false, synced,    true,  false, 2, 1, 2, ELIGIBLE,       2, USER",
            "one gate,                        groups, true,  cloud,     true,  false, 1, 0, 1, ELIGIBLE,       1, USER",
    })
    void decides(String rule, String scope, boolean inGroup, String source, boolean writeback, boolean admin,
                 int registered, int codeMethods, int userGates, String eligibility, int gates, String reason) {
        DmnDecisionResultEntries result = decide(scope, inGroup, source, writeback, admin, registered, codeMethods, userGates);
        assertThat(result.<String>getEntry("eligibility")).isEqualTo(eligibility);
        assertThat(((Number) result.getEntry("gates")).intValue()).isEqualTo(gates);
        assertThat(result.<String>getEntry("reason")).isEqualTo(reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "user with an app - one gate,       false, 2, 1, 1, true,  true,  1, true",
            "user with an app - two gates,      false, 2, 1, 2, true,  true,  2, true",
            "administrator with an app,         true,  3, 2, 1, true,  true,  2, true",
            "user with an app - rule off,       false, 2, 1, 1, true,  false, 1, false",
            "administrator with an app - rule off, true, 3, 2, 1, true, false, 2, false",
            "user without an app,               false, 2, 1, 1, false, true,  1, false",
    })
    void theEnrolledFactorRuleAsksForTheStrongMethodWhenOneIsRegistered(String rule, boolean admin, int registered, int codeMethods,
                                                                         int userGates, boolean strongRegistered, boolean strongRule,
                                                                         int gates, boolean strongRequired) {
        DmnDecisionResultEntries result = decide("all", false, "cloud", true, admin, registered, codeMethods, userGates, false,
                strongRegistered, strongRule);
        assertThat(result.<String>getEntry("eligibility")).isEqualTo("ELIGIBLE");
        assertThat(((Number) result.getEntry("gates")).intValue()).isEqualTo(gates);
        assertThat(result.<Boolean>getEntry("strongMethodRequired")).isEqualTo(strongRequired);
    }

    @Test
    void aProtectedOnPremisesAccountGoesToTheHelpdeskEvenWhenEverythingElseAllowsSelfService() {
        DmnDecisionResultEntries result = decide("all", false, "synced", true, true, 4, 3, 1, true);
        assertThat(result.<String>getEntry("eligibility")).isEqualTo("HELPDESK");
        assertThat(result.<String>getEntry("reason")).isEqualTo("PROTECTED_ACCOUNT");
    }

    @Test
    void administratorsNeverGetSecurityQuestions() {
        assertThat(decide("all", false, "cloud", true, true, 5, 4, 1).<Boolean>getEntry("questionsAllowed")).isFalse();
        assertThat(decide("all", false, "cloud", true, false, 5, 4, 1).<Boolean>getEntry("questionsAllowed")).isTrue();
    }

}
