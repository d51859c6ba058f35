package org.resetflow.notification;

import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.directory.DirectoryAccounts;
import org.resetflow.engine.Vars;
import org.springframework.stereotype.Component;
import org.resetflow.channel.Channels;

/** "Notify the user" that the journey succeeded, so that a reset the user did not make is noticed. */
@Component("notifyUserDelegate")
class NotifyUserDelegate implements JavaDelegate {

    private final JourneyNotifications notifications;
    private final DirectoryAccounts accounts;

    NotifyUserDelegate(JourneyNotifications notifications, DirectoryAccounts accounts) {
        this.notifications = notifications;
        this.accounts = accounts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Channels.Notice notice = switch ((String) execution.getVariable(Vars.JOURNEY)) {
            case "unlock" -> Channels.Notice.ACCOUNT_UNLOCKED;
            case "registration" -> Channels.Notice.REGISTRATION_CONFIRMED;
            default -> Channels.Notice.PASSWORD_RESET;
        };
        notifications.tellUser(notice, accounts.require((String) execution.getVariable(Vars.USERNAME)),
                Locale.forLanguageTag((String) execution.getVariable(Vars.LOCALE)), null);
    }
}
