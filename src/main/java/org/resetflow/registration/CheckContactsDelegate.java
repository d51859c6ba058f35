package org.resetflow.registration;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.directory.Account;
import org.resetflow.directory.DirectoryAccounts;
import org.resetflow.engine.FieldErrors;
import org.resetflow.engine.Vars;
import org.resetflow.recoveryinfo.Contacts;
import org.resetflow.recoveryinfo.RecoveryInfo;
import org.resetflow.recoveryinfo.RecoveryRegistrations;
import org.springframework.stereotype.Component;

/**
 * "Check the contacts": a valid alternate email that is not the work address, a valid phone number (stored as
 * E.164). Only new or changed contacts need a code; an empty field keeps what was registered. The model counts the
 * steps that follow from them.
 */
@Component("checkContactsDelegate")
class CheckContactsDelegate implements JavaDelegate {

    private final Contacts contacts;
    private final DirectoryAccounts accounts;
    private final RecoveryRegistrations registrations;

    CheckContactsDelegate(Contacts contacts, DirectoryAccounts accounts, RecoveryRegistrations registrations) {
        this.contacts = contacts;
        this.accounts = accounts;
        this.registrations = registrations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String typedEmail = blankToNull(execution.getVariable(RegistrationVariables.INPUT_ALTERNATE_EMAIL));
        String typedMobile = blankToNull(execution.getVariable(RegistrationVariables.INPUT_MOBILE_PHONE));
        Account account = accounts.require((String) execution.getVariable(Vars.USERNAME));
        RecoveryInfo registered = registrations.find((String) execution.getVariable(Vars.ACCOUNT_KEY));
        FieldErrors errors = new FieldErrors();

        Optional<String> email = typedEmail == null ? Optional.empty() : contacts.email(typedEmail);
        if (typedEmail != null && email.isEmpty()) {
            errors.add(RegistrationVariables.INPUT_ALTERNATE_EMAIL, "EMAIL_INVALID");
        } else if (email.isPresent() && email.get().equalsIgnoreCase(account.mail())) {
            errors.add(RegistrationVariables.INPUT_ALTERNATE_EMAIL, "EMAIL_IS_WORK_ADDRESS");
        }
        Optional<String> mobile = typedMobile == null ? Optional.empty() : contacts.phone(typedMobile);
        if (typedMobile != null && mobile.isEmpty()) {
            errors.add(RegistrationVariables.INPUT_MOBILE_PHONE, "PHONE_INVALID");
        }
        if (!errors.isEmpty()) {
            throw errors.raise(execution, "INVALID_CONTACTS");
        }
        String emailToVerify = email.filter(e -> !e.equalsIgnoreCase(registered.alternateEmail())).orElse(null);
        String mobileToVerify = mobile.filter(m -> !m.equals(registered.mobilePhone())).orElse(null);
        execution.setVariable(RegistrationVariables.EMAIL_TO_VERIFY, emailToVerify);
        execution.setVariable(RegistrationVariables.MOBILE_TO_VERIFY, mobileToVerify);
    }

    private static String blankToNull(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
