package org.resetflow.verification;

import java.util.Map;
import org.resetflow.engine.ModelSettings;
import org.springframework.stereotype.Component;

/** The code's lifetime, the journey's idle time-out and the retry cycle for sending, as the models read them. */
@Component
class VerificationModelSettings implements ModelSettings {

    private final VerificationProperties verification;

    VerificationModelSettings(VerificationProperties verification) {
        this.verification = verification;
    }

    @Override
    public Map<String, String> modelSettings() {
        return Map.of(
                "codeLifetime", verification.codeLifetime().toString(),
                "idleTimeout", verification.journeyIdleTimeout().toString(),
                "sendRetryCycle", verification.sendRetryCycle());
    }
}
