package org.resetflow.verification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.resetflow.camunda.JourneyFacts;
import org.resetflow.engine.ModelMessages;
import org.resetflow.engine.Vars;
import org.springframework.stereotype.Component;

/**
 * "Hand the code to its delivery": starts the code's delivery (the message the model throws starts
 * {@code codeDelivery}) in this transaction, with the journey's flow id as business key and, explicitly, what it
 * needs: it is a process instance of its own, outside the journey's tree, so it cannot read the journey's facts.
 * Every code is handed over, with or without a destination, so that a code that is sent and one that is not cost
 * the user's answer the same work; the delivery finds no sealed code for the latter and sends nothing.
 */
@Component("requestCodeDeliveryDelegate")
class RequestCodeDeliveryDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByMessage(ModelMessages.thrownBy(execution),
                execution.getProcessBusinessKey(), Variables.createVariables()
                        .putValue(VerificationVariables.CODE_VERIFICATION, execution.getProcessInstanceId())
                        .putValue(VerificationVariables.JOURNEY_INSTANCE, JourneyFacts.journeyId(execution))
                        .putValue(VerificationVariables.METHOD, execution.getVariable(VerificationVariables.METHOD))
                        .putValue(VerificationVariables.DESTINATION, execution.getVariable(VerificationVariables.DESTINATION))
                        .putValue(Vars.LOCALE, JourneyFacts.get(execution, Vars.LOCALE)));
    }
}
