package org.resetflow.registration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.recoveryinfo.RegistrationProperties;
import org.springframework.stereotype.Component;

/** "Offer security questions": the catalogue to choose from and how many to answer. */
@Component("offerQuestionsDelegate")
class OfferQuestionsDelegate implements JavaDelegate {

    private final RegistrationProperties properties;
    private final ObjectMapper json;

    OfferQuestionsDelegate(RegistrationProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ArrayNode options = json.createArrayNode();
        properties.questions().forEach(id -> options.addObject().put("value", id).put("label", "question." + id));
        execution.setVariable(RegistrationVariables.QUESTION_OPTIONS, options.toString());
        execution.setVariable(RegistrationVariables.QUESTIONS_TO_REGISTER, properties.questionsToRegister());
    }
}
