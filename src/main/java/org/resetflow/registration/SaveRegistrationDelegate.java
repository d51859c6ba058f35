package org.resetflow.registration;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.engine.FieldErrors;
import org.resetflow.engine.Vars;
import org.resetflow.recoveryinfo.RecoveryRegistrations;
import org.resetflow.recoveryinfo.RegistrationProperties;
import org.resetflow.recoveryinfo.SecurityAnswers;
import org.springframework.stereotype.Component;

/**
 * "Save the recovery information": the verified contacts, and the answers as Argon2id hashes of their
 * normalised form. Each question at most once; an answer may not repeat another.
 */
@Component("saveRegistrationDelegate")
class SaveRegistrationDelegate implements JavaDelegate {

    private final RecoveryRegistrations registrations;
    private final SecurityAnswers answers;
    private final RegistrationProperties properties;

    SaveRegistrationDelegate(RecoveryRegistrations registrations, SecurityAnswers answers, RegistrationProperties properties) {
        this.registrations = registrations;
        this.answers = answers;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FieldErrors errors = new FieldErrors();
        Map<String, String> chosen = new LinkedHashMap<>();
        Map<String, String> normalisedAnswers = new LinkedHashMap<>();
        for (int n = 1; n <= properties.questionsToRegister(); n++) {
            String question = (String) execution.getVariable("question" + n);
            String answer = (String) execution.getVariable("answer" + n);
            if (question == null || !properties.questions().contains(question)) {
                errors.add("question" + n, "QUESTION_UNKNOWN");
            } else if (chosen.containsKey(question)) {
                errors.add("question" + n, "QUESTION_DUPLICATE");
            }
            String normalised = SecurityAnswers.normalise(answer);
            if (normalised.length() < 2) {
                errors.add("answer" + n, "ANSWER_TOO_SHORT");
            } else if (normalisedAnswers.containsValue(normalised)) {
                errors.add("answer" + n, "ANSWER_DUPLICATE");
            }
            if (question != null) {
                chosen.put(question, answer);
                normalisedAnswers.put(question, normalised);
            }
        }
        if (!errors.isEmpty()) {
            throw errors.raise(execution, "INVALID_ANSWERS");
        }
        String accountKey = (String) execution.getVariable(Vars.ACCOUNT_KEY);
        registrations.saveContacts(accountKey, (String) execution.getVariable(RegistrationVariables.EMAIL_TO_VERIFY),
                (String) execution.getVariable(RegistrationVariables.MOBILE_TO_VERIFY));
        Map<String, String> hashes = new LinkedHashMap<>();
        chosen.forEach((question, answer) -> hashes.put(question, answers.hash(answer)));
        registrations.replaceAnswers(accountKey, hashes);
    }
}
