package org.resetflow.camunda;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who is signed in to the engine right now, and whom the engine treats as its administrators. The identity service
 * answers with its internal {@code Authentication} type, and the administrators are only on the internal
 * configuration class.
 *
 * @param userId   the staff member's id
 * @param groupIds the groups the engine knows the member to be in
 */
public record CurrentStaff(String userId, List<String> groupIds) {

    public CurrentStaff {
        groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
    }

    /** The staff member the current engine call runs for: a task completed in Tasklist, a REST call. */
    public static Optional<CurrentStaff> of(IdentityService identity) {
        Authentication current = identity.getCurrentAuthentication();
        return current == null ? Optional.empty() : Optional.of(new CurrentStaff(current.getUserId(), current.getGroupIds()));
    }

    /** The engine's configured administrator users and groups ({@code camunda.bpm.admin-user}, admin groups). */
    public static Administrators administrators(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return new Administrators(configuration.getAdminUsers(), configuration.getAdminGroups());
    }

    public record Administrators(List<String> users, List<String> groups) {
        public Administrators {
            users = users == null ? List.of() : List.copyOf(users);
            groups = groups == null ? List.of() : List.copyOf(groups);
        }
    }
}
