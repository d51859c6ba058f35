package org.resetflow.staff;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.DELETE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.SystemPermissions;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * What each staff group may do in the engine, granted at every start (missing grants are added, nothing is taken
 * away). In Camunda 7.24 nobody may do anything without a grant: membership of the engine's admin groups only opens
 * the few operations reserved to administrators (Camunda's own first-run setup grants its {@code camunda-admin}
 * group the rest), and the webapps let someone in only with {@code ACCESS} to the application. Everyone outside
 * these groups gets nothing. {@code docs/helpdesk.md} lists the same, for people.
 */
@Component
class StaffAuthorizations implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(StaffAuthorizations.class);

    /** One grant: permissions on one resource, or on every resource of its type ({@link Authorization#ANY}). */
    record Grant(Resource resource, String resourceId, List<Permission> permissions) {

        static Grant of(Resource resource, String resourceId, Permission... permissions) {
            return new Grant(resource, resourceId, List.of(permissions));
        }
    }

    /**
     * Helpdesk groups: Tasklist, its filters, and the names of processes, users and groups it shows. The tasks
     * themselves come through their candidate group, never the users' own steps.
     */
    static final List<Grant> HELPDESK = List.of(
            Grant.of(Resources.APPLICATION, "tasklist", ACCESS),
            Grant.of(Resources.FILTER, ANY, READ),
            Grant.of(Resources.PROCESS_DEFINITION, ANY, READ),
            Grant.of(Resources.USER, ANY, READ),
            Grant.of(Resources.GROUP, ANY, READ));

    /** Process owners: Cockpit, the journeys, their history and the decisions, read-only. */
    static final List<Grant> PROCESS_OWNERS = List.of(
            Grant.of(Resources.APPLICATION, "cockpit", ACCESS),
            Grant.of(Resources.PROCESS_DEFINITION, ANY, READ, ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY),
            Grant.of(Resources.PROCESS_INSTANCE, ANY, READ),
            Grant.of(Resources.TASK, ANY, READ),
            Grant.of(Resources.DECISION_DEFINITION, ANY, READ, READ_HISTORY),
            Grant.of(Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, READ),
            Grant.of(Resources.DEPLOYMENT, ANY, READ),
            Grant.of(Resources.USER, ANY, READ),
            Grant.of(Resources.GROUP, ANY, READ));

    /**
     * Administrators: every webapp; in Cockpit (and {@code /engine-rest}) retry failed jobs, resolve incidents,
     * modify, suspend, migrate or cancel a journey and change its variables, also in batches; Tasklist's filters;
     * Admin's authorizations. Not granted, on purpose: starting a process (a journey starts only through the API,
     * with its flow token), working tasks other than their groups' (the users' own steps belong to the API: a
     * password typed into Tasklist would be stored as a variable), deploying or deleting models (they come with the
     * application and are deployed at every start), and deleting or changing the history (it is the audit trail,
     * removed only by its time to live). The directory is read-only, so users and groups are only read. An
     * administrator may grant more in Admin.
     */
    static final List<Grant> ADMINISTRATORS = List.of(
            Grant.of(Resources.APPLICATION, ANY, ACCESS),
            Grant.of(Resources.PROCESS_DEFINITION, ANY, READ, ProcessDefinitionPermissions.READ_INSTANCE,
                    ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK,
                    ProcessDefinitionPermissions.UPDATE_INSTANCE, ProcessDefinitionPermissions.RETRY_JOB,
                    ProcessDefinitionPermissions.DELETE_INSTANCE, ProcessDefinitionPermissions.SUSPEND,
                    ProcessDefinitionPermissions.SUSPEND_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE,
                    ProcessDefinitionPermissions.MIGRATE_INSTANCE),
            Grant.of(Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ, ProcessInstancePermissions.UPDATE,
                    ProcessInstancePermissions.DELETE, ProcessInstancePermissions.RETRY_JOB,
                    ProcessInstancePermissions.SUSPEND, ProcessInstancePermissions.UPDATE_VARIABLE),
            Grant.of(Resources.TASK, ANY, TaskPermissions.READ),
            Grant.of(Resources.BATCH, ANY, BatchPermissions.READ, BatchPermissions.UPDATE, BatchPermissions.DELETE, BatchPermissions.READ_HISTORY,
                    BatchPermissions.CREATE_BATCH_SET_JOB_RETRIES, BatchPermissions.CREATE_BATCH_MODIFY_PROCESS_INSTANCES,
                    BatchPermissions.CREATE_BATCH_DELETE_RUNNING_PROCESS_INSTANCES, BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES,
                    BatchPermissions.CREATE_BATCH_UPDATE_PROCESS_INSTANCES_SUSPEND),
            Grant.of(Resources.DECISION_DEFINITION, ANY, READ, READ_HISTORY),
            Grant.of(Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, READ),
            Grant.of(Resources.DEPLOYMENT, ANY, READ),
            Grant.of(Resources.FILTER, ANY, READ, UPDATE, CREATE, DELETE),
            Grant.of(Resources.USER, ANY, READ),
            Grant.of(Resources.GROUP, ANY, READ),
            Grant.of(Resources.TENANT, ANY, READ),
            Grant.of(Resources.AUTHORIZATION, ANY, READ, UPDATE, CREATE, DELETE),
            Grant.of(Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ),
            Grant.of(Resources.SYSTEM, ANY, SystemPermissions.READ));

    private final AuthorizationService authorizations;
    private final StaffProperties staff;

    StaffAuthorizations(AuthorizationService authorizations, StaffProperties staff) {
        this.authorizations = authorizations;
        this.staff = staff;
    }

    @Override
    public void afterSingletonsInstantiated() {
        staff.helpdeskGroups().forEach(group -> grantAll(group, HELPDESK));
        grantAll(staff.processOwnerGroup(), PROCESS_OWNERS);
        grantAll(staff.administratorGroup(), ADMINISTRATORS);
        log.info("Staff groups: helpdesk {}, follow-up {}, process owners {}, administrators {}", staff.helpdeskGroup(),
                staff.followUpGroup(), staff.processOwnerGroup(), staff.administratorGroup());
    }

    private void grantAll(String group, List<Grant> grants) {
        grants.forEach(grant -> grant(group, grant));
    }

    private void grant(String group, Grant grant) {
        List<Authorization> existing = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(grant.resource())
                .resourceId(grant.resourceId()).authorizationType(Authorization.AUTH_TYPE_GRANT).list();
        Authorization authorization = existing.isEmpty() ? newGrant(group, grant) : existing.get(0);
        boolean missing = existing.isEmpty();
        for (Permission permission : grant.permissions()) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                missing = true;
            }
        }
        if (missing) {
            authorizations.saveAuthorization(authorization);
        }
    }

    private Authorization newGrant(String group, Grant grant) {
        Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(grant.resource());
        authorization.setResourceId(grant.resourceId());
        return authorization;
    }
}
