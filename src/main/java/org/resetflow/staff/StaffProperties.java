package org.resetflow.staff;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code resetflow.staff.*}: who the staff are. They sign in with their accounts in the cloud directory; these
 * directory groups decide what they may do.
 *
 * @param helpdeskGroup      helpdesk administrators: work escalations in Tasklist, collect temporary passwords
 * @param followUpGroup      receives escalations the helpdesk has not taken within the follow-up time
 * @param processOwnerGroup  read Cockpit, the history and the audit plugin
 * @param administratorGroup administrators: Admin, Cockpit and Tasklist; retry, resolve, modify and cancel journeys
 *                           (see {@code StaffAuthorizations}); also the engine's admin group
 * @param escalationFollowUp how long an escalation may wait untaken before it moves to the follow-up group
 * @param directory          where staff accounts and groups are found in the cloud directory
 */
@Validated
@ConfigurationProperties("resetflow.staff")
public record StaffProperties(
        @DefaultValue("helpdesk-admins") @NotBlank @Pattern(regexp = GROUP_ID, message = "must be a Camunda group id") String helpdeskGroup,
        @DefaultValue("helpdesk-leads") @NotBlank @Pattern(regexp = GROUP_ID, message = "must be a Camunda group id") String followUpGroup,
        @DefaultValue("process-owners") @NotBlank @Pattern(regexp = GROUP_ID, message = "must be a Camunda group id") String processOwnerGroup,
        @DefaultValue("resetflow-admins") @NotBlank @Pattern(regexp = GROUP_ID, message = "must be a Camunda group id") String administratorGroup,
        @DefaultValue("4h") @NotNull java.time.Duration escalationFollowUp,
        @DefaultValue @Valid @NotNull Directory directory) {

    /** What Camunda accepts as a group id ({@code generalResourceWhitelistPattern}). */
    public static final String GROUP_ID = "[a-zA-Z0-9][a-zA-Z0-9._@-]*";

    /** Every group that makes a directory user staff. */
    public List<String> staffGroups() {
        return List.of(helpdeskGroup, followUpGroup, processOwnerGroup, administratorGroup);
    }

    /** The groups whose members handle escalations. */
    public List<String> helpdeskGroups() {
        return List.of(helpdeskGroup, followUpGroup);
    }

    /**
     * @param userSearchBase     where staff accounts live, relative to the cloud directory's base DN
     * @param userSearchFilter   which entries are accounts
     * @param userIdAttribute    the sign-in name (and Camunda user id)
     * @param firstNameAttribute first name
     * @param lastNameAttribute  last name
     * @param emailAttribute     email address
     * @param groupSearchBase    where groups live, relative to the base DN
     * @param groupSearchFilter  which entries are groups
     * @param groupIdAttribute   the group's id (Camunda group id)
     * @param groupNameAttribute the group's display name
     * @param groupMemberAttribute the attribute listing the members' DNs
     * @param maxResults         the most entries one query reads (an unbounded "all users" stays bounded)
     */
    public record Directory(
            @DefaultValue("ou=people") String userSearchBase,
            @DefaultValue("(objectClass=inetOrgPerson)") @NotBlank String userSearchFilter,
            @DefaultValue("uid") @NotBlank String userIdAttribute,
            @DefaultValue("givenName") @NotBlank String firstNameAttribute,
            @DefaultValue("sn") @NotBlank String lastNameAttribute,
            @DefaultValue("mail") @NotBlank String emailAttribute,
            @DefaultValue("ou=groups") String groupSearchBase,
            @DefaultValue("(objectClass=groupOfNames)") @NotBlank String groupSearchFilter,
            @DefaultValue("cn") @NotBlank String groupIdAttribute,
            @DefaultValue("cn") @NotBlank String groupNameAttribute,
            @DefaultValue("member") @NotBlank String groupMemberAttribute,
            @DefaultValue("1000") @Min(1) @Max(100000) int maxResults) {
    }
}
