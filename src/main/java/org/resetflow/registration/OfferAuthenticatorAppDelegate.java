package org.resetflow.registration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.engine.Vars;
import org.resetflow.recoveryinfo.AuthenticatorApps;
import org.resetflow.secret.SecretVault;
import org.resetflow.verification.AuthenticatorCodes;
import org.resetflow.verification.VerificationProperties;
import org.springframework.stereotype.Component;

/**
 * "Offer an authenticator app": when the method is enabled, a new secret, sealed for this registration (the step shows
 * it as a QR code), and the choices: keep, replace or remove the registered app, or add one or skip.
 */
@Component("offerAuthenticatorAppDelegate")
class OfferAuthenticatorAppDelegate implements JavaDelegate {

    private final AuthenticatorCodes codes;
    private final AuthenticatorApps apps;
    private final SecretVault vault;
    private final VerificationProperties verification;
    private final ObjectMapper json;

    OfferAuthenticatorAppDelegate(AuthenticatorCodes codes, AuthenticatorApps apps, SecretVault vault, VerificationProperties verification,
                                  ObjectMapper json) {
        this.codes = codes;
        this.apps = apps;
        this.vault = vault;
        this.verification = verification;
        this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(RegistrationVariables.AUTHENTICATOR_APP_OFFERED, codes.enabled());
        if (!codes.enabled()) {
            return;
        }
        // sealed as long as the step can wait for the user, and some: the idle timer ends the journey before
        Duration lifetime = verification.journeyIdleTimeout().multipliedBy(2);
        vault.seal(execution.getProcessInstanceId(), AuthenticatorAppEnrolment.PURPOSE, codes.newSecret(), lifetime);
        boolean registered = apps.isRegistered((String) execution.getVariable(Vars.ACCOUNT_KEY));
        ArrayNode options = json.createArrayNode();
        for (String choice : registered ? List.of("keep", "replace", "remove") : List.of("add", "skip")) {
            options.addObject().put("value", choice).put("label", "authenticatorApp." + choice);
        }
        execution.setVariable(RegistrationVariables.AUTHENTICATOR_APP_OPTIONS, options.toString());
    }
}
