package org.resetflow.channel;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
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
    static final int CAPACITY = 10_000;
    private static final Pattern WHITESPACE_OR_PLUS = Pattern.compile("[\\s+]");

    private final Clock clock;
    private final Deque<Entry> entries = new ArrayDeque<>();
    /** The same entries by recipient, so that reading one recipient's messages does not scan the whole outbox. */
    private final Map<String, Deque<Entry>> byRecipient = new HashMap<>();

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
            String oldest = comparable(entries.removeFirst().to());
            Deque<Entry> recipient = byRecipient.get(oldest);
            recipient.removeFirst();
            if (recipient.isEmpty()) {
                byRecipient.remove(oldest);
            }
        }
        Entry entry = new Entry(message.channel(), message.to(), message.subject(), message.body(), message.code(), clock.instant());
        entries.addLast(entry);
        byRecipient.computeIfAbsent(comparable(entry.to()), to -> new ArrayDeque<>()).addLast(entry);
        log.info("Development outbox: {} message to {} recorded (GET /dev/outbox?to=...)", message.channel(), message.to());
    }

    /** Messages to this recipient (email compared case-insensitively), oldest first. */
    public synchronized List<Entry> to(String recipient) {
        if (recipient == null) {
            return new ArrayList<>(entries);
        }
        return new ArrayList<>(byRecipient.getOrDefault(comparable(recipient), new ArrayDeque<>()));
    }

    /** A '+' in an unencoded query string arrives as a space: compare numbers without either. */
    private static String comparable(String address) {
        return WHITESPACE_OR_PLUS.matcher(address.trim().toLowerCase(Locale.ROOT)).replaceAll("");
    }
}
