package org.resetflow.verification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.camunda.JourneyFacts;
import org.resetflow.engine.ModelMessages;
import org.springframework.stereotype.Component;

/**
 * "Report the undeliverable code", in the code's delivery, in a job of its own after the send gave up: raises an
 * incident of type {@code codeDelivery} on the journey for the operators, and tells the code verification (the message
 * the model throws, {@code codeUndeliverable}), which then ends with {@code SEND_FAILED}: the user chooses another
 * method. A code verification that has ended meanwhile (the code expired, the journey ended) waits for no message;
 * the report then reaches nobody, as it should.
 */
@Component("reportUndeliverableCodeDelegate")
class ReportUndeliverableCodeDelegate implements JavaDelegate {

    static final String INCIDENT_TYPE = "codeDelivery";

    @Override
    public void execute(DelegateExecution execution) {
        JourneyFacts.raiseIncident(execution, (String) execution.getVariable(VerificationVariables.JOURNEY_INSTANCE), INCIDENT_TYPE,
                (String) execution.getVariable(VerificationVariables.METHOD), (String) execution.getVariable(VerificationVariables.DELIVERY_FAILURE));
        execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(ModelMessages.thrownBy(execution))
                .processInstanceId((String) execution.getVariable(VerificationVariables.CODE_VERIFICATION))
                .correlateAll();
    }
}
