package org.resetflow.staff;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * What each staff group may do in the engine, granted at every start (missing grants are added, nothing is taken
 * away). Helpdesk groups: Tasklist and the escalations filter; the tasks themselves through their candidate group,
 * never the users' own steps. Process owners: Cockpit and the history, read-only. Administrators: everything (they
 * are Camunda administrators). Everyone else: nothing.
 */
@Component
class StaffAuthorizations implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(StaffAuthorizations.class);

    private final AuthorizationService authorizations;
    private final StaffProperties staff;

    StaffAuthorizations(AuthorizationService authorizations, StaffProperties staff) {
        this.authorizations = authorizations;
        this.staff = staff;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (String helpdesk : staff.helpdeskGroups()) {
            grant(helpdesk, Resources.APPLICATION, "tasklist", ACCESS);
            grant(helpdesk, Resources.FILTER, Authorization.ANY, READ);
            grant(helpdesk, Resources.PROCESS_DEFINITION, Authorization.ANY, READ);
            grant(helpdesk, Resources.USER, Authorization.ANY, READ);
            grant(helpdesk, Resources.GROUP, Authorization.ANY, READ);
        }
        String owners = staff.processOwnerGroup();
        grant(owners, Resources.APPLICATION, "cockpit", ACCESS);
        grant(owners, Resources.PROCESS_DEFINITION, Authorization.ANY, READ, READ_INSTANCE, READ_HISTORY);
        grant(owners, Resources.PROCESS_INSTANCE, Authorization.ANY, READ);
        grant(owners, Resources.TASK, Authorization.ANY, READ);
        grant(owners, Resources.DECISION_DEFINITION, Authorization.ANY, READ, READ_HISTORY);
        grant(owners, Resources.DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY, READ);
        grant(owners, Resources.DEPLOYMENT, Authorization.ANY, READ);
        grant(owners, Resources.USER, Authorization.ANY, READ);
        grant(owners, Resources.GROUP, Authorization.ANY, READ);
        log.info("Staff groups: helpdesk {}, follow-up {}, process owners {}, administrators {}", staff.helpdeskGroup(),
                staff.followUpGroup(), owners, staff.administratorGroup());
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        List<Authorization> existing = authorizations.createAuthorizationQuery().groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).authorizationType(Authorization.AUTH_TYPE_GRANT).list();
        Authorization authorization = existing.isEmpty() ? newGrant(group, resource, resourceId) : existing.get(0);
        boolean missing = existing.isEmpty();
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                missing = true;
            }
        }
        if (missing) {
            authorizations.saveAuthorization(authorization);
        }
    }

    private Authorization newGrant(String group, Resource resource, String resourceId) {
        Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        return authorization;
    }
}
