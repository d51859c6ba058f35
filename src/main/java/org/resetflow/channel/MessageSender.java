package org.resetflow.channel;

import java.util.Set;

/** Delivers messages over some channels. A failure to deliver is an exception: the caller's job is retried. */
public interface MessageSender {

    Set<Channel> channels();

    void send(OutgoingMessage message);
}
