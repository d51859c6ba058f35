package org.resetflow.channel;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.resetflow.config.Helpdesk;
import org.resetflow.config.OrganisationProperties;
import org.resetflow.verification.Method;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Composes the messages users receive, in their language, and hands each to the sender of its channel:
 * a real sender where one is configured, otherwise the development outbox (embedded profile only).
 */
@Component
public class Channels {

    /** Messages about a journey's outcome, sent to every registered address. */
    public enum Notice { PASSWORD_RESET, ACCOUNT_UNLOCKED, REGISTRATION_CONFIRMED, TEMPORARY_PASSWORD_SET, ESCALATION_REFUSED }

    private final Map<Channel, MessageSender> senders = new EnumMap<>(Channel.class);
    private final MessageSource messages;
    private final OrganisationProperties organisation;
    private final Helpdesk helpdesk;
    private final int codeLifetimeMinutes;

    public Channels(List<MessageSender> available, MessageSource messages, OrganisationProperties organisation, Helpdesk helpdesk,
                    org.resetflow.verification.VerificationProperties verification) {
        for (Channel channel : Channel.values()) {
            available.stream()
                    .filter(sender -> sender.channels().contains(channel))
                    .min((a, b) -> Boolean.compare(a instanceof DevOutbox, b instanceof DevOutbox))
                    .ifPresent(sender -> senders.put(channel, sender));
        }
        this.messages = messages;
        this.organisation = organisation;
        this.helpdesk = helpdesk;
        this.codeLifetimeMinutes = (int) Math.max(1, verification.codeLifetime().toMinutes());
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
            case QUESTIONS -> throw new IllegalArgumentException("Security questions send no code");
        };
    }

    public void sendCode(Method method, String destination, String code, Locale locale) {
        Channel channel = channelOf(method);
        String spoken = String.join(", ", code.split(""));
        Object[] args = {organisation.name(), channel == Channel.VOICE ? spoken : code, codeLifetimeMinutes, helpdesk.textAndUrl(locale)};
        String subject = channel == Channel.EMAIL ? text("channel.code.subject", args, locale) : null;
        String body = text("channel.code." + channel.name() + ".body", args, locale);
        sender(channel).send(new OutgoingMessage(channel, destination, subject, body, code));
    }

    /** Tells the user about the outcome on the directory mail and the registered alternate email and mobile. */
    public void notify(Notice notice, String username, Set<String> emails, String mobile, Locale locale, Object detail) {
        Object[] args = {organisation.name(), username, detail == null ? "" : detail, helpdesk.textAndUrl(locale)};
        String key = "channel.notice." + notice.name();
        Set<String> recipients = new LinkedHashSet<>();
        emails.stream().filter(e -> e != null && !e.isBlank()).forEach(recipients::add);
        for (String email : recipients) {
            sender(Channel.EMAIL).send(new OutgoingMessage(Channel.EMAIL, email, text(key + ".subject", args, locale),
                    text(key + ".body", args, locale), null));
        }
        if (mobile != null && supports(Channel.SMS)) {
            sender(Channel.SMS).send(new OutgoingMessage(Channel.SMS, mobile, null, text(key + ".sms", args, locale), null));
        }
    }

    /** Tells the other administrators that an administrator's password was reset. */
    public void notifyAdministrator(String administratorEmail, String resetUsername, Locale locale) {
        Object[] args = {organisation.name(), resetUsername, "", helpdesk.textAndUrl(locale)};
        sender(Channel.EMAIL).send(new OutgoingMessage(Channel.EMAIL, administratorEmail,
                text("channel.notice.ADMINISTRATOR_RESET.subject", args, locale),
                text("channel.notice.ADMINISTRATOR_RESET.body", args, locale), null));
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
