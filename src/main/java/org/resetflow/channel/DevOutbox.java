package org.resetflow.channel;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The development outbox of the embedded profile: every message is recorded here instead of being sent.
 * It holds one-time codes in clear text by design, so it exists in no other profile and never touches disk.
 */
@Component
@Profile("embedded")
public class DevOutbox implements MessageSender {

    private static final Logger log = LoggerFactory.getLogger(DevOutbox.class);
    private static final int CAPACITY = 10_000;

    private final Clock clock;
    private final List<Entry> entries = new ArrayList<>();

    public DevOutbox(Clock clock) {
        this.clock = clock;
    }

    public record Entry(Channel channel, String to, String subject, String body, String code, Instant sentAt) {
    }

    @Override
    public Set<Channel> channels() {
        return EnumSet.allOf(Channel.class);
    }

    @Override
    public synchronized void send(OutgoingMessage message) {
        if (entries.size() >= CAPACITY) {
            entries.remove(0);
        }
        entries.add(new Entry(message.channel(), message.to(), message.subject(), message.body(), message.code(), clock.instant()));
        log.info("Development outbox: {} message to {} recorded (GET /dev/outbox?to=...)", message.channel(), message.to());
    }

    /** Messages to this recipient (email compared case-insensitively), oldest first. */
    public synchronized List<Entry> to(String recipient) {
        String wanted = recipient == null ? null : comparable(recipient);
        return new ArrayList<>(entries.stream()
                .filter(entry -> wanted == null || comparable(entry.to()).equals(wanted))
                .toList());
    }

    /** A '+' in an unencoded query string arrives as a space: compare numbers without either. */
    private static String comparable(String address) {
        return address.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s+]", "");
    }
}
