package org.resetflow.registration;

import java.util.Map;
import java.util.Optional;
import org.resetflow.engine.StepDisplay;
import org.resetflow.engine.Vars;
import org.resetflow.secret.SealedSecretUnreadableException;
import org.resetflow.secret.SecretVault;
import org.resetflow.shared.OrganisationProperties;
import org.resetflow.verification.AuthenticatorCodes;
import org.springframework.stereotype.Component;

/**
 * The new authenticator app's secret while the user sets it up: sealed for the registration's process instance (never
 * a process variable, so never in the history), and shown only when the step is read, as the {@code otpauth://} URI
 * with the organisation as issuer and as its QR code ({@code display=authenticatorAppEnrolment}).
 */
@Component("authenticatorAppEnrolment")
class AuthenticatorAppEnrolment implements StepDisplay {

    static final String PURPOSE = "authenticatorApp";
    static final String QR = "authenticatorAppQr";
    static final String URI = "authenticatorAppUri";

    private final SecretVault vault;
    private final AuthenticatorCodes codes;
    private final OrganisationProperties organisation;

    AuthenticatorAppEnrolment(SecretVault vault, AuthenticatorCodes codes, OrganisationProperties organisation) {
        this.vault = vault;
        this.codes = codes;
        this.organisation = organisation;
    }

    /**
     * The new secret of this registration; empty when there is none, or when it was sealed before
     * {@code resetflow.security.secret} was changed (the step then shows no code, and its confirmation fails as wrong).
     */
    static Optional<String> openSecret(SecretVault vault, String processInstanceId) {
        try {
            return vault.open(processInstanceId, PURPOSE);
        } catch (SealedSecretUnreadableException e) {
            return Optional.empty();
        }
    }

    @Override
    public Map<String, Object> values(String processInstanceId, Map<String, Object> variables) {
        Optional<String> secret = openSecret(vault, processInstanceId);
        if (secret.isEmpty()) {
            return Map.of();
        }
        String uri = codes.otpauthUri(organisation.name(), String.valueOf(variables.get(Vars.USERNAME)), secret.get());
        return Map.of(URI, uri, QR, QrCodes.svgDataUri(uri));
    }
}
