package org.resetflow.staff;

import java.util.Map;
import org.resetflow.engine.ModelSettings;
import org.springframework.stereotype.Component;

/** The groups the staff tasks are offered to, and when an untaken escalation is followed up, as the models read them. */
@Component
class StaffModelSettings implements ModelSettings {

    private final StaffProperties staff;

    StaffModelSettings(StaffProperties staff) {
        this.staff = staff;
    }

    @Override
    public Map<String, String> modelSettings() {
        return Map.of(
                "escalationFollowUp", staff.escalationFollowUp().toString(),
                "helpdeskGroup", staff.helpdeskGroup(),
                "followUpGroup", staff.followUpGroup());
    }
}
