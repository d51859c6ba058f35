package org.resetflow.verification;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.camunda.JourneyFacts;
import org.resetflow.directory.CloudDirectory;
import org.resetflow.engine.Vars;
import org.resetflow.shared.Method;
import org.springframework.stereotype.Component;

/**
 * "Match the contact": a code is sent only when the address or number the user typed in full equals the
 * registered one. A mismatch (or an unknown account) continues exactly like a match, and nothing is sent.
 */
@Component("matchContactDelegate")
class MatchContactDelegate implements JavaDelegate {

    private final CloudDirectory cloud;
    private final RecoveryMethods recoveryMethods;

    MatchContactDelegate(CloudDirectory cloud, RecoveryMethods recoveryMethods) {
        this.cloud = cloud;
        this.recoveryMethods = recoveryMethods;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Method method = Method.valueOf((String) execution.getVariable(VerificationVariables.METHOD));
        execution.setVariable(VerificationVariables.CHOSEN_METHOD, method.name());
        if (!method.sendsCode()) {
            return;
        }
        boolean decoy = JourneyFacts.isTrue(execution, Vars.DECOY);
        Optional<String> typed = recoveryMethods.normalise(method, (String) execution.getVariable(VerificationVariables.INPUT_CONTACT));
        String registered = decoy ? null : cloud.findAccount(JourneyFacts.text(execution, Vars.USERNAME))
                .map(recoveryMethods::registered)
                .map((Map<Method, String> methods) -> methods.get(method))
                .orElse(null);
        boolean matched = registered != null && typed.isPresent() && typed.get().equalsIgnoreCase(registered);
        execution.setVariable(VerificationVariables.CONTACT_MATCHED, matched);
        execution.setVariable(VerificationVariables.DESTINATION, matched ? registered : null);
    }
}
