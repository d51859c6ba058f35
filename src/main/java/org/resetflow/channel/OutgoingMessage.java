package org.resetflow.channel;

import java.util.Locale;

/**
 * One message to one recipient. {@code body} is the plain text (of an email, a text message, or what a call says);
 * {@code html} is an email's HTML alternative, or null. {@code code} is the one-time code the message carries, if
 * any: real senders ignore it (it is already in the body); the development outbox shows it so that tests and demos
 * can read it. {@code locale} is the recipient's language, which a call speaks in.
 */
public record OutgoingMessage(Channel channel, String to, String subject, String body, String html, String code, Locale locale) {

    public OutgoingMessage(Channel channel, String to, String subject, String body, String code) {
        this(channel, to, subject, body, null, code, Locale.ENGLISH);
    }

    @Override
    public String toString() {
        return "OutgoingMessage[" + channel + " to " + to + ", subject " + subject + "]";
    }
}
