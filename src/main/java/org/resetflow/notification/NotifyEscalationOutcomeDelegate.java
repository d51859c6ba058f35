package org.resetflow.notification;

import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.channel.Channels;
import org.resetflow.directory.Account;
import org.resetflow.directory.DirectoryAccounts;
import org.resetflow.engine.Deliveries;
import org.resetflow.engine.Vars;
import org.resetflow.escalation.EscalationVariables;
import org.springframework.stereotype.Component;

/**
 * "Notify the user" of the helpdesk's decision on an escalated journey: the model names the notice in the input
 * parameter {@code noticeTemplate} (a {@link Channels.Notice}). An approved escalation of a protected account wrote
 * nothing (its domain administrators take care of it), and the user is told so; a refusal comes with its reason. A
 * temporary password or an unlock is a recovery: its notice carries a "this was not me" link.
 */
@Component("notifyEscalationOutcomeDelegate")
class NotifyEscalationOutcomeDelegate implements JavaDelegate {

    private final JourneyNotifications notifications;
    private final DirectoryAccounts accounts;

    NotifyEscalationOutcomeDelegate(JourneyNotifications notifications, DirectoryAccounts accounts) {
        this.notifications = notifications;
        this.accounts = accounts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean approved = "APPROVE".equals(execution.getVariable(EscalationVariables.DECISION));
        Channels.Notice notice = Channels.Notice.valueOf((String) execution.getVariable(NotifyUserDelegate.NOTICE_TEMPLATE));
        Account account = accounts.require((String) execution.getVariable(Vars.USERNAME));
        Locale locale = Locale.forLanguageTag((String) execution.getVariable(Vars.LOCALE));
        if (approved && notice.tellsOfRecovery()) {
            notifications.tellUserOfRecovery(Deliveries.of(execution), notice, account, locale, NotifyUserDelegate.recoveredIn(execution, account, notice));
        } else {
            notifications.tellUser(Deliveries.of(execution), notice, account, locale, approved ? null : execution.getVariable(EscalationVariables.REFUSAL_REASON));
        }
    }
}
