package org.resetflow.directory;

/**
 * The on-premises directory that synced and federated accounts are written back to.
 * A refusal by the directory's password policy is an {@link OnPremisesPolicyRejectedException};
 * every other failure is technical and worth a retry ({@link DirectoryUnavailableException}).
 */
public interface OnPremisesDirectory {

    void setPassword(Account account, String newPassword, boolean mustChange);

    /**
     * Sets the password as {@link #setPassword} does, for a write that an earlier attempt may already have made: the
     * attempt's job did not commit (its node died, or the directory's answer was lost), so the job runs again. When the
     * directory refuses the password for a reason it would give the same password written twice (in use, used
     * recently, changed too recently) and a bind with it succeeds, the earlier attempt succeeded: the password is set,
     * the rest of the write is made, and nothing is refused. A first attempt never binds as the user.
     */
    void setPasswordAgain(Account account, String newPassword, boolean mustChange);

    void clearLockout(Account account);

    /**
     * Whether the account is too powerful to be reset through writeback (Active Directory's {@code adminCount=1}, or a
     * member of a configured protected group): such accounts go to the helpdesk.
     */
    boolean isProtected(Account account);

    /**
     * Asks the directory what {@link #isProtected} asks, for a username whose answer does not matter (an account
     * that is not written back, or none at all), and ignores the answer: a journey for such a username then costs,
     * and fails while the directory is down, like one for a synced account, so neither its time nor an outage
     * tells them apart. Throws {@link DirectoryUnavailableException} when the directory does not answer.
     */
    void probe(String username);
}
