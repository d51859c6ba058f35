package org.resetflow.verification;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.camunda.JourneyFacts;
import org.resetflow.engine.Vars;
import org.springframework.stereotype.Component;

/** "Draw security questions": question ids and their labels (message codes) for the answer form. */
@Component("drawQuestionsDelegate")
class DrawQuestionsDelegate implements JavaDelegate {

    private final SecurityQuestions questions;

    DrawQuestionsDelegate(SecurityQuestions questions) {
        this.questions = questions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> ids = questions.draw(JourneyFacts.text(execution, Vars.ACCOUNT_KEY),
                JourneyFacts.isTrue(execution, Vars.DECOY));
        execution.setVariable(VerificationVariables.QUESTION_IDS, String.join(",", ids));
        execution.setVariable(VerificationVariables.QUESTION_COUNT, ids.size());
        for (int i = 0; i < ids.size(); i++) {
            execution.setVariable("question" + (i + 1), "question." + ids.get(i));
        }
    }
}
