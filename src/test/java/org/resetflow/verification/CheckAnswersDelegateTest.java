package org.resetflow.verification;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** "Check the answers" takes only a verdict this server stamped for its process instance and questions. */
class CheckAnswersDelegateTest {

    private static final String QUESTIONS = AnswerCheckTest.QUESTIONS;

    private final FailedProofs failedProofs = mock(FailedProofs.class);
    private final CheckAnswersDelegate delegate = new CheckAnswersDelegate(failedProofs, AnswerCheckTest.HASHER);

    private static DelegateExecution execution(Object verdict) {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getProcessInstanceId()).thenReturn("pi-1");
        when(execution.getVariable(VerificationVariables.QUESTION_IDS)).thenReturn(QUESTIONS);
        when(execution.getVariable(VerificationVariables.ANSWER_VERDICT)).thenReturn(verdict);
        return execution;
    }

    private static String stamped(String processInstanceId, String questions, String verdict) {
        return AnswerCheckTest.HASHER.stamp(AnswerCheck.verdictContext(processInstanceId, questions), verdict);
    }

    @Test
    void aRightVerdictPassesTheGate() {
        assertThatCode(() -> delegate.execute(execution(stamped("pi-1", QUESTIONS, "RIGHT")))).doesNotThrowAnyException();
        verifyNoInteractions(failedProofs);
    }

    @Test
    void aWrongVerdictIsAFailedProof() {
        DelegateExecution execution = execution(stamped("pi-1", QUESTIONS, "WRONG"));
        when(failedProofs.record(eq(execution), any(), eq("ANSWERS_WRONG"), eq("WRONG_ANSWERS"))).thenReturn(new BpmnError("WRONG_ANSWERS"));

        assertThatThrownBy(() -> delegate.execute(execution)).isInstanceOf(BpmnError.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RIGHT", "true", "stamp:RIGHT", "0000000000000000000000000000000000000000000000000000000000000000:RIGHT", ""})
    void aVerdictTheServerDidNotMakeIsRefusedAndCountsNothing(String forged) {
        assertThatThrownBy(() -> delegate.execute(execution(forged))).isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("answerCheck");
        verifyNoInteractions(failedProofs);
    }

    @Test
    void aVerdictForAnotherStepOrNoneAtAllIsRefused() {
        for (Object other : new Object[] {stamped("pi-2", QUESTIONS, "RIGHT"), stamped("pi-1", "first-pet,birth-city,first-car", "RIGHT"),
                Boolean.TRUE, null}) {
            assertThatThrownBy(() -> delegate.execute(execution(other))).isInstanceOf(FormFieldValidationException.class);
        }
        verifyNoInteractions(failedProofs);
    }
}
