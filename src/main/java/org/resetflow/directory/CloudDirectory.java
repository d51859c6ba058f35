package org.resetflow.directory;

import java.util.Optional;
import java.util.Set;

/** The primary directory where accounts live. Implementations throw {@link DirectoryUnavailableException} for technical failures. */
public interface CloudDirectory {

    /** Finds an account by its login name (uid, or the user principal name / mail). */
    Optional<Account> findAccount(String username);

    /** The names of the groups the account is a direct member of. */
    Set<String> groupsOf(Account account);

    /** True when a simple bind as the account with this password succeeds. */
    boolean authenticate(Account account, String password);

    /** Sets the password; when {@code mustChange}, the user must change it at next sign-in. */
    void setPassword(Account account, String newPassword, boolean mustChange);

    /** Clears the directory's lock-out of the account, without touching the password. */
    void clearLockout(Account account);

    /** The accounts that are members of any of these groups (by group name). */
    java.util.List<Account> findMembers(java.util.Collection<String> groupNames);
}
