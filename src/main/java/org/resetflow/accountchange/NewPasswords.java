package org.resetflow.accountchange;

import java.time.Duration;
import org.resetflow.engine.EngineProperties;
import org.resetflow.secret.SecretVault;
import org.springframework.stereotype.Component;

/**
 * A new password between "Check the password against policy" and the last directory that must receive it:
 * sealed in the vault under the journey, never in a process variable, and discarded once written.
 */
@Component
public class NewPasswords {

    private static final String PURPOSE = "new-password";

    private final SecretVault vault;
    private final Duration lifetime;

    public NewPasswords(SecretVault vault, EngineProperties engine) {
        this.vault = vault;
        this.lifetime = engine.sealedPasswordLifetime();
    }

    public void keep(String journeyId, String password) {
        vault.seal(journeyId, PURPOSE, password, lifetime);
    }

    public String take(String journeyId) {
        return vault.open(journeyId, PURPOSE).orElseThrow(() -> new IllegalStateException(
                "The new password for this journey is no longer available (it expired after " + lifetime
                        + "); the user has to start again. Cancel this process instance."));
    }

    public void discard(String journeyId) {
        vault.discard(journeyId, PURPOSE);
    }
}
