package org.resetflow.verification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.camunda.FormFieldErrors;
import org.resetflow.engine.FieldErrors;
import org.resetflow.secret.KeyedHasher;
import org.springframework.stereotype.Component;

/**
 * "Check the answers": all must match; which one was wrong is not told. The answers were checked against their
 * slow hashes before this command ({@link AnswerCheck}); this step records the verdict, the proof or the failure.
 */
@Component("checkAnswersDelegate")
class CheckAnswersDelegate implements JavaDelegate {

    private final FailedProofs failedProofs;
    private final KeyedHasher hasher;

    CheckAnswersDelegate(FailedProofs failedProofs, KeyedHasher hasher) {
        this.failedProofs = failedProofs;
        this.hasher = hasher;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String verdict = hasher.unstamped(AnswerCheck.verdictContext(execution.getProcessInstanceId(),
                        execution.getVariable(VerificationVariables.QUESTION_IDS)), execution.getVariable(VerificationVariables.ANSWER_VERDICT))
                // staff completing the user's step (Tasklist, /engine-rest) bring no verdict: a field error (400), nothing counted
                .orElseThrow(() -> FormFieldErrors.invalid("answer1", "Security answers reach the engine only with the journey API's "
                        + "verdict on them (preparation answerCheck); these came without one"));
        if (AnswerCheck.RIGHT.equals(verdict)) {
            return;
        }
        throw failedProofs.record(execution, FieldErrors.FORM, "ANSWERS_WRONG", "WRONG_ANSWERS");
    }
}
