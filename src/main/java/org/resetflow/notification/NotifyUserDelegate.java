package org.resetflow.notification;

import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.channel.Channels;
import org.resetflow.directory.DirectoryAccounts;
import org.resetflow.engine.Vars;
import org.springframework.stereotype.Component;

/**
 * "Notify the user" that the journey succeeded, so that a reset the user did not make is noticed. The model names
 * the notice in the input parameter {@code noticeTemplate} (a {@link Channels.Notice}).
 */
@Component("notifyUserDelegate")
class NotifyUserDelegate implements JavaDelegate {

    static final String NOTICE_TEMPLATE = "noticeTemplate";

    private final JourneyNotifications notifications;
    private final DirectoryAccounts accounts;

    NotifyUserDelegate(JourneyNotifications notifications, DirectoryAccounts accounts) {
        this.notifications = notifications;
        this.accounts = accounts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Channels.Notice notice = Channels.Notice.valueOf((String) execution.getVariable(NOTICE_TEMPLATE));
        notifications.tellUser(notice, accounts.require((String) execution.getVariable(Vars.USERNAME)),
                Locale.forLanguageTag((String) execution.getVariable(Vars.LOCALE)), null);
    }
}
