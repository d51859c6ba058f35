package org.resetflow.verification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.camunda.JourneyFacts;
import org.resetflow.directory.CloudDirectory;
import org.resetflow.engine.Vars;
import org.resetflow.shared.Method;
import org.resetflow.shared.MethodList;
import org.springframework.stereotype.Component;

/**
 * "Offer methods for this gate": the registered methods the policy allows, minus those already used and those
 * that could not deliver a code. Masked
 * hints (a***@example.org) appear only once the first gate is passed, never for a decoy. When the eligibility decision
 * asks for the strong method (the enrolled-factor rule) and no gate was proven with it yet, only the strong methods are
 * offered, with the choice that the user cannot use them, which the model hands to the helpdesk.
 */
@Component("offerMethodsDelegate")
class OfferMethodsDelegate implements JavaDelegate {

    /** The option "I cannot use my authenticator app (or passkey)", which the model routes to the helpdesk. */
    static final String STRONG_METHOD_LOST = "STRONG_METHOD_LOST";

    private final CloudDirectory cloud;
    private final RecoveryMethods recoveryMethods;
    private final ObjectMapper json;

    OfferMethodsDelegate(CloudDirectory cloud, RecoveryMethods recoveryMethods, ObjectMapper json) {
        this.cloud = cloud;
        this.recoveryMethods = recoveryMethods;
        this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<Method> registered = MethodList.parse(JourneyFacts.get(execution, Vars.REGISTERED_METHODS));
        List<Method> used = MethodList.parse(execution.getVariable(VerificationVariables.VERIFIED_METHODS));
        List<Method> undeliverable = MethodList.parse(execution.getVariable(VerificationVariables.UNDELIVERABLE_METHODS));
        boolean questionsAllowed = JourneyFacts.isTrue(execution, Vars.QUESTIONS_ALLOWED);
        boolean decoy = JourneyFacts.isTrue(execution, Vars.DECOY);
        boolean strongOnly = JourneyFacts.isTrue(execution, Vars.STRONG_METHOD_REQUIRED) && used.stream().noneMatch(Method::isStrong);
        List<Method> offered = registered.stream()
                .filter(method -> questionsAllowed || method != Method.QUESTIONS)
                .filter(method -> !used.contains(method))
                .filter(method -> !undeliverable.contains(method))
                .filter(method -> !strongOnly || method.isStrong())
                .toList();
        if (offered.isEmpty()) {
            // Every method left failed to deliver its code: the helpdesk takes over.
            throw new BpmnError("NO_METHOD_LEFT");
        }
        Map<Method, String> destinations = used.isEmpty() || decoy
                ? Map.of()
                : cloud.findAccount(JourneyFacts.text(execution, Vars.USERNAME)).map(recoveryMethods::registered).orElse(Map.of());
        ArrayNode options = json.createArrayNode();
        for (Method method : offered) {
            ObjectNode option = options.addObject()
                    .put("value", method.name())
                    .put("label", "method." + method.name())
                    .put("hint", RecoveryMethods.mask(method, destinations.get(method)));
            if (method == Method.PASSKEY) {
                // a client without WebAuthn (the portal without JavaScript) cannot use it, and does not show it
                option.put("requires", "webauthn");
            }
        }
        if (strongOnly) {
            options.addObject().put("value", STRONG_METHOD_LOST).put("label", strongMethodLostLabel(offered)).put("hint", "");
        }
        execution.setVariable(VerificationVariables.GATE, used.size() + 1);
        execution.setVariable(VerificationVariables.METHOD_OPTIONS, options.toString());
    }

    /** "I cannot use my authenticator app", "... my passkey", or "... my authenticator app or passkey": what the user has. */
    private static String strongMethodLostLabel(List<Method> strong) {
        boolean app = strong.contains(Method.AUTHENTICATOR_APP);
        boolean passkey = strong.contains(Method.PASSKEY);
        String label = "method." + STRONG_METHOD_LOST;
        return app && passkey ? label + ".ANY" : passkey ? label + ".PASSKEY" : label;
    }
}
