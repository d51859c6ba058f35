package org.resetflow.engine;

import org.resetflow.verification.VerificationProperties;
import org.springframework.stereotype.Component;

/**
 * Configuration the BPMN models read in expressions ({@code ${journeySettings.codeLifetime}}): timer durations
 * and retry cycles, as the ISO 8601 strings Camunda expects.
 */
@Component("journeySettings")
public class JourneySettings {

    private final VerificationProperties verification;
    private final EngineProperties engine;

    public JourneySettings(VerificationProperties verification, EngineProperties engine) {
        this.verification = verification;
        this.engine = engine;
    }

    public String getCodeLifetime() {
        return verification.codeLifetime().toString();
    }

    public String getIdleTimeout() {
        return verification.journeyIdleTimeout().toString();
    }

    public String getSendRetryCycle() {
        return verification.sendRetryCycle();
    }

    public String getDirectoryRetryCycle() {
        return engine.directoryRetryCycle();
    }
}
