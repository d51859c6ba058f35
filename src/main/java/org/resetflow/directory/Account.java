package org.resetflow.directory;

/**
 * An account as the cloud directory describes it. Contact attributes maintained by administrators
 * (the office phone) live here; contacts the user registers live in the recovery registration. Group memberships
 * are another search, made only where they decide something ({@link CloudDirectory#groupsOf}).
 */
public record Account(
        String username,
        String dn,
        String displayName,
        String givenName,
        String surname,
        String mail,
        IdentitySource identitySource,
        String officePhone,
        boolean lockedOut) {
}
