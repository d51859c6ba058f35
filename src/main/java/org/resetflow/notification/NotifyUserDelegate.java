package org.resetflow.notification;

import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.camunda.JourneyFacts;
import org.resetflow.channel.Channels;
import org.resetflow.directory.Account;
import org.resetflow.directory.DirectoryAccounts;
import org.resetflow.engine.Deliveries;
import org.resetflow.engine.Vars;
import org.resetflow.notme.NotMeLinks;
import org.springframework.stereotype.Component;

/**
 * "Notify the user" that the journey succeeded, so that a reset the user did not make is noticed: a notice of a
 * recovery carries a "this was not me" link bound to the account and the journey. The model names the notice in
 * the input parameter {@code noticeTemplate} (a {@link Channels.Notice}).
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
        Account account = accounts.require((String) execution.getVariable(Vars.USERNAME));
        Locale locale = Locale.forLanguageTag((String) execution.getVariable(Vars.LOCALE));
        if (notice.tellsOfRecovery()) {
            notifications.tellUserOfRecovery(Deliveries.of(execution), notice, account, locale, recoveredIn(execution, account, notice));
        } else {
            notifications.tellUser(Deliveries.of(execution), notice, account, locale, null);
        }
    }

    /** The journey a notice of recovery tells of, for its "not me" link: the flow (business key) and the journey's instance. */
    static NotMeLinks.Binding recoveredIn(DelegateExecution execution, Account account, Channels.Notice notice) {
        return new NotMeLinks.Binding((String) execution.getVariable(Vars.ACCOUNT_KEY), account.username(), execution.getProcessBusinessKey(),
                JourneyFacts.journeyId(execution), notice.name());
    }
}
