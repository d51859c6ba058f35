package org.resetflow.channel;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.resetflow.shared.Helpdesk;
import org.resetflow.shared.Method;
import org.resetflow.shared.OrganisationProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Composes the messages users receive, in their language, and hands each to the sender of its channel: a real
 * sender where one is configured, otherwise the development outbox (embedded profile only).
 */
@Component
public class Channels {

    /**
     * Messages about a journey's outcome, sent to every registered address; each has an email template. Those that
     * tell of a recovery (a password changed, an account unlocked) carry a "this was not me" link.
     */
    public enum Notice {
        PASSWORD_RESET("password-reset", true),
        ACCOUNT_UNLOCKED("account-unlocked", true),
        REGISTRATION_CONFIRMED("registration-confirmed", false),
        TEMPORARY_PASSWORD_SET("temporary-password-set", true),
        HANDLED_BY_DOMAIN_ADMINISTRATORS("escalation-handled", false),
        ESCALATION_RECEIVED("escalation-received", false),
        ESCALATION_REFUSED("escalation-refused", false);

        private final String template;
        private final boolean tellsOfRecovery;

        Notice(String template, boolean tellsOfRecovery) {
            this.template = template;
            this.tellsOfRecovery = tellsOfRecovery;
        }

        /** The mail template (and message keys) this notice uses. */
        String template() {
            return template;
        }

        /** Whether the notice tells of a recovery, which the user must be able to disown: it carries a "not me" link. */
        public boolean tellsOfRecovery() {
            return tellsOfRecovery;
        }
    }

    private static final String CODE_TEMPLATE = "verification-code";
    private static final String ADMINISTRATOR_TEMPLATE = "administrator-password-reset";

    private final Map<Channel, MessageSender> senders = new EnumMap<>(Channel.class);
    private final MessageSource messages;
    private final MailTemplates templates;
    private final OrganisationProperties organisation;
    private final Helpdesk helpdesk;
    private final SentMessages sent;

    public Channels(List<MessageSender> available, MessageSource messages, MailTemplates templates, OrganisationProperties organisation,
                    Helpdesk helpdesk, SentMessages sent) {
        for (Channel channel : Channel.values()) {
            available.stream()
                    .filter(sender -> sender.channels().contains(channel))
                    .min((a, b) -> Boolean.compare(a instanceof DevOutbox, b instanceof DevOutbox))
                    .ifPresent(sender -> senders.put(channel, sender));
        }
        this.messages = messages;
        this.templates = templates;
        this.organisation = organisation;
        this.helpdesk = helpdesk;
        this.sent = sent;
    }

    public boolean supports(Channel channel) {
        return senders.containsKey(channel);
    }

    /** The channel a method's code travels on. */
    public static Channel channelOf(Method method) {
        return switch (method) {
            case EMAIL -> Channel.EMAIL;
            case SMS -> Channel.SMS;
            case VOICE_MOBILE, VOICE_OFFICE -> Channel.VOICE;
            case QUESTIONS, AUTHENTICATOR_APP, PASSKEY -> throw new IllegalArgumentException(method + " sends no code");
        };
    }

    /**
     * Sends a one-time code; the message says how long it is valid (in whole minutes, at least one). {@code delivery}
     * names the sending step (process instance and step): a retry of the step does not send the code again once it
     * went out.
     */
    public void sendCode(String delivery, Method method, String destination, String code, Duration lifetime, Locale locale) {
        Channel channel = channelOf(method);
        int codeLifetimeMinutes = (int) Math.max(1, lifetime.toMinutes());
        if (channel == Channel.EMAIL) {
            Map<String, Object> variables = variables(null, null, locale);
            variables.put("code", code);
            variables.put("minutes", codeLifetimeMinutes);
            sent.once(delivery, destination, () -> email(destination, CODE_TEMPLATE, variables, locale, code));
            return;
        }
        String spoken = String.join(", ", code.split(""));
        Object[] args = {organisation.name(), channel == Channel.VOICE ? spoken : code, codeLifetimeMinutes, helpdesk.textAndUrl(locale)};
        OutgoingMessage message = new OutgoingMessage(channel, destination, null, text("channel.code." + channel.name() + ".body", args, locale),
                null, code, locale);
        sent.once(delivery, destination, () -> sender(channel).send(message));
    }

    /**
     * Tells the user about the outcome on the directory mail, the registered alternate email and the mobile phone;
     * {@code notMeLink}, when not null, is the "this was not me" link every one of the messages carries.
     * {@code delivery} names the sending step: when it is retried because one message failed, the messages that went
     * out are not sent again.
     */
    public void notify(String delivery, Notice notice, String username, Set<String> emails, String mobile, Locale locale, Object detail,
                       String notMeLink) {
        Set<String> recipients = new LinkedHashSet<>();
        emails.stream().filter(e -> e != null && !e.isBlank()).forEach(recipients::add);
        Map<String, Object> variables = variables(username, detail, locale);
        variables.put("notMeLink", notMeLink);
        for (String email : recipients) {
            sent.once(delivery, email, () -> email(email, notice.template, variables, locale, null));
        }
        if (mobile != null && supports(Channel.SMS)) {
            Object[] args = {organisation.name(), username, detail == null ? "" : detail, helpdesk.textAndUrl(locale), notMeLink == null ? "" : notMeLink};
            OutgoingMessage message = new OutgoingMessage(Channel.SMS, mobile, null, text("channel.notice." + notice.name() + ".sms", args, locale),
                    null, null, locale);
            sent.once(delivery, mobile, () -> sender(Channel.SMS).send(message));
        }
    }

    /** Tells another administrator that an administrator's password was reset, once for the sending step {@code delivery}. */
    public void notifyAdministrator(String delivery, String administratorEmail, String resetUsername, Locale locale) {
        sent.once(delivery, administratorEmail, () -> email(administratorEmail, ADMINISTRATOR_TEMPLATE, variables(resetUsername, null, locale),
                locale, null));
    }

    private void email(String to, String template, Map<String, Object> variables, Locale locale, String code) {
        MailTemplates.Rendered rendered = templates.render(template, locale, variables);
        String subject = text("mail." + template + ".subject", new Object[] {organisation.name()}, locale);
        sender(Channel.EMAIL).send(new OutgoingMessage(Channel.EMAIL, to, subject, rendered.text(), rendered.html(), code, locale));
    }

    private Map<String, Object> variables(String username, Object detail, Locale locale) {
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("organisation", organisation.name());
        variables.put("username", username);
        variables.put("detail", detail == null ? "" : detail);
        variables.put("helpdesk", helpdesk.textAndUrl(locale));
        variables.put("helpdeskText", helpdesk.text(locale));
        variables.put("helpdeskUrl", helpdesk.url());
        return variables;
    }

    private MessageSender sender(Channel channel) {
        MessageSender sender = senders.get(channel);
        if (sender == null) {
            throw new DeliveryFailedException("No sender is configured for " + channel + " messages");
        }
        return sender;
    }

    private String text(String key, Object[] args, Locale locale) {
        return messages.getMessage(key, args, locale);
    }
}
