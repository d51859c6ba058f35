package org.resetflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.Collections;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.resetflow.eligibility.EligibilityVariables;
import org.resetflow.engine.Vars;
import org.resetflow.verification.VerificationVariables;

/** A passkey as a gate, and the enrolled-factor rule that asks for it when the user registered one. */
@Deployment(resources = {"processes/password-reset.bpmn", "processes/account-check.bpmn", "processes/helpdesk-escalation.bpmn", "processes/identity-proof.bpmn",
        "processes/directory-write-failing.bpmn", "processes/identity-verification.bpmn", "processes/code-verification.bpmn", "processes/code-delivery.bpmn",
        "processes/eligibility.dmn", "forms/chooseMethod.form", "forms/enterCode.form", "forms/enterAuthenticatorCode.form", "forms/usePasskey.form",
        "forms/answerQuestions.form", "forms/setPassword.form", "forms/escalation.form", "forms/directoryWriteFailing.form"})
class PasskeyProcessTest extends ProcessTest {

    private ProcessInstance startResetWithAPasskey() {
        doubles.registeredMethods = "EMAIL,SMS,QUESTIONS,PASSKEY";
        return start("passwordReset", "reset", "alice");
    }

    private void chooseThePasskey(ProcessInstance reset) {
        submit(reset, "chooseMethod", values("method", "PASSKEY"));
        assertThat(stepKey(reset)).isEqualTo("usePasskey");
    }

    private static java.util.Map<String, Object> assertion(String signature) {
        return assertion(signature, "client data");
    }

    private static java.util.Map<String, Object> assertion(String signature, String clientData) {
        return values("credentialId", "Y3JlZA", "clientDataJSON", clientData, "authenticatorData", "YXV0aA", "signature", signature);
    }

    private int requestsIssued() {
        return Collections.frequency(doubles.calls, "issuePasskeyRequestDelegate");
    }

    @Test
    void theRightAssertionPassesTheGate() {
        ProcessInstance reset = startResetWithAPasskey();
        chooseThePasskey(reset);
        assertThat(stepNumber(reset, Vars.STEP_INDEX)).isEqualTo(2);
        submit(reset, "usePasskey", assertion(JourneyDoubles.RIGHT_SIGNATURE));

        assertThat(stepKey(reset)).isEqualTo("setPassword");
        assertThat(runtimeService().getVariable(reset.getId(), VerificationVariables.VERIFIED_METHODS)).isEqualTo("PASSKEY");
        assertThat(doubles.called("issueCodeDelegate")).as("no code is sent").isFalse();
        assertThat(requestsIssued()).isEqualTo(1);
    }

    @Test
    void aWrongAssertionIsAFailedProofAndTheNextTryGetsANewChallenge() {
        ProcessInstance reset = startResetWithAPasskey();
        chooseThePasskey(reset);
        submit(reset, "usePasskey", assertion("wrong"));
        assertThat(stepKey(reset)).isEqualTo("usePasskey");
        assertThat(stepVariable(reset, Vars.FIELD_ERRORS)).isEqualTo("signature=PASSKEY_WRONG");
        assertThat(doubles.failedProofs).isEqualTo(1);
        assertThat(requestsIssued()).as("the challenge is used once: a new one for the next try").isEqualTo(2);

        submit(reset, "usePasskey", assertion(JourneyDoubles.RIGHT_SIGNATURE));
        assertThat(stepKey(reset)).isEqualTo("setPassword");
    }

    @Test
    void aReplayedAssertionIsRefusedAndCounted() {
        ProcessInstance reset = startResetWithAPasskey();
        chooseThePasskey(reset);
        submit(reset, "usePasskey", assertion(JourneyDoubles.REPLAYED_SIGNATURE));
        assertThat(stepKey(reset)).isEqualTo("usePasskey");
        assertThat(stepVariable(reset, Vars.FIELD_ERRORS)).isEqualTo("authenticatorData=PASSKEY_REPLAYED");
        assertThat(doubles.failedProofs).isEqualTo(1);
    }

    @Test
    void anAssertionForAnotherSiteIsRefusedWithoutCounting() {
        ProcessInstance reset = startResetWithAPasskey();
        chooseThePasskey(reset);
        submit(reset, "usePasskey", assertion(JourneyDoubles.RIGHT_SIGNATURE, JourneyDoubles.OTHER_ORIGIN));
        assertThat(stepKey(reset)).isEqualTo("usePasskey");
        assertThat(stepVariable(reset, Vars.FIELD_ERRORS)).isEqualTo("clientDataJSON=PASSKEY_NOT_FOR_THIS_STEP");
        assertThat(doubles.failedProofs).isZero();
        assertThat(requestsIssued()).isEqualTo(2);
    }

    @Test
    void fiveWrongAssertionsLockTheUserOut() {
        ProcessInstance reset = startResetWithAPasskey();
        chooseThePasskey(reset);
        for (int attempt = 1; attempt <= 5; attempt++) {
            submit(reset, "usePasskey", assertion("wrong"));
        }
        assertThat(reset).isEnded().hasNotPassed("setPassword");
        assertThat(outcome(reset)).isEqualTo("LOCKED_OUT");
    }

    @Test
    void aDecoysAssertionNeverPasses() {
        doubles.known = false;
        ProcessInstance reset = startResetWithAPasskey();
        chooseThePasskey(reset);
        submit(reset, "usePasskey", assertion(JourneyDoubles.RIGHT_SIGNATURE));
        assertThat(stepKey(reset)).isEqualTo("usePasskey");
        assertThat(stepVariable(reset, Vars.FIELD_ERRORS)).isEqualTo("signature=PASSKEY_WRONG");
    }

    @Test
    void anIdleJourneyExpiresWhileWaitingForThePasskey() {
        ProcessInstance reset = startResetWithAPasskey();
        chooseThePasskey(reset);
        fireTimer(reset, "usePasskeyIdle");
        assertThat(reset).isEnded();
        assertThat(outcome(reset)).isEqualTo("EXPIRED");
    }

    @Test
    void withNoPasskeyLeftTheMethodIsSetAsideAndTheUserChoosesAnother() {
        doubles.strongMethodRule = false;
        doubles.passkeyRegistered = false;
        ProcessInstance reset = startResetWithAPasskey();
        submit(reset, "chooseMethod", values("method", "PASSKEY"));

        assertThat(stepKey(reset)).isEqualTo("chooseMethod");
        assertThat(stepVariable(reset, Vars.NOTICE)).isEqualTo("PASSKEY_GONE");
        assertThat(stepVariable(reset, VerificationVariables.METHOD_OPTIONS)).isEqualTo("EMAIL,SMS,QUESTIONS");
        submit(reset, "chooseMethod", values("method", "EMAIL", "contact", "registered"));
        submit(reset, "enterCode", values("code", JourneyDoubles.RIGHT_CODE));
        assertThat(stepKey(reset)).isEqualTo("setPassword");
    }

    @Test
    void withNoPasskeyLeftAndTheRuleOnTheHelpdeskDecidesNotEmail() {
        doubles.passkeyRegistered = false;
        ProcessInstance reset = startResetWithAPasskey();
        submit(reset, "chooseMethod", values("method", "PASSKEY"));

        assertThat(step(reset)).isNull();
        assertThat(outcome(reset)).isEqualTo("ESCALATED");
        assertThat(calledInstance(reset, "helpdeskEscalation")).isWaitingAt("reviewEscalation");
        assertThat(doubles.called("matchContactDelegate")).isTrue();
        assertThat(doubles.called("issueCodeDelegate")).isFalse();
    }

    @Test
    void theEnrolledFactorRuleOffersOnlyThePasskeyOrTheHelpdesk() {
        ProcessInstance reset = startResetWithAPasskey();
        assertThat(runtimeService().getVariable(reset.getId(), Vars.STRONG_METHOD_REQUIRED)).isEqualTo(true);
        assertThat(stepVariable(reset, VerificationVariables.METHOD_OPTIONS)).isEqualTo("PASSKEY,STRONG_METHOD_LOST");
    }

    @Test
    void withAnAppAndAPasskeyTheRuleOffersEither() {
        doubles.registeredMethods = "EMAIL,AUTHENTICATOR_APP,PASSKEY";
        ProcessInstance reset = start("passwordReset", "reset", "alice");
        assertThat(stepVariable(reset, VerificationVariables.METHOD_OPTIONS)).isEqualTo("AUTHENTICATOR_APP,PASSKEY,STRONG_METHOD_LOST");
    }

    @Test
    void aUserWhoCannotUseThePasskeyGoesToTheHelpdeskNotToEmail() {
        ProcessInstance reset = startResetWithAPasskey();
        submit(reset, "chooseMethod", values("method", "STRONG_METHOD_LOST"));

        assertThat(step(reset)).isNull();
        assertThat(proof(reset)).isWaitingAt("escalateToHelpdesk").hasPassed("verificationStrongMethodLost", "escalated");
        assertThat(calledInstance(reset, "helpdeskEscalation")).isWaitingAt("reviewEscalation");
        assertThat(outcome(reset)).isEqualTo("ESCALATED");
        assertThat(runtimeService().getVariable(reset.getId(), EligibilityVariables.ELIGIBILITY_REASON)).isEqualTo("STRONG_METHOD_LOST");
        assertThat(doubles.called("issuePasskeyRequestDelegate")).isFalse();
    }

    @Test
    void administratorsProveOneOfTheirTwoGatesWithThePasskey() {
        doubles.administrator = true;
        ProcessInstance reset = startResetWithAPasskey();
        assertThat(stepNumber(reset, Vars.STEP_TOTAL)).isEqualTo(5);
        chooseThePasskey(reset);
        submit(reset, "usePasskey", assertion(JourneyDoubles.RIGHT_SIGNATURE));

        assertThat(stepKey(reset)).isEqualTo("chooseMethod");
        assertThat(stepVariable(reset, VerificationVariables.METHOD_OPTIONS)).as("no questions for administrators").isEqualTo("EMAIL,SMS");
        submit(reset, "chooseMethod", values("method", "SMS", "contact", "registered"));
        submit(reset, "enterCode", values("code", JourneyDoubles.RIGHT_CODE));
        assertThat(stepKey(reset)).isEqualTo("setPassword");
        assertThat(runtimeService().getVariable(reset.getId(), VerificationVariables.VERIFIED_METHODS)).isEqualTo("PASSKEY,SMS");
    }
}
