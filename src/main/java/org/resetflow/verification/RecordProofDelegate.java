package org.resetflow.verification;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.shared.Method;
import org.resetflow.shared.MethodList;
import org.springframework.stereotype.Component;

/** "Record the passed gate": the method just proven may not be used for the next gate. */
@Component("recordProofDelegate")
class RecordProofDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        List<Method> verified = new ArrayList<>(MethodList.parse(execution.getVariable(VerificationVariables.VERIFIED_METHODS)));
        verified.add(Method.valueOf((String) execution.getVariable(VerificationVariables.CHOSEN_METHOD)));
        execution.setVariable(VerificationVariables.VERIFIED_METHODS, MethodList.format(verified));
        execution.setVariable(VerificationVariables.PROVEN_GATES, verified.size());
    }
}
