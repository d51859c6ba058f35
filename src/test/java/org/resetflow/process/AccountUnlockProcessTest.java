package org.resetflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.resetflow.engine.Vars;
import org.resetflow.escalation.EscalationVariables;
import org.resetflow.verification.VerificationVariables;

@Deployment(resources = {"processes/account-unlock.bpmn", "processes/account-check.bpmn", "processes/helpdesk-escalation.bpmn", "processes/identity-proof.bpmn", "processes/directory-write-failing.bpmn", "processes/identity-verification.bpmn", "processes/code-verification.bpmn", "processes/code-delivery.bpmn",
        "processes/eligibility.dmn", "forms/chooseMethod.form", "forms/enterCode.form", "forms/enterAuthenticatorCode.form",
        "forms/answerQuestions.form", "forms/escalation.form"})
class AccountUnlockProcessTest extends ProcessTest {

    @Test
    void aVerifiedUserIsUnlockedWithoutANewPassword() {
        ProcessInstance unlock = start("accountUnlock", "unlock", "gina");
        assertThat(stepNumber(unlock, Vars.STEP_TOTAL)).isEqualTo(2);
        submit(unlock, "chooseMethod", values("method", "EMAIL", "contact", "registered"));
        assertThat(stepNumber(unlock, Vars.STEP_INDEX)).isEqualTo(2);
        submit(unlock, "enterCode", values("code", JourneyDoubles.RIGHT_CODE));
        assertThat(unlock).isEnded().hasPassed("unlockAccount", "accountUnlocked", "notifyUser", "completed");
        assertThat(outcome(unlock)).isEqualTo("COMPLETED");
        assertThat(doubles.called("checkNewPasswordDelegate")).isFalse();
    }

    @Test
    void aUserWithAnAuthenticatorAppUnlocksWithItsCode() {
        doubles.registeredMethods = "EMAIL,SMS,QUESTIONS,AUTHENTICATOR_APP";
        ProcessInstance unlock = start("accountUnlock", "unlock", "gina");
        assertThat(stepVariable(unlock, VerificationVariables.METHOD_OPTIONS)).as("the enrolled-factor rule holds for the unlock too")
                .isEqualTo("AUTHENTICATOR_APP,STRONG_METHOD_LOST");
        submit(unlock, "chooseMethod", values("method", "AUTHENTICATOR_APP"));
        submit(unlock, "enterAuthenticatorCode", values("code", JourneyDoubles.USED_APP_CODE));
        assertThat(stepVariable(unlock, Vars.FIELD_ERRORS)).isEqualTo("code=CODE_USED");
        submit(unlock, "enterAuthenticatorCode", values("code", JourneyDoubles.RIGHT_APP_CODE));

        assertThat(unlock).isEnded().hasPassed("unlockAccount", "completed");
        assertThat(outcome(unlock)).isEqualTo("COMPLETED");
        assertThat(doubles.failedProofs).isEqualTo(1);
    }

    @Test
    void aUserWhoCannotUseTheAppIsUnlockedOnlyByTheHelpdesk() {
        doubles.registeredMethods = "EMAIL,SMS,QUESTIONS,AUTHENTICATOR_APP";
        ProcessInstance unlock = start("accountUnlock", "unlock", "gina");
        submit(unlock, "chooseMethod", values("method", "STRONG_METHOD_LOST"));

        assertThat(calledInstance(unlock, "helpdeskEscalation")).isWaitingAt("reviewEscalation");
        assertThat(outcome(unlock)).isEqualTo("ESCALATED");
        assertThat(doubles.called("unlockAccountDelegate")).isFalse();
    }

    @Test
    void anAccountBlockedWhileTheUserProvesWhoTheyAreIsNotUnlocked() {
        ProcessInstance unlock = start("accountUnlock", "unlock", "gina");
        submit(unlock, "chooseMethod", values("method", "EMAIL", "contact", "registered"));

        doubles.selfServiceBlocked = true;
        submit(unlock, "enterCode", values("code", JourneyDoubles.RIGHT_CODE));

        assertThat(unlock).isEnded().hasPassed("checkLockoutBeforeUnlock", "lockedOut").hasNotPassed("unlockAccount", "notifyUser");
        assertThat(outcome(unlock)).isEqualTo("LOCKED_OUT");
    }

    @Test
    void failedProofsLockTheUserOutOfTheUnlockToo() {
        ProcessInstance unlock = start("accountUnlock", "unlock", "gina");
        submit(unlock, "chooseMethod", values("method", "QUESTIONS"));
        for (int attempt = 0; attempt < 5; attempt++) {
            submit(unlock, "answerQuestions", values("answer1", "no", "answer2", "no", "answer3", "no"));
        }
        assertThat(unlock).isEnded().hasNotPassed("unlockAccount");
        assertThat(proof(unlock)).hasPassed("lockedOut");
    }

    @Test
    void anUnregisteredUserIsUnlockedByTheHelpdesk() {
        doubles.registeredMethods = "";
        ProcessInstance unlock = start("accountUnlock", "unlock", "carol");
        Task review = taskService().createTaskQuery().processInstanceBusinessKey(unlock.getBusinessKey()).taskCandidateGroup("helpdesk-admins").singleResult();
        taskService().complete(review.getId(), Map.of(EscalationVariables.DECISION, "APPROVE"));
        runDueJobs(unlock);
        assertThat(unlock).isEnded();
        assertThat(calledInstance(unlock, "helpdeskEscalation")).hasPassed("unlockAfterReview", "escalationApproved");
    }

    @Test
    void aProtectedAccountIsLeftToTheDomainAdministratorsEvenWhenTheHelpdeskApproves() {
        doubles.identitySource = "synced";
        doubles.protectedAccount = true;
        ProcessInstance unlock = start("accountUnlock", "unlock", "paula");
        assertThat(unlock).isWaitingAt("proveIdentity");
        assertThat(proof(unlock)).isWaitingAt("escalateToHelpdesk").hasNotPassed("verifyIdentity");
        assertThat(calledInstance(unlock, "helpdeskEscalation")).isWaitingAt("reviewEscalation");
        Task review = taskService().createTaskQuery().processInstanceBusinessKey(unlock.getBusinessKey()).taskCandidateGroup("helpdesk-admins").singleResult();
        taskService().complete(review.getId(), Map.of(EscalationVariables.DECISION, "APPROVE"));
        runDueJobs(unlock);
        assertThat(unlock).isEnded();
        assertThat(calledInstance(unlock, "helpdeskEscalation")).hasPassed("notifyEscalationOutcome", "escalationApproved").hasNotPassed("unlockAfterReview");
    }

    @Test
    void anIdleUnlockExpires() {
        ProcessInstance unlock = start("accountUnlock", "unlock", "gina");
        fireTimer(unlock, "chooseMethodIdle");
        assertThat(unlock).isEnded();
        assertThat(proof(unlock)).hasPassed("expired");
        assertThat(outcome(unlock)).isEqualTo("EXPIRED");
    }
}
