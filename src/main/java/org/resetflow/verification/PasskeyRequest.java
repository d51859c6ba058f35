package org.resetflow.verification;

import org.resetflow.secret.SecretVault;
import org.springframework.stereotype.Component;

/**
 * What the step "Use a passkey" shows ({@code display=passkeyRequest}): the request options sealed for it, with their
 * challenge, as {@code passkeyRequestOptions} (JSON), for the browser's {@code navigator.credentials.get()}.
 */
@Component("passkeyRequest")
class PasskeyRequest extends SealedPasskeyOptions {

    PasskeyRequest(SecretVault vault) {
        super(vault, IssuePasskeyRequestDelegate.PURPOSE, "passkeyRequestOptions");
    }
}
