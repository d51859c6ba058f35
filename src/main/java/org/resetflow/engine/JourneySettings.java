package org.resetflow.engine;

import org.resetflow.staff.StaffProperties;
import org.resetflow.verification.VerificationProperties;
import org.springframework.stereotype.Component;

/**
 * Configuration the BPMN models read in expressions ({@code ${journeySettings.codeLifetime}}): timer durations
 * and retry cycles, as the ISO 8601 strings Camunda expects, and the staff groups that tasks are offered to.
 */
@Component("journeySettings")
public class JourneySettings {

    private final VerificationProperties verification;
    private final EngineProperties engine;
    private final StaffProperties staff;

    public JourneySettings(VerificationProperties verification, EngineProperties engine, StaffProperties staff) {
        this.verification = verification;
        this.engine = engine;
        this.staff = staff;
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

    public String getEscalationFollowUp() {
        return staff.escalationFollowUp().toString();
    }

    public String getHelpdeskGroup() {
        return staff.helpdeskGroup();
    }

    public String getFollowUpGroup() {
        return staff.followUpGroup();
    }
}
