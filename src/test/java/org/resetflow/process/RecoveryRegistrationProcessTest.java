package org.resetflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.resetflow.engine.Vars;
import org.resetflow.registration.RegistrationVariables;
import org.resetflow.verification.VerificationVariables;

@Deployment(resources = {"processes/recovery-registration.bpmn", "processes/code-verification.bpmn", "processes/code-delivery.bpmn",
        "forms/confirmPassword.form", "forms/enterContacts.form", "forms/enterCode.form", "forms/chooseQuestions.form",
        "forms/setUpAuthenticatorApp.form"})
class RecoveryRegistrationProcessTest extends ProcessTest {

    private ProcessInstance startRegistration() {
        return start("recoveryRegistration", "registration", "alice");
    }

    private void answerQuestions(ProcessInstance registration) {
        submit(registration, "chooseQuestions", values("question1", "first-pet", "answer1", "Rex",
                "question2", "birth-city", "answer2", "Springfield", "question3", "first-car", "answer3", "Beetle"));
    }

    @Test
    void aSignedInUserRegistersAndVerifiesEmailAndMobileAndAnswersQuestions() {
        ProcessInstance registration = startRegistration();
        assertThat(stepKey(registration)).isEqualTo("confirmPassword");
        submit(registration, "confirmPassword", values("password", JourneyDoubles.CURRENT_PASSWORD));
        submit(registration, "enterContacts", values("alternateEmail", "alice.new@example.org", "mobilePhone", "+12025550199"));
        assertThat(stepKey(registration)).isEqualTo("enterCode");
        assertThat(stepNumber(registration, Vars.STEP_INDEX)).isEqualTo(3);
        assertThat(stepNumber(registration, Vars.STEP_TOTAL)).isEqualTo(5);
        submit(registration, "enterCode", values("code", JourneyDoubles.RIGHT_CODE));
        assertThat(stepKey(registration)).isEqualTo("enterCode");
        assertThat(stepNumber(registration, Vars.STEP_INDEX)).isEqualTo(4);
        submit(registration, "enterCode", values("code", JourneyDoubles.RIGHT_CODE));
        assertThat(stepNumber(registration, Vars.STEP_INDEX)).isEqualTo(5);
        answerQuestions(registration);
        assertThat(registration).isEnded().hasPassed("verifyContacts", "saveRegistration", "registered", "completed");
        assertThat(calledInstances(registration, "codeVerification")).as("the email address, then the mobile number")
                .extracting(verification -> org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService()
                        .createHistoricVariableInstanceQuery().processInstanceId(verification.getId()).variableName(VerificationVariables.METHOD)
                        .singleResult().getValue())
                .containsExactly("EMAIL", "SMS");
        assertThat(outcome(registration)).isEqualTo("COMPLETED");
    }

    /** A registration that kept its contacts, at the step after them. */
    private ProcessInstance pastTheContacts() {
        ProcessInstance registration = startRegistration();
        submit(registration, "confirmPassword", values("password", JourneyDoubles.CURRENT_PASSWORD));
        submit(registration, "enterContacts", values());
        return registration;
    }

    @Test
    void aNewAuthenticatorAppIsSavedOnlyWithItsFirstCode() {
        doubles.authenticatorAppEnabled = true;
        ProcessInstance registration = pastTheContacts();
        assertThat(stepKey(registration)).isEqualTo("setUpAuthenticatorApp");
        assertThat(stepNumber(registration, Vars.STEP_TOTAL)).isEqualTo(4);
        assertThat(stepNumber(registration, Vars.STEP_INDEX)).isEqualTo(3);
        assertThat(stepVariable(registration, RegistrationVariables.AUTHENTICATOR_APP_OPTIONS)).isEqualTo("add,skip");

        submit(registration, "setUpAuthenticatorApp", values("authenticatorApp", "add", "code", "000000"));
        assertThat(stepKey(registration)).isEqualTo("setUpAuthenticatorApp");
        assertThat(stepVariable(registration, Vars.FIELD_ERRORS)).isEqualTo("code=CODE_WRONG");
        assertThat(doubles.failedProofs).as("the user is proven already: a typo is no failed proof").isZero();
        assertThat(doubles.authenticatorAppRegistered).isFalse();

        submit(registration, "setUpAuthenticatorApp", values("authenticatorApp", "add", "code", JourneyDoubles.RIGHT_APP_CODE));
        assertThat(stepKey(registration)).isEqualTo("chooseQuestions");
        assertThat(stepNumber(registration, Vars.STEP_INDEX)).isEqualTo(4);
        assertThat(doubles.authenticatorAppRegistered).isTrue();
        answerQuestions(registration);
        assertThat(registration).isEnded().hasPassed("saveAuthenticatorApp", "saveRegistration", "completed");
    }

    @Test
    void aRegisteredAppCanBeRemovedOrKept() {
        doubles.authenticatorAppEnabled = true;
        doubles.authenticatorAppRegistered = true;
        ProcessInstance registration = pastTheContacts();
        assertThat(stepVariable(registration, RegistrationVariables.AUTHENTICATOR_APP_OPTIONS)).isEqualTo("keep,replace,remove");
        submit(registration, "setUpAuthenticatorApp", values("authenticatorApp", "remove"));
        assertThat(doubles.authenticatorAppRegistered).isFalse();
        assertThat(stepKey(registration)).isEqualTo("chooseQuestions");
    }

    @Test
    void withAuthenticatorAppsOffTheStepIsNotThere() {
        ProcessInstance registration = pastTheContacts();
        assertThat(stepKey(registration)).isEqualTo("chooseQuestions");
        assertThat(stepNumber(registration, Vars.STEP_TOTAL)).isEqualTo(3);
        answerQuestions(registration);
        assertThat(registration).isEnded().hasNotPassed("setUpAuthenticatorApp", "saveAuthenticatorApp");
    }

    @Test
    void anIdleJourneyExpiresWhileSettingUpTheApp() {
        doubles.authenticatorAppEnabled = true;
        ProcessInstance registration = pastTheContacts();
        fireTimer(registration, "setUpAuthenticatorAppIdle");
        assertThat(registration).isEnded();
        assertThat(outcome(registration)).isEqualTo("EXPIRED");
    }

    @Test
    void unchangedContactsNeedNoCode() {
        ProcessInstance registration = pastTheContacts();
        assertThat(stepKey(registration)).isEqualTo("chooseQuestions");
        answerQuestions(registration);
        assertThat(registration).isEnded().hasNotPassed("verifyContacts").hasPassed("saveRegistration");
        assertThat(calledInstances(registration, "codeVerification")).isEmpty();
    }

    @Test
    void aWrongCurrentPasswordIsAskedAgainAndCountsAsAFailedProof() {
        ProcessInstance registration = startRegistration();
        submit(registration, "confirmPassword", values("password", "guess"));
        assertThat(stepKey(registration)).isEqualTo("confirmPassword");
        assertThat(stepVariable(registration, Vars.FIELD_ERRORS)).isEqualTo("password=PASSWORD_WRONG");
        assertThat(doubles.failedProofs).isEqualTo(1);
    }

    @Test
    void tooManyWrongPasswordsLockTheUserOut() {
        ProcessInstance registration = startRegistration();
        for (int attempt = 0; attempt < 5; attempt++) {
            submit(registration, "confirmPassword", values("password", "guess"));
        }
        assertThat(registration).isEnded().hasPassed("lockedOut");
        assertThat(outcome(registration)).isEqualTo("LOCKED_OUT");
    }

    @Test
    void invalidContactsAreAskedForAgain() {
        ProcessInstance registration = startRegistration();
        submit(registration, "confirmPassword", values("password", JourneyDoubles.CURRENT_PASSWORD));
        submit(registration, "enterContacts", values("alternateEmail", "not-an-address"));
        assertThat(stepKey(registration)).isEqualTo("enterContacts");
        assertThat(stepVariable(registration, Vars.FIELD_ERRORS)).isEqualTo("alternateEmail=EMAIL_INVALID");
    }

    @Test
    void anExpiredCodeReturnsToTheContacts() {
        ProcessInstance registration = startRegistration();
        submit(registration, "confirmPassword", values("password", JourneyDoubles.CURRENT_PASSWORD));
        submit(registration, "enterContacts", values("alternateEmail", "alice.new@example.org"));
        fireTimer(registration, "codeLifetimeOver");
        assertThat(stepKey(registration)).isEqualTo("enterContacts");
        assertThat(stepVariable(registration, Vars.NOTICE)).isEqualTo("CODE_EXPIRED");
    }

    @Test
    void aNewContactThatCannotBeReachedIsAskedForAgain() {
        doubles.undeliverable.add("SMS");
        ProcessInstance registration = startRegistration();
        submit(registration, "confirmPassword", values("password", JourneyDoubles.CURRENT_PASSWORD));
        submit(registration, "enterContacts", values("mobilePhone", "+12025550199"));
        assertThat(stepKey(registration)).isEqualTo("enterContacts");
        assertThat(stepVariable(registration, Vars.NOTICE)).isEqualTo("SEND_FAILED_CONTACT");
    }

    @Test
    void wrongCodesForANewContactLockTheUserOut() {
        ProcessInstance registration = startRegistration();
        submit(registration, "confirmPassword", values("password", JourneyDoubles.CURRENT_PASSWORD));
        submit(registration, "enterContacts", values("mobilePhone", "+12025550199"));
        for (int attempt = 0; attempt < 5; attempt++) {
            submit(registration, "enterCode", values("code", "00000000"));
        }
        assertThat(registration).isEnded().hasPassed("lockedOut").hasNotPassed("saveRegistration");
    }

    @Test
    void duplicateAnswersAreAskedForAgain() {
        ProcessInstance registration = pastTheContacts();
        submit(registration, "chooseQuestions", values("question1", "first-pet", "answer1", "same",
                "question2", "birth-city", "answer2", "same", "question3", "first-car", "answer3", "x"));
        assertThat(stepKey(registration)).isEqualTo("chooseQuestions");
        assertThat(stepVariable(registration, Vars.FIELD_ERRORS)).isEqualTo("answer2=ANSWER_DUPLICATE");
    }

    @Test
    void anIdleRegistrationExpires() {
        ProcessInstance registration = startRegistration();
        fireTimer(registration, "confirmPasswordIdle");
        assertThat(registration).isEnded().hasPassed("expired");
    }
}
