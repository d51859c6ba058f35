package org.resetflow.channel;

/**
 * One message to one recipient. {@code code} is the one-time code the message carries, if any: real senders
 * ignore it (it is already in the body); the development outbox shows it so that tests and demos can read it.
 */
public record OutgoingMessage(Channel channel, String to, String subject, String body, String code) {

    @Override
    public String toString() {
        return "OutgoingMessage[" + channel + " to " + to + ", subject " + subject + "]";
    }
}
