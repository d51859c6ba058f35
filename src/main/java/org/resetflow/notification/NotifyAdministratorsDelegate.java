package org.resetflow.notification;

import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.directory.DirectoryAccounts;
import org.resetflow.eligibility.PolicyProperties;
import org.resetflow.engine.Deliveries;
import org.resetflow.engine.Vars;
import org.springframework.stereotype.Component;

/** "Notify the other administrators": an administrator's password reset is everyone's business. */
@Component("notifyAdministratorsDelegate")
class NotifyAdministratorsDelegate implements JavaDelegate {

    private final JourneyNotifications notifications;
    private final DirectoryAccounts accounts;
    private final PolicyProperties policy;

    NotifyAdministratorsDelegate(JourneyNotifications notifications, DirectoryAccounts accounts, PolicyProperties policy) {
        this.notifications = notifications;
        this.accounts = accounts;
        this.policy = policy;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.tellOtherAdministrators(Deliveries.of(execution), accounts.require((String) execution.getVariable(Vars.USERNAME)),
                policy.administratorGroups(), Locale.forLanguageTag((String) execution.getVariable(Vars.LOCALE)));
    }
}
