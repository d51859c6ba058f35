package org.resetflow.notification;

import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.channel.Channels;
import org.resetflow.directory.DirectoryAccounts;
import org.resetflow.engine.Deliveries;
import org.resetflow.engine.Vars;
import org.springframework.stereotype.Component;

/** "Tell the user the helpdesk has the request": on every address the account has, even if nothing is registered. */
@Component("notifyEscalationReceivedDelegate")
class NotifyEscalationReceivedDelegate implements JavaDelegate {

    private final JourneyNotifications notifications;
    private final DirectoryAccounts accounts;

    NotifyEscalationReceivedDelegate(JourneyNotifications notifications, DirectoryAccounts accounts) {
        this.notifications = notifications;
        this.accounts = accounts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.tellUser(Deliveries.of(execution), Channels.Notice.ESCALATION_RECEIVED, accounts.require((String) execution.getVariable(Vars.USERNAME)),
                Locale.forLanguageTag((String) execution.getVariable(Vars.LOCALE)), null);
    }
}
