package org.resetflow.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** When a helpdesk task is due and followed up, as documented, and the start refuses a due date before the follow-up. */
class StaffPropertiesTest {

    private static StaffProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("resetflow.staff", Bindable.of(StaffProperties.class));
    }

    @Test
    void anEscalationIsDueAfterEightHoursAndFollowedUpAfterFour() {
        StaffProperties staff = bind(Map.of());

        assertThat(staff.escalationDue()).isEqualTo(Duration.ofHours(8));
        assertThat(staff.escalationFollowUp()).isEqualTo(Duration.ofHours(4));
        assertThat(new StaffModelSettings(staff).modelSettings()).as("as the models read them")
                .containsEntry("escalationDue", "PT8H").containsEntry("escalationFollowUp", "PT4H");
    }

    @Test
    void aDueDateBeforeTheFollowUpIsRefusedAtTheStart() {
        assertThatThrownBy(() -> bind(Map.of("resetflow.staff.escalation-due", "2h")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("resetflow.staff.escalation-due (PT2H) must not be shorter than");
        assertThat(bind(Map.of("resetflow.staff.escalation-due", "1d", "resetflow.staff.escalation-follow-up", "1d")).escalationDue())
                .isEqualTo(Duration.ofDays(1));
    }
}
