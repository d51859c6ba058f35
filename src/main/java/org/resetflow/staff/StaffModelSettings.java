package org.resetflow.staff;

import java.util.Map;
import org.resetflow.engine.ModelSettings;
import org.springframework.stereotype.Component;

/**
 * The groups the staff tasks are offered to, when an untaken one is followed up and when it is due, as the models read
 * them: the follow-up timer and the tasks' {@code camunda:followUpDate} and {@code camunda:dueDate}.
 */
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
                "escalationDue", staff.escalationDue().toString(),
                "helpdeskGroup", staff.helpdeskGroup(),
                "followUpGroup", staff.followUpGroup());
    }
}
