package org.resetflow.directory;

/**
 * The on-premises directory that synced and federated accounts are written back to.
 * A refusal by the directory's password policy is an {@link OnPremisesPolicyRejectedException};
 * every other failure is technical and worth a retry ({@link DirectoryUnavailableException}).
 */
public interface OnPremisesDirectory {

    void setPassword(Account account, String newPassword, boolean mustChange);

    void clearLockout(Account account);

    /**
     * Whether the account is too powerful to be reset through writeback (Active Directory's {@code adminCount=1}, or a
     * member of a configured protected group): such accounts go to the helpdesk.
     */
    boolean isProtected(Account account);
}
