package org.resetflow.notification;

import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resetflow.directory.DirectoryAccounts;
import org.resetflow.engine.Vars;
import org.springframework.stereotype.Component;
import org.resetflow.channel.Channels;

/**
 * "Notify the user" of the helpdesk's decision on an escalated journey. An approved escalation of a protected
 * account wrote nothing (its domain administrators take care of it), and the user is told so.
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
        boolean approved = "APPROVE".equals(execution.getVariable(Vars.DECISION));
        Channels.Notice notice = !approved ? Channels.Notice.ESCALATION_REFUSED
                : Boolean.TRUE.equals(execution.getVariable(Vars.PROTECTED_ACCOUNT)) ? Channels.Notice.HANDLED_BY_DOMAIN_ADMINISTRATORS
                : "unlock".equals(execution.getVariable(Vars.JOURNEY)) ? Channels.Notice.ACCOUNT_UNLOCKED
                : Channels.Notice.TEMPORARY_PASSWORD_SET;
        notifications.tellUser(notice, accounts.require((String) execution.getVariable(Vars.USERNAME)),
                Locale.forLanguageTag((String) execution.getVariable(Vars.LOCALE)),
                approved ? null : execution.getVariable(Vars.REFUSAL_REASON));
    }
}
