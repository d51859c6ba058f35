package org.resetflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.resetflow.eligibility.EligibilityVariables;
import org.resetflow.engine.Vars;
import org.resetflow.verification.VerificationVariables;

/** The authenticator app as a gate, and the enrolled-factor rule that asks for it when the user registered one. */
@Deployment(resources = {"processes/password-reset.bpmn", "processes/account-check.bpmn", "processes/helpdesk-escalation.bpmn", "processes/identity-proof.bpmn", "processes/directory-write-failing.bpmn", "processes/identity-verification.bpmn", "processes/code-verification.bpmn", "processes/code-delivery.bpmn",
        "processes/eligibility.dmn", "forms/chooseMethod.form", "forms/enterCode.form", "forms/enterAuthenticatorCode.form", "forms/answerQuestions.form",
        "forms/setPassword.form", "forms/escalation.form", "forms/directoryWriteFailing.form"})
class AuthenticatorAppProcessTest extends ProcessTest {

    private ProcessInstance startResetWithAnApp() {
        doubles.registeredMethods = "EMAIL,SMS,QUESTIONS,AUTHENTICATOR_APP";
        return start("passwordReset", "reset", "alice");
    }

    private void chooseTheApp(ProcessInstance reset) {
        submit(reset, "chooseMethod", values("method", "AUTHENTICATOR_APP"));
        assertThat(stepKey(reset)).isEqualTo("enterAuthenticatorCode");
    }

    @Test
    void theAppsCurrentCodePassesTheGate() {
        ProcessInstance reset = startResetWithAnApp();
        chooseTheApp(reset);
        assertThat(stepNumber(reset, Vars.STEP_INDEX)).isEqualTo(2);
        submit(reset, "enterAuthenticatorCode", values("code", JourneyDoubles.RIGHT_APP_CODE));

        assertThat(stepKey(reset)).isEqualTo("setPassword");
        assertThat(runtimeService().getVariable(reset.getId(), VerificationVariables.VERIFIED_METHODS)).isEqualTo("AUTHENTICATOR_APP");
        assertThat(doubles.called("matchContactDelegate")).isTrue();
        assertThat(doubles.called("issueCodeDelegate")).as("no code is sent").isFalse();
    }

    @Test
    void aWrongCodeIsAFailedProofAndTheUserTriesAgain() {
        ProcessInstance reset = startResetWithAnApp();
        chooseTheApp(reset);
        submit(reset, "enterAuthenticatorCode", values("code", "000000"));
        assertThat(stepKey(reset)).isEqualTo("enterAuthenticatorCode");
        assertThat(stepVariable(reset, Vars.FIELD_ERRORS)).isEqualTo("code=CODE_WRONG");
        assertThat(doubles.failedProofs).isEqualTo(1);

        submit(reset, "enterAuthenticatorCode", values("code", JourneyDoubles.RIGHT_APP_CODE));
        assertThat(stepKey(reset)).isEqualTo("setPassword");
    }

    @Test
    void aCodeAlreadyUsedIsRefusedAndCounted() {
        ProcessInstance reset = startResetWithAnApp();
        chooseTheApp(reset);
        submit(reset, "enterAuthenticatorCode", values("code", JourneyDoubles.USED_APP_CODE));
        assertThat(stepKey(reset)).isEqualTo("enterAuthenticatorCode");
        assertThat(stepVariable(reset, Vars.FIELD_ERRORS)).isEqualTo("code=CODE_USED");
        assertThat(doubles.failedProofs).isEqualTo(1);
    }

    @Test
    void fiveWrongCodesLockTheUserOut() {
        ProcessInstance reset = startResetWithAnApp();
        chooseTheApp(reset);
        for (int attempt = 1; attempt <= 5; attempt++) {
            submit(reset, "enterAuthenticatorCode", values("code", "000000"));
        }
        assertThat(reset).isEnded().hasNotPassed("setPassword");
        assertThat(outcome(reset)).isEqualTo("LOCKED_OUT");
    }

    @Test
    void anIdleJourneyExpiresWhileEnteringTheAppsCode() {
        ProcessInstance reset = startResetWithAnApp();
        chooseTheApp(reset);
        fireTimer(reset, "enterAuthenticatorCodeIdle");
        assertThat(reset).isEnded();
        assertThat(outcome(reset)).isEqualTo("EXPIRED");
    }

    @Test
    void theEnrolledFactorRuleOffersOnlyTheAppOrTheHelpdesk() {
        ProcessInstance reset = startResetWithAnApp();
        assertThat(runtimeService().getVariable(reset.getId(), Vars.STRONG_METHOD_REQUIRED)).isEqualTo(true);
        assertThat(stepVariable(reset, VerificationVariables.METHOD_OPTIONS)).isEqualTo("AUTHENTICATOR_APP,STRONG_METHOD_LOST");
    }

    @Test
    void aUserWhoCannotUseTheAppGoesToTheHelpdeskNotToEmail() {
        ProcessInstance reset = startResetWithAnApp();
        submit(reset, "chooseMethod", values("method", "STRONG_METHOD_LOST"));

        assertThat(step(reset)).isNull();
        assertThat(proof(reset)).isWaitingAt("escalateToHelpdesk").hasPassed("verificationStrongMethodLost", "escalated");
        assertThat(calledInstance(reset, "helpdeskEscalation")).isWaitingAt("reviewEscalation");
        assertThat(outcome(reset)).isEqualTo("ESCALATED");
        assertThat(runtimeService().getVariable(reset.getId(), EligibilityVariables.ELIGIBILITY_REASON)).isEqualTo("STRONG_METHOD_LOST");
        assertThat(doubles.called("matchContactDelegate")).isFalse();
    }

    @Test
    void aDecoyWhoseListHasAnAppEndsEscalatedLikeARealUserButGivesTheHelpdeskNoTask() {
        doubles.known = false;
        ProcessInstance reset = startResetWithAnApp();
        assertThat(stepVariable(reset, VerificationVariables.METHOD_OPTIONS)).isEqualTo("AUTHENTICATOR_APP,STRONG_METHOD_LOST");
        submit(reset, "chooseMethod", values("method", "STRONG_METHOD_LOST"));

        assertThat(reset).isEnded();
        assertThat(outcome(reset)).isEqualTo("ESCALATED");
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(reset.getId())
                .variableName(EligibilityVariables.ELIGIBILITY_REASON).singleResult().getValue()).isEqualTo("STRONG_METHOD_LOST");
        assertThat(historyService().createHistoricProcessInstanceQuery().processDefinitionKey("helpdeskEscalation").count())
                .as("no helpdesk task for a username that does not exist").isZero();
        assertThat(historyService().createHistoricActivityInstanceQuery().activityId("decoyEscalated").count()).isEqualTo(1);
    }

    @Test
    void withTheRuleOffTheAppIsOneMethodAmongTheOthers() {
        doubles.strongMethodRule = false;
        ProcessInstance reset = startResetWithAnApp();
        assertThat(stepVariable(reset, VerificationVariables.METHOD_OPTIONS)).isEqualTo("EMAIL,SMS,QUESTIONS,AUTHENTICATOR_APP");
        submit(reset, "chooseMethod", values("method", "EMAIL", "contact", "registered"));
        submit(reset, "enterCode", values("code", JourneyDoubles.RIGHT_CODE));
        assertThat(stepKey(reset)).isEqualTo("setPassword");
    }

    @Test
    void administratorsProveOneOfTheirTwoGatesWithTheApp() {
        doubles.administrator = true;
        ProcessInstance reset = startResetWithAnApp();
        assertThat(stepVariable(reset, VerificationVariables.METHOD_OPTIONS)).isEqualTo("AUTHENTICATOR_APP,STRONG_METHOD_LOST");
        chooseTheApp(reset);
        submit(reset, "enterAuthenticatorCode", values("code", JourneyDoubles.RIGHT_APP_CODE));

        assertThat(stepKey(reset)).isEqualTo("chooseMethod");
        assertThat(stepVariable(reset, VerificationVariables.METHOD_OPTIONS)).as("no questions for administrators").isEqualTo("EMAIL,SMS");
        submit(reset, "chooseMethod", values("method", "SMS", "contact", "registered"));
        submit(reset, "enterCode", values("code", JourneyDoubles.RIGHT_CODE));
        assertThat(stepKey(reset)).isEqualTo("setPassword");
        assertThat(runtimeService().getVariable(reset.getId(), VerificationVariables.VERIFIED_METHODS)).isEqualTo("AUTHENTICATOR_APP,SMS");
    }

    @Test
    void withTheRuleOffAdministratorsMayUseTheAppForTheSecondGate() {
        doubles.administrator = true;
        doubles.strongMethodRule = false;
        ProcessInstance reset = startResetWithAnApp();
        submit(reset, "chooseMethod", values("method", "EMAIL", "contact", "registered"));
        submit(reset, "enterCode", values("code", JourneyDoubles.RIGHT_CODE));
        assertThat(stepVariable(reset, VerificationVariables.METHOD_OPTIONS)).isEqualTo("SMS,AUTHENTICATOR_APP");
        chooseTheApp(reset);
        assertThat(stepNumber(reset, Vars.STEP_INDEX)).isEqualTo(4);
        submit(reset, "enterAuthenticatorCode", values("code", JourneyDoubles.RIGHT_APP_CODE));
        assertThat(stepKey(reset)).isEqualTo("setPassword");
    }
}
