package org.resetflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import ch.qos.logback.classic.Level;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resetflow.accountchange.AccountChangeVariables;
import org.resetflow.camunda.DirectoryWriteIncidents;
import org.resetflow.eligibility.EligibilityVariables;
import org.resetflow.engine.Vars;
import org.resetflow.escalation.EscalationVariables;
import org.resetflow.testing.ExpectedLog;
import org.resetflow.verification.VerificationVariables;

@Deployment(resources = {"processes/password-reset.bpmn", "processes/account-check.bpmn", "processes/helpdesk-escalation.bpmn", "processes/identity-proof.bpmn", "processes/directory-write-failing.bpmn", "processes/identity-verification.bpmn", "processes/code-verification.bpmn", "processes/code-delivery.bpmn",
        "processes/eligibility.dmn", "forms/chooseMethod.form", "forms/enterCode.form", "forms/answerQuestions.form",
        "forms/setPassword.form", "forms/escalation.form", "forms/directoryWriteFailing.form"})
class PasswordResetProcessTest extends ProcessTest {

    /** The unreachable directories below are on purpose; the operators' line about a write that failed for good is the test's. */
    @RegisterExtension
    final ExpectedLog log = ExpectedLog.of(DirectoryWriteIncidents.class);

    private ProcessInstance startReset() {
        return start("passwordReset", "reset", "alice");
    }

    private void passCodeGate(ProcessInstance reset, String method) {
        submit(reset, "chooseMethod", values("method", method, "contact", "registered"));
        assertThat(stepKey(reset)).isEqualTo("enterCode");
        submit(reset, "enterCode", values("code", JourneyDoubles.RIGHT_CODE));
    }

    private void setGoodPassword(ProcessInstance reset) {
        submit(reset, "setPassword", values("password", "Tr4vel.Kettle.Mauve", "passwordConfirmation", "Tr4vel.Kettle.Mauve"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"EMAIL", "SMS", "VOICE_MOBILE", "VOICE_OFFICE"})
    void eachCodeMethodResetsThePassword(String method) {
        doubles.registeredMethods = "EMAIL,SMS,VOICE_MOBILE,VOICE_OFFICE";
        ProcessInstance reset = startReset();
        assertThat(reset).isWaitingAt("proveIdentity");
        assertThat(proof(reset)).isWaitingAt("verifyIdentity");
        assertThat(stepKey(reset)).isEqualTo("chooseMethod");
        assertThat(stepNumber(reset, Vars.STEP_INDEX)).isEqualTo(1);
        assertThat(stepNumber(reset, Vars.STEP_TOTAL)).isEqualTo(3);

        passCodeGate(reset, method);
        assertThat(stepKey(reset)).isEqualTo("setPassword");
        assertThat(stepNumber(reset, Vars.STEP_INDEX)).isEqualTo(3);
        setGoodPassword(reset);

        assertThat(reset).isEnded().hasPassed("checkAccount", "proveIdentity", "checkNewPassword", "setCloudPassword",
                "passwordWasReset", "notifyUser", "completed").hasNotPassed("writeBackPassword", "notifyAdministrators");
        assertThat(calledInstance(reset, "accountCheck")).hasPassed("checkEligibility");
        assertThat(outcome(reset)).isEqualTo("COMPLETED");
        assertThat(doubles.called("sendCodeDelegate")).isTrue();
    }

    @Test
    void securityQuestionsResetThePassword() {
        ProcessInstance reset = startReset();
        submit(reset, "chooseMethod", values("method", "QUESTIONS"));
        assertThat(stepKey(reset)).isEqualTo("answerQuestions");
        assertThat(stepNumber(reset, VerificationVariables.QUESTION_COUNT)).isEqualTo(3);
        submit(reset, "answerQuestions", values("answer1", "right", "answer2", "right", "answer3", "right"));
        setGoodPassword(reset);
        assertThat(outcome(reset)).isEqualTo("COMPLETED");
        assertThat(doubles.called("issueCodeDelegate")).isFalse();
    }

    @Test
    void wrongAnswersAreAskedAgainWithoutSayingWhichWasWrong() {
        ProcessInstance reset = startReset();
        submit(reset, "chooseMethod", values("method", "QUESTIONS"));
        submit(reset, "answerQuestions", values("answer1", "right", "answer2", "wrong", "answer3", "right"));
        assertThat(stepKey(reset)).isEqualTo("answerQuestions");
        assertThat(stepVariable(reset, Vars.FIELD_ERRORS)).isEqualTo("_form=ANSWERS_WRONG");
    }

    @Test
    void aWrongCodeThenTheRightOne() {
        ProcessInstance reset = startReset();
        submit(reset, "chooseMethod", values("method", "EMAIL", "contact", "registered"));
        submit(reset, "enterCode", values("code", "00000000"));
        assertThat(stepKey(reset)).isEqualTo("enterCode");
        assertThat(stepVariable(reset, Vars.FIELD_ERRORS)).isEqualTo("code=CODE_WRONG");
        submit(reset, "enterCode", values("code", JourneyDoubles.RIGHT_CODE));
        assertThat(stepKey(reset)).isEqualTo("setPassword");
        assertThat(taskService().getVariableLocal(step(reset).getId(), Vars.FIELD_ERRORS)).isNull();
    }

    @Test
    void anExpiredCodeSendsTheUserBackToChooseAMethod() {
        ProcessInstance reset = startReset();
        submit(reset, "chooseMethod", values("method", "SMS", "contact", "registered"));
        fireTimer(reset, "codeLifetimeOver");
        assertThat(stepKey(reset)).isEqualTo("chooseMethod");
        assertThat(stepVariable(reset, Vars.NOTICE)).isEqualTo("CODE_EXPIRED");
        passCodeGate(reset, "EMAIL");
        assertThat(stepKey(reset)).isEqualTo("setPassword");
    }

    @Test
    void tooManyCodesSendsTheUserBackToChooseAnotherMethod() {
        doubles.codeLimitReached = true;
        ProcessInstance reset = startReset();
        submit(reset, "chooseMethod", values("method", "EMAIL", "contact", "registered"));
        assertThat(stepKey(reset)).isEqualTo("chooseMethod");
        assertThat(stepVariable(reset, Vars.NOTICE)).isEqualTo("CODE_LIMIT");
    }

    @Test
    void aCodeThatCannotBeDeliveredSendsTheUserBackToAnotherMethod() {
        doubles.undeliverable.add("SMS");
        ProcessInstance reset = startReset();
        submit(reset, "chooseMethod", values("method", "SMS", "contact", "registered"));
        assertThat(stepKey(reset)).isEqualTo("chooseMethod");
        assertThat(stepVariable(reset, Vars.NOTICE)).isEqualTo("SEND_FAILED");
        assertThat(stepVariable(reset, VerificationVariables.METHOD_OPTIONS)).isEqualTo("EMAIL,VOICE_MOBILE,QUESTIONS");
        passCodeGate(reset, "EMAIL");
        assertThat(stepKey(reset)).isEqualTo("setPassword");
    }

    @Test
    void whenNoMethodCanDeliverACodeTheHelpdeskTakesOver() {
        doubles.registeredMethods = "EMAIL,SMS";
        doubles.undeliverable.addAll(java.util.List.of("EMAIL", "SMS"));
        ProcessInstance reset = startReset();
        submit(reset, "chooseMethod", values("method", "EMAIL", "contact", "registered"));
        submit(reset, "chooseMethod", values("method", "SMS", "contact", "registered"));
        assertThat(step(reset)).isNull();
        assertThat(reset).isWaitingAt("proveIdentity");
        assertThat(proof(reset)).isWaitingAt("escalateToHelpdesk").hasPassed("escalated");
        assertThat(escalation(reset)).isWaitingAt("reviewEscalation").hasPassed("notifyEscalationReceived");
        assertThat(runtimeService().getVariable(reset.getId(), Vars.OUTCOME)).isEqualTo("ESCALATED");
        assertThat(runtimeService().getVariable(reset.getId(), EligibilityVariables.ELIGIBILITY_REASON)).isEqualTo("NO_METHOD_DELIVERED");
    }

    @Test
    void anIdleJourneyExpiresWhileChoosingAMethod() {
        ProcessInstance reset = startReset();
        fireTimer(reset, "chooseMethodIdle");
        assertThat(reset).isEnded();
        assertThat(proof(reset)).hasPassed("expired");
        assertThat(outcome(reset)).isEqualTo("EXPIRED");
    }

    @Test
    void anIdleJourneyExpiresWhileEnteringTheCode() {
        ProcessInstance reset = startReset();
        submit(reset, "chooseMethod", values("method", "EMAIL", "contact", "registered"));
        fireTimer(reset, "enterCodeIdle");
        assertThat(reset).isEnded();
        assertThat(proof(reset)).hasPassed("expired");
    }

    @Test
    void anIdleJourneyExpiresAtTheNewPassword() {
        ProcessInstance reset = startReset();
        passCodeGate(reset, "EMAIL");
        fireTimer(reset, "setPasswordIdle");
        assertThat(reset).isEnded().hasPassed("expired");
        assertThat(outcome(reset)).isEqualTo("EXPIRED");
    }

    @Test
    void fiveFailedProofsLockTheUserOut() {
        ProcessInstance reset = startReset();
        submit(reset, "chooseMethod", values("method", "EMAIL", "contact", "registered"));
        for (int attempt = 1; attempt <= 5; attempt++) {
            submit(reset, "enterCode", values("code", "11111111"));
        }
        assertThat(reset).isEnded().hasNotPassed("setPassword");
        assertThat(proof(reset)).hasPassed("lockedOut");
        assertThat(outcome(reset)).isEqualTo("LOCKED_OUT");
    }

    @Test
    void anAccountBlockedWhileTheUserChoosesThePasswordEndsLockedOutBeforeAnythingIsChecked() {
        ProcessInstance reset = startReset();
        passCodeGate(reset, "EMAIL");
        assertThat(stepKey(reset)).isEqualTo("setPassword");

        doubles.selfServiceBlocked = true;
        setGoodPassword(reset);

        assertThat(reset).isEnded().hasPassed("checkLockoutBeforePassword", "lockedOut")
                .hasNotPassed("checkNewPassword", "setCloudPassword", "notifyUser");
        assertThat(outcome(reset)).isEqualTo("LOCKED_OUT");
        assertThat(doubles.called("checkNewPasswordDelegate")).isFalse();
    }

    @Test
    void anAccountLockedOutOfSelfServiceCannotStartAgain() {
        doubles.lockedOutAlready = true;
        ProcessInstance reset = startReset();
        assertThat(reset).isEnded();
        assertThat(proof(reset)).hasPassed("lockedOut");
    }

    @Test
    void administratorsPassTwoGatesWithDifferentMethodsAndNeverSecurityQuestions() {
        doubles.administrator = true;
        doubles.registeredMethods = "EMAIL,SMS,VOICE_MOBILE,VOICE_OFFICE,QUESTIONS";
        ProcessInstance reset = startReset();
        assertThat(stepNumber(reset, Vars.STEP_TOTAL)).isEqualTo(5);
        assertThat(stepVariable(reset, VerificationVariables.METHOD_OPTIONS)).isEqualTo("EMAIL,SMS,VOICE_MOBILE,VOICE_OFFICE");
        passCodeGate(reset, "EMAIL");
        assertThat(stepKey(reset)).isEqualTo("chooseMethod");
        assertThat(stepNumber(reset, Vars.STEP_INDEX)).isEqualTo(3);
        assertThat(stepVariable(reset, VerificationVariables.METHOD_OPTIONS)).isEqualTo("SMS,VOICE_MOBILE,VOICE_OFFICE");
        passCodeGate(reset, "VOICE_OFFICE");
        assertThat(stepKey(reset)).isEqualTo("setPassword");
        assertThat(stepNumber(reset, Vars.STEP_INDEX)).isEqualTo(5);
        setGoodPassword(reset);
        assertThat(reset).isEnded().hasPassed("notifyAdministrators", "completed");
    }

    @Test
    void usersPassTwoGatesWhenThePolicySaysSo() {
        doubles.userGates = 2;
        ProcessInstance reset = startReset();
        passCodeGate(reset, "EMAIL");
        submit(reset, "chooseMethod", values("method", "QUESTIONS"));
        submit(reset, "answerQuestions", values("answer1", "right", "answer2", "right", "answer3", "right"));
        assertThat(stepKey(reset)).isEqualTo("setPassword");
        assertThat(runtimeService().getVariable(reset.getId(), VerificationVariables.VERIFIED_METHODS)).isEqualTo("EMAIL,QUESTIONS");
    }

    @Test
    void aUserWithoutRecoveryInformationIsEscalatedToTheHelpdesk() {
        doubles.registeredMethods = "";
        ProcessInstance reset = startReset();
        assertThat(escalation(reset)).isWaitingAt("reviewEscalation").task().hasCandidateGroup("helpdesk-admins");
        assertThat(runtimeService().getVariable(reset.getId(), Vars.OUTCOME)).isEqualTo("ESCALATED");
        assertThat(step(reset)).isNull();

        Task review = review(reset);
        taskService().complete(review.getId(), java.util.Map.of(EscalationVariables.DECISION, "APPROVE"));
        runDueJobs(reset);
        assertThat(reset).isEnded();
        assertThat(escalation(reset)).isEnded().hasPassed("notifyEscalationReceived", "recordDecision", "issueTemporaryPassword",
                "notifyEscalationOutcome", "escalationApproved");
        assertThat(outcome(reset)).isEqualTo("ESCALATED");
    }

    @Test
    void aProtectedOnPremisesAccountIsEscalatedAndNeverWrittenBack() {
        doubles.identitySource = "synced";
        doubles.protectedAccount = true;
        ProcessInstance reset = startReset();
        assertThat(reset).isWaitingAt("proveIdentity");
        assertThat(proof(reset)).isWaitingAt("escalateToHelpdesk").hasNotPassed("verifyIdentity");
        assertThat(escalation(reset)).isWaitingAt("reviewEscalation");
        assertThat(runtimeService().getVariable(reset.getId(), EligibilityVariables.ELIGIBILITY_REASON)).isEqualTo("PROTECTED_ACCOUNT");

        Task review = review(reset);
        taskService().complete(review.getId(), java.util.Map.of(EscalationVariables.DECISION, "APPROVE"));
        runDueJobs(reset);
        assertThat(reset).isEnded();
        assertThat(escalation(reset)).hasPassed("notifyEscalationOutcome", "escalationApproved").hasNotPassed("issueTemporaryPassword");
        assertThat(doubles.called("issueTemporaryPasswordDelegate")).as("left to the domain administrators").isFalse();
    }

    @Test
    void anEscalationNobodyTakesInTimeIsOfferedToTheFollowUpGroupAndStaysOpen() {
        doubles.registeredMethods = "";
        ProcessInstance reset = startReset();
        assertThat(escalation(reset)).isWaitingAt("reviewEscalation").hasPassed("gatherEscalationFacts");
        fireTimer(reset, "escalationNotTaken");
        assertThat(escalation(reset)).hasPassed("followUpEscalation", "escalationFollowedUp").isWaitingAt("reviewEscalation");
        assertThat(runtimeService().getVariable(escalation(reset).getId(), EscalationVariables.FOLLOWED_UP_AT)).isNotNull();
    }

    @Test
    void theHelpdeskCanRefuseAnEscalation() {
        doubles.registeredMethods = "";
        ProcessInstance reset = startReset();
        Task review = review(reset);
        taskService().complete(review.getId(), java.util.Map.of(EscalationVariables.DECISION, "REFUSE", EscalationVariables.REFUSAL_REASON, "Could not reach you"));
        runDueJobs(reset);
        assertThat(reset).isEnded();
        assertThat(escalation(reset)).hasPassed("notifyRefusal", "escalationRefused").hasNotPassed("issueTemporaryPassword");
        assertThat(outcome(reset)).isEqualTo("REFUSED");
    }

    @Test
    void aUserOutsideTheScopeIsRefused() {
        doubles.inScopeGroup = false;
        ProcessInstance reset = startReset();
        assertThat(reset).isEnded().hasNotPassed("setPassword");
        assertThat(proof(reset)).hasPassed("refused").hasNotPassed("verifyIdentity");
        assertThat(outcome(reset)).isEqualTo("REFUSED");
        assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
    }

    @Test
    void aSyncedAccountIsRefusedWhenWritebackIsOff() {
        doubles.identitySource = "synced";
        doubles.writebackEnabled = false;
        ProcessInstance reset = startReset();
        assertThat(reset).isEnded();
        assertThat(proof(reset)).hasPassed("refused");
        assertThat(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService().createHistoricVariableInstanceQuery()
                .processInstanceId(reset.getId()).variableName(EligibilityVariables.ELIGIBILITY_REASON).singleResult().getValue()).isEqualTo("WRITEBACK_DISABLED");
    }

    @Test
    void aSyncedAccountIsWrittenBackOnPremisesBeforeTheCloud() {
        doubles.identitySource = "synced";
        ProcessInstance reset = startReset();
        passCodeGate(reset, "EMAIL");
        setGoodPassword(reset);
        assertThat(reset).isEnded().hasPassed("writeBackPassword", "setCloudPassword", "completed");
        assertThat(doubles.calls.indexOf("writeBackPasswordDelegate")).isLessThan(doubles.calls.indexOf("setCloudPasswordDelegate"));
    }

    @Test
    void aFederatedAccountIsWrittenBackToo() {
        doubles.identitySource = "federated";
        ProcessInstance reset = startReset();
        passCodeGate(reset, "EMAIL");
        setGoodPassword(reset);
        assertThat(reset).isEnded().hasPassed("writeBackPassword", "setCloudPassword");
    }

    @Test
    void anOnPremisesPolicyRejectionReturnsTheUserToTheNewPasswordWithTheReason() {
        doubles.identitySource = "synced";
        doubles.onPremisesRejectsOnce = true;
        ProcessInstance reset = startReset();
        passCodeGate(reset, "EMAIL");
        setGoodPassword(reset);
        assertThat(stepKey(reset)).isEqualTo("setPassword");
        assertThat(stepVariable(reset, Vars.FIELD_ERRORS)).isEqualTo("password=ONPREMISES_RECENTLY_USED");
        assertThat(doubles.called("setCloudPasswordDelegate")).isFalse();
        setGoodPassword(reset);
        assertThat(reset).isEnded().hasPassed("completed");
    }

    @Test
    void aCloudPolicyRefusalReturnsACloudAccountsUserToTheNewPasswordWithTheReason() {
        doubles.cloudRejectsOnce = true;
        ProcessInstance reset = startReset();
        passCodeGate(reset, "EMAIL");
        setGoodPassword(reset);
        runDueJobs(reset);
        assertThat(stepKey(reset)).isEqualTo("setPassword");
        assertThat(stepVariable(reset, Vars.FIELD_ERRORS)).isEqualTo("password=CLOUD_RECENTLY_USED");
        setGoodPassword(reset);
        runDueJobs(reset);
        assertThat(reset).isEnded().hasPassed("cloudRejected", "completed");
    }

    @Test
    void aCloudPolicyRefusalAfterTheWritebackIsAFailureForTheHelpdeskNotASilentSplit() {
        doubles.identitySource = "synced";
        doubles.cloudRejectsOnce = true;
        ProcessInstance reset = startReset();
        passCodeGate(reset, "EMAIL");
        setGoodPassword(reset);
        runDueJobs(reset); // the writeback succeeds; the cloud write is its own job
        Job cloudWrite = managementService().createJobQuery().processInstanceId(reset.getId()).singleResult();
        assertThat(cloudWrite.getExceptionMessage()).contains("refused a password the on-premises directory accepted");
        assertThat(reset).isWaitingAt("setCloudPassword").hasNotPassed("cloudRejected");
        useUpRetries(cloudWrite);
        assertThat(calledInstance(reset, "directoryWriteFailing")).isWaitingAt("checkDirectoryWrite");
        assertThat(step(reset)).as("the user is not asked for another password the on-premises side never sees").isNull();
    }

    @Test
    void aPasswordThatBreaksThePolicyIsAskedForAgain() {
        ProcessInstance reset = startReset();
        passCodeGate(reset, "EMAIL");
        submit(reset, "setPassword", values("password", JourneyDoubles.WEAK_PASSWORD, "passwordConfirmation", JourneyDoubles.WEAK_PASSWORD));
        assertThat(stepKey(reset)).isEqualTo("setPassword");
        assertThat(stepVariable(reset, Vars.FIELD_ERRORS)).isEqualTo("password=TOO_SHORT:8");
    }

    @Test
    void anUnreachableOnPremisesDirectoryIsRetriedThenBecomesAnIncident() {
        doubles.identitySource = "synced";
        doubles.onPremisesUnavailable = true;
        ProcessInstance reset = startReset();
        passCodeGate(reset, "EMAIL");
        setGoodPassword(reset);
        Job writeback = managementService().createJobQuery().processInstanceId(reset.getId()).singleResult();
        assertThat(writeback.getExceptionMessage()).contains("domain controller unreachable");
        assertThat(writeback.getRetries()).isEqualTo(3);
        assertThat(writeback.getDuedate()).as("retried later, with backoff").isNotNull();
        useUpRetries(writeback);
        assertThat(runtimeService().createIncidentQuery().processInstanceId(reset.getId()).count()).isEqualTo(1);
        assertThat(reset).isWaitingAt("writeBackPassword");
        assertThat(calledInstance(reset, "directoryWriteFailing")).isWaitingAt("checkDirectoryWrite");
        Task helpdesk = taskService().createTaskQuery().processInstanceBusinessKey(reset.getBusinessKey()).taskDefinitionKey("checkDirectoryWrite").singleResult();
        assertThat(helpdesk).isNotNull();
        assertThat(taskService().getIdentityLinksForTask(helpdesk.getId())).anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("helpdesk-admins"));
        assertThat(step(reset)).as("nothing for the user to do meanwhile").isNull();
        assertThat(log.lines(Level.WARN)).singleElement().satisfies(line ->
                assertThat(line.message()).endsWith("failed for good at 'Write the password on-premises': the helpdesk gets a task"));

        doubles.onPremisesUnavailable = false;
        managementService().setJobRetries(writeback.getId(), 1);
        managementService().executeJob(writeback.getId());
        runDueJobs(reset);
        assertThat(reset).isEnded().hasPassed("setCloudPassword", "completed");
        assertThat(taskService().createTaskQuery().processInstanceBusinessKey(reset.getBusinessKey()).count()).as("the helpdesk task ends with the reset").isZero();
    }

    @Test
    void aCloudWriteThatFailsAfterTheWritebackIsRetriedAloneAndTheHistorySaysWhereItStands() {
        doubles.identitySource = "synced";
        doubles.cloudUnavailable = true;
        ProcessInstance reset = startReset();
        passCodeGate(reset, "EMAIL");
        setGoodPassword(reset);
        runDueJobs(reset); // the writeback succeeds; the cloud write is its own job
        Job cloudWrite = managementService().createJobQuery().processInstanceId(reset.getId()).singleResult();
        assertThat(cloudWrite.getExceptionMessage()).contains("cloud directory unreachable");
        useUpRetries(cloudWrite);
        assertThat(reset).isWaitingAt("setCloudPassword");
        assertThat(calledInstance(reset, "directoryWriteFailing")).isWaitingAt("checkDirectoryWrite");
        assertThat(doubles.calls.stream().filter("writeBackPasswordDelegate"::equals).count()).as("Active Directory written once").isEqualTo(1);
        Task helpdesk = taskService().createTaskQuery().processInstanceBusinessKey(reset.getBusinessKey()).taskDefinitionKey("checkDirectoryWrite").singleResult();
        assertThat(taskService().getVariable(helpdesk.getId(), "failedDirectoryWrite")).isEqualTo("Set the cloud password and clear the lock-out");
        assertThat(taskService().getVariable(helpdesk.getId(), AccountChangeVariables.ON_PREMISES_WRITTEN)).isEqualTo(true);

        doubles.cloudUnavailable = false;
        managementService().setJobRetries(cloudWrite.getId(), 1);
        managementService().executeJob(cloudWrite.getId());
        runDueJobs(reset);
        assertThat(reset).isEnded().hasPassed("writeBackPassword", "setCloudPassword", "completed");
        var history = org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService();
        assertThat(history.createHistoricIncidentQuery().processInstanceId(reset.getId()).singleResult().getActivityId())
                .isEqualTo("setCloudPassword");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(calledInstance(reset, "directoryWriteFailing").getId())
                .variableName("failedDirectoryWrite").singleResult().getValue()).isEqualTo("Set the cloud password and clear the lock-out");
    }

    @Test
    void whenEligibilityIsHiddenAnUnregisteredUserSeesTheGenericPathWhileTheHelpdeskIsAsked() {
        doubles.revealEligibility = false;
        doubles.registeredMethods = "";
        ProcessInstance reset = startReset();
        assertThat(stepKey(reset)).isEqualTo("chooseMethod");
        assertThat(taskService().createTaskQuery().processInstanceBusinessKey(reset.getBusinessKey()).taskCandidateGroup("helpdesk-admins").count()).isEqualTo(1);
        assertThat(runtimeService().getVariable(reset.getId(), Vars.OUTCOME)).isNull();
        assertThat(runtimeService().getVariable(reset.getId(), Vars.DECOY)).isEqualTo(true);
    }

    @Test
    void aDecoyLockedOutBesideASilentEscalationEndsLockedOutWhileTheHelpdeskStillReviews() {
        doubles.revealEligibility = false;
        doubles.registeredMethods = "";
        ProcessInstance reset = startReset();
        submit(reset, "chooseMethod", values("method", "EMAIL", "contact", "registered"));
        for (int attempt = 1; attempt <= 5; attempt++) {
            submit(reset, "enterCode", values("code", "11111111"));
        }
        // the identity proof still runs (the helpdesk reviews), but the journey already shows how it ended
        assertThat(reset).isWaitingAt("proveIdentity");
        assertThat(proof(reset)).hasPassed("lockedOut").isWaitingAt("escalateToHelpdesk");
        assertThat(runtimeService().getVariable(reset.getId(), Vars.OUTCOME)).isEqualTo("LOCKED_OUT");

        taskService().complete(review(reset).getId(), java.util.Map.of(EscalationVariables.DECISION, "REFUSE",
                EscalationVariables.REFUSAL_REASON, "Not the account holder"));
        runDueJobs(reset);
        assertThat(reset).isEnded().hasPassed("journeyEnded").hasNotPassed("setPassword");
        assertThat(proof(reset)).hasPassed("escalationClosed").hasNotPassed("refusedByHelpdesk");
        assertThat(outcome(reset)).isEqualTo("LOCKED_OUT");
    }

    @Test
    void whenEligibilityIsHiddenARefusedUserSeesTheGenericPath() {
        doubles.revealEligibility = false;
        doubles.inScopeGroup = false;
        ProcessInstance reset = startReset();
        assertThat(stepKey(reset)).isEqualTo("chooseMethod");
        assertThat(calledInstance(reset, "accountCheck")).hasPassed("hideRefusal");
        assertThat(proof(reset)).hasNotPassed("refused");
    }

    @Test
    void userInputNeverBecomesAProcessVariable() {
        ProcessInstance reset = startReset();
        passCodeGate(reset, "EMAIL");
        setGoodPassword(reset);
        List<String> stored = org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService()
                .createHistoricVariableInstanceQuery().list().stream().map(v -> v.getName()).toList();
        assertThat(stored).doesNotContain("code", "password", "passwordConfirmation", "contact", "answer1");
    }

    /** The helpdesk escalation the journey called. */
    private ProcessInstance escalation(ProcessInstance reset) {
        return calledInstance(reset, "helpdeskEscalation");
    }

    /** The helpdesk's review of the journey's escalation. */
    private static Task review(ProcessInstance reset) {
        return taskService().createTaskQuery().processInstanceBusinessKey(reset.getBusinessKey()).taskDefinitionKey("reviewEscalation").singleResult();
    }

    /** Runs a failing job until its retries are spent (three, the models' test retry cycle). */
    private static void useUpRetries(Job job) {
        for (int retry = 0; retry < 3; retry++) {
            try {
                managementService().executeJob(job.getId());
            } catch (IllegalStateException expected) {
                // the directory is still down
            }
        }
    }
}
