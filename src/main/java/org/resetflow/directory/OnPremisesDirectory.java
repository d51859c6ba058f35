package org.resetflow.directory;

/**
 * The on-premises directory that synced and federated accounts are written back to.
 * A refusal by the directory's password policy is an {@link OnPremisesPolicyRejectedException};
 * every other failure is technical and worth a retry ({@link DirectoryUnavailableException}).
 */
public interface OnPremisesDirectory {

    void setPassword(Account account, String newPassword, boolean mustChange);

    void clearLockout(Account account);
}
