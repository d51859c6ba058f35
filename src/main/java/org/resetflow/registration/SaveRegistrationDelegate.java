package org.resetflow.registration;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.engine.Vars;
import org.resetflow.recoveryinfo.RecoveryRegistrations;
import org.resetflow.recoveryinfo.RegistrationProperties;
import org.resetflow.secret.KeyedHasher;
import org.springframework.stereotype.Component;

/**
 * "Save the recovery information": the verified contacts, and the answers as the Argon2id hashes of their
 * normalised form that {@link AnswerHashing} made before this command. Each question at most once; an answer may
 * not repeat another.
 */
@Component("saveRegistrationDelegate")
class SaveRegistrationDelegate implements JavaDelegate {

    private final RecoveryRegistrations registrations;
    private final RegistrationProperties properties;
    private final KeyedHasher hasher;
    private final ObjectMapper json;

    SaveRegistrationDelegate(RecoveryRegistrations registrations, RegistrationProperties properties, KeyedHasher hasher, ObjectMapper json) {
        this.registrations = registrations;
        this.properties = properties;
        this.hasher = hasher;
        this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) {
        NewAnswers chosen = NewAnswers.of(properties, execution::getVariable);
        if (!chosen.valid()) {
            throw chosen.errors().raise(execution, "INVALID_ANSWERS");
        }
        Map<String, String> hashes = AnswerHashing.hashes(hasher, json, execution.getProcessInstanceId(),
                        execution.getVariable(RegistrationVariables.ANSWER_HASHES))
                .filter(hashed -> hashed.keySet().equals(chosen.chosen().keySet()))
                // the answers are hashed before this command, never in it
                .orElseThrow(() -> new IllegalStateException("New security answers reach the engine only with the journey API's hashes "
                        + "of them (preparation answerHashing); these came without"));
        String accountKey = (String) execution.getVariable(Vars.ACCOUNT_KEY);
        registrations.saveContacts(accountKey, (String) execution.getVariable(RegistrationVariables.EMAIL_TO_VERIFY),
                (String) execution.getVariable(RegistrationVariables.MOBILE_TO_VERIFY));
        registrations.replaceAnswers(accountKey, hashes);
    }
}
