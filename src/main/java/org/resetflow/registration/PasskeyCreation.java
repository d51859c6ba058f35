package org.resetflow.registration;

import org.resetflow.secret.SecretVault;
import org.resetflow.verification.SealedPasskeyOptions;
import org.springframework.stereotype.Component;

/**
 * What the step "Add or remove passkeys" shows ({@code display=passkeyCreation}): the creation options sealed for it,
 * with their challenge, as {@code passkeyCreationOptions} (JSON), for the browser's {@code navigator.credentials.create()}.
 */
@Component("passkeyCreation")
class PasskeyCreation extends SealedPasskeyOptions {

    PasskeyCreation(SecretVault vault) {
        super(vault, IssuePasskeyCreationDelegate.PURPOSE, "passkeyCreationOptions");
    }
}
