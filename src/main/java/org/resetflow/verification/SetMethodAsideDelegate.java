package org.resetflow.verification;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.shared.Method;
import org.resetflow.shared.MethodList;
import org.springframework.stereotype.Component;

/** "Set the undeliverable method aside": a method whose code could not be delivered is not offered again. */
@Component("setMethodAsideDelegate")
class SetMethodAsideDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        List<Method> undeliverable = new ArrayList<>(MethodList.parse(execution.getVariable(VerificationVariables.UNDELIVERABLE_METHODS)));
        undeliverable.add(Method.valueOf((String) execution.getVariable(VerificationVariables.CHOSEN_METHOD)));
        execution.setVariable(VerificationVariables.UNDELIVERABLE_METHODS, MethodList.format(undeliverable));
    }
}
