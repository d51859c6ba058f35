package org.resetflow.audit.cockpit;

import java.util.Collection;
import java.util.List;

/** Who may read the audit: Camunda administrators (users or groups) and members of the process-owner group. */
record AuditAccess(String processOwnerGroup, Collection<String> adminUsers, Collection<String> adminGroups) {

    AuditAccess {
        adminUsers = adminUsers == null ? List.of() : List.copyOf(adminUsers);
        adminGroups = adminGroups == null ? List.of() : List.copyOf(adminGroups);
    }

    boolean allows(String userId, Collection<String> groupIds) {
        if (userId == null) {
            return false;
        }
        Collection<String> groups = groupIds == null ? List.of() : groupIds;
        return adminUsers.contains(userId) || groups.contains(processOwnerGroup) || groups.stream().anyMatch(adminGroups::contains);
    }

    String refusal() {
        return "The ResetFlow audit is for process owners (members of the group '" + processOwnerGroup + "') and Camunda administrators";
    }
}
