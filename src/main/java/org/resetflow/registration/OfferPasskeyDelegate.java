package org.resetflow.registration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.engine.Vars;
import org.resetflow.recoveryinfo.Passkeys;
import org.resetflow.verification.PasskeyCeremonies;
import org.springframework.stereotype.Component;

/**
 * "Offer passkeys": when the method is enabled, the choices: add a passkey (only for a client that can make one), keep
 * the registered ones or skip, or remove one of them by its label.
 */
@Component("offerPasskeyDelegate")
class OfferPasskeyDelegate implements JavaDelegate {

    private final PasskeyCeremonies ceremonies;
    private final Passkeys passkeys;
    private final ObjectMapper json;

    OfferPasskeyDelegate(PasskeyCeremonies ceremonies, Passkeys passkeys, ObjectMapper json) {
        this.ceremonies = ceremonies;
        this.passkeys = passkeys;
        this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(RegistrationVariables.PASSKEY_OFFERED, ceremonies.enabled());
        if (!ceremonies.enabled()) {
            return;
        }
        List<Passkeys.Passkey> registered = passkeys.of((String) execution.getVariable(Vars.ACCOUNT_KEY));
        ArrayNode options = json.createArrayNode();
        options.addObject().put("value", registered.isEmpty() ? "skip" : "keep").put("label", registered.isEmpty() ? "passkey.skip" : "passkey.keep");
        options.addObject().put("value", PasskeyChoices.ADD).put("label", "passkey.add").put("requires", "webauthn");
        for (Passkeys.Passkey passkey : registered) {
            options.addObject().put("value", PasskeyChoices.REMOVE + PasskeyChoices.reference(passkey.credentialId()))
                    .put("label", "passkey.remove").put("hint", passkey.label());
        }
        execution.setVariable(RegistrationVariables.PASSKEY_OPTIONS, options.toString());
    }
}
