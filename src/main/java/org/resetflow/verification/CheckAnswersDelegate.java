package org.resetflow.verification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.camunda.JourneyFacts;
import org.resetflow.engine.FieldErrors;
import org.resetflow.engine.Vars;
import org.springframework.stereotype.Component;

/** "Check the answers": all must match; which one was wrong is not told. */
@Component("checkAnswersDelegate")
class CheckAnswersDelegate implements JavaDelegate {

    private final SecurityQuestions questions;
    private final FailedProofs failedProofs;

    CheckAnswersDelegate(SecurityQuestions questions, FailedProofs failedProofs) {
        this.questions = questions;
        this.failedProofs = failedProofs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String accountKey = JourneyFacts.text(execution, Vars.ACCOUNT_KEY);
        List<String> ids = Arrays.asList(((String) execution.getVariable(VerificationVariables.QUESTION_IDS)).split(","));
        List<String> given = new ArrayList<>();
        for (int i = 1; i <= ids.size(); i++) {
            given.add((String) execution.getVariable("answer" + i));
        }
        if (questions.allCorrect(accountKey, JourneyFacts.isTrue(execution, Vars.DECOY), ids, given)) {
            return;
        }
        throw failedProofs.record(execution, FieldErrors.FORM, "ANSWERS_WRONG", "WRONG_ANSWERS");
    }
}
