package org.resetflow.verification;

import java.util.Map;
import org.resetflow.engine.StepDisplay;
import org.resetflow.secret.SecretVault;

/**
 * What a passkey step shows: the WebAuthn options sealed for its process instance (with their challenge), under the
 * name its form reads, for the browser; nothing once they were used or expired.
 */
public abstract class SealedPasskeyOptions implements StepDisplay {

    private final SecretVault vault;
    private final String purpose;
    private final String name;

    protected SealedPasskeyOptions(SecretVault vault, String purpose, String name) {
        this.vault = vault;
        this.purpose = purpose;
        this.name = name;
    }

    @Override
    public Map<String, Object> values(String processInstanceId, Map<String, Object> variables) {
        return vault.open(processInstanceId, purpose).<Map<String, Object>>map(options -> Map.of(name, options)).orElse(Map.of());
    }
}
