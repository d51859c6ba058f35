package org.resetflow.audit.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuditAccessTest {

    final AuditAccess access = new AuditAccess("process-owners", List.of("root"), List.of("camunda-admin"));

    @Test
    void processOwnersAndAdministratorsGetIn() {
        assertThat(access.allows("owen", List.of("sspr-users", "process-owners"))).isTrue();
        assertThat(access.allows("demo", List.of("camunda-admin", "helpdesk-admins"))).isTrue();
        assertThat(access.allows("root", List.of())).as("an administrator by user id").isTrue();
    }

    @Test
    void everyoneElseStaysOut() {
        assertThat(access.allows("hanna", List.of("helpdesk-admins"))).isFalse();
        assertThat(access.allows("nobody", null)).isFalse();
        assertThat(access.allows(null, List.of("process-owners"))).isFalse();
        assertThat(new AuditAccess("auditors", null, null).allows("owen", List.of("process-owners"))).as("the group is a setting").isFalse();
    }

    @Test
    void theRefusalNamesTheGroup() {
        assertThat(access.refusal()).contains("'process-owners'", "administrators");
    }
}
