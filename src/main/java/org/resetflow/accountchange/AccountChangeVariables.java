package org.resetflow.accountchange;

/**
 * The variables of changing an account: the new password's confirmation and which directories were written.
 * A change here is a change of the contract with {@code processes/}.
 */
public final class AccountChangeVariables {

    public static final String INPUT_PASSWORD_CONFIRMATION = "passwordConfirmation";
    public static final String ON_PREMISES_WRITTEN = "onPremisesWritten";
    public static final String CLOUD_WRITTEN = "cloudWritten";

    private AccountChangeVariables() {
    }
}
