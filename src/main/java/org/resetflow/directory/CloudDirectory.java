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

    /**
     * Sets the password as {@link #setPassword} does, for a write that an earlier attempt may already have made: the
     * attempt's job did not commit (its node died, or the directory's answer was lost), so the job runs again. When the
     * directory refuses the password for a reason it would give the same password written twice (in use, used
     * recently, changed too recently) and a bind with it succeeds, the earlier attempt succeeded: the password is set,
     * the rest of the write is made, and nothing is refused. A first attempt never binds as the user.
     */
    void setPasswordAgain(Account account, String newPassword, boolean mustChange);

    /** Clears the directory's lock-out of the account, without touching the password. */
    void clearLockout(Account account);

    /** The accounts that are members of any of these groups (by group name). */
    java.util.List<Account> findMembers(java.util.Collection<String> groupNames);
}
