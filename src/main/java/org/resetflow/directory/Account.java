package org.resetflow.directory;

import java.util.Set;

/**
 * An account as the cloud directory describes it. Contact attributes maintained by administrators
 * (the office phone) live here; contacts the user registers live in the recovery registration.
 */
public record Account(
        String username,
        String dn,
        String displayName,
        String givenName,
        String surname,
        String mail,
        IdentitySource identitySource,
        Set<String> groups,
        String officePhone,
        boolean lockedOut) {

    public Account {
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }

    public boolean isMemberOfAny(java.util.Collection<String> groupNames) {
        return groupNames.stream().anyMatch(g -> groups.stream().anyMatch(mine -> mine.equalsIgnoreCase(g)));
    }
}
