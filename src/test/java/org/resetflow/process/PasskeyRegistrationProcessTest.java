package org.resetflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.resetflow.engine.Vars;
import org.resetflow.registration.RegistrationVariables;

/** Adding and removing passkeys in the registration journey. */
@Deployment(resources = {"processes/recovery-registration.bpmn", "processes/code-verification.bpmn", "processes/code-delivery.bpmn",
        "forms/confirmPassword.form", "forms/enterContacts.form", "forms/enterCode.form", "forms/chooseQuestions.form",
        "forms/setUpAuthenticatorApp.form", "forms/setUpPasskey.form"})
class PasskeyRegistrationProcessTest extends ProcessTest {

    /** A registration that kept its contacts, at the step after them. */
    private ProcessInstance pastTheContacts() {
        ProcessInstance registration = start("recoveryRegistration", "registration", "alice");
        submit(registration, "confirmPassword", values("password", JourneyDoubles.CURRENT_PASSWORD));
        submit(registration, "enterContacts", values());
        return registration;
    }

    private void answerQuestions(ProcessInstance registration) {
        submit(registration, "chooseQuestions", values("question1", "first-pet", "answer1", "Rex",
                "question2", "birth-city", "answer2", "Springfield", "question3", "first-car", "answer3", "Beetle"));
    }

    @Test
    void aNewPasskeyIsSavedOnlyWhenItsAttestationVerifies() {
        doubles.passkeyEnabled = true;
        doubles.passkeyRegistered = false;
        ProcessInstance registration = pastTheContacts();
        assertThat(stepKey(registration)).isEqualTo("setUpPasskey");
        assertThat(stepNumber(registration, Vars.STEP_TOTAL)).isEqualTo(4);
        assertThat(stepNumber(registration, Vars.STEP_INDEX)).isEqualTo(3);
        assertThat(stepVariable(registration, RegistrationVariables.PASSKEY_OPTIONS)).isEqualTo("skip,add");

        submit(registration, "setUpPasskey", values("passkey", "add", "attestationObject", "for-another-site", "clientDataJSON", "x"));
        assertThat(stepKey(registration)).isEqualTo("setUpPasskey");
        assertThat(stepVariable(registration, Vars.FIELD_ERRORS)).isEqualTo("clientDataJSON=PASSKEY_NOT_FOR_THIS_STEP");
        assertThat(doubles.failedProofs).as("the user is proven already: a refused passkey is no failed proof").isZero();
        assertThat(doubles.passkeyRegistered).isFalse();
        assertThat(java.util.Collections.frequency(doubles.calls, "issuePasskeyCreationDelegate")).as("a new challenge for the next try")
                .isEqualTo(2);

        submit(registration, "setUpPasskey", values("passkey", "add", "attestationObject", JourneyDoubles.RIGHT_ATTESTATION, "clientDataJSON", "x"));
        assertThat(stepKey(registration)).isEqualTo("chooseQuestions");
        assertThat(stepNumber(registration, Vars.STEP_INDEX)).isEqualTo(4);
        assertThat(doubles.passkeyRegistered).isTrue();
        answerQuestions(registration);
        assertThat(registration).isEnded().hasPassed("savePasskey", "saveRegistration", "completed");
    }

    @Test
    void aRegisteredPasskeyCanBeRemoved() {
        doubles.passkeyEnabled = true;
        ProcessInstance registration = pastTheContacts();
        assertThat(stepVariable(registration, RegistrationVariables.PASSKEY_OPTIONS)).isEqualTo("keep,add,remove:1");
        submit(registration, "setUpPasskey", values("passkey", "remove:1"));
        assertThat(doubles.passkeyRegistered).isFalse();
        assertThat(stepKey(registration)).isEqualTo("chooseQuestions");
    }

    @Test
    void withAnAppAndPasskeysBothStepsCountInTheTotalFromTheStart() {
        doubles.passkeyEnabled = true;
        doubles.authenticatorAppEnabled = true;
        ProcessInstance registration = pastTheContacts();
        assertThat(stepKey(registration)).isEqualTo("setUpAuthenticatorApp");
        assertThat(stepNumber(registration, Vars.STEP_TOTAL)).isEqualTo(5);
        assertThat(stepNumber(registration, Vars.STEP_INDEX)).isEqualTo(3);
        submit(registration, "setUpAuthenticatorApp", values("authenticatorApp", "skip"));
        assertThat(stepKey(registration)).isEqualTo("setUpPasskey");
        assertThat(stepNumber(registration, Vars.STEP_INDEX)).isEqualTo(4);
        submit(registration, "setUpPasskey", values("passkey", "keep"));
        assertThat(stepNumber(registration, Vars.STEP_INDEX)).isEqualTo(5);
    }

    @Test
    void withPasskeysOffTheStepIsNotThere() {
        ProcessInstance registration = pastTheContacts();
        assertThat(stepKey(registration)).isEqualTo("chooseQuestions");
        answerQuestions(registration);
        assertThat(registration).isEnded().hasNotPassed("issuePasskeyCreation", "setUpPasskey", "savePasskey");
    }

    @Test
    void anIdleJourneyExpiresWhileAddingAPasskey() {
        doubles.passkeyEnabled = true;
        ProcessInstance registration = pastTheContacts();
        fireTimer(registration, "setUpPasskeyIdle");
        assertThat(registration).isEnded();
        assertThat(outcome(registration)).isEqualTo("EXPIRED");
    }
}
