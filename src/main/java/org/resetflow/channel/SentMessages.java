package org.resetflow.channel;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.resetflow.secret.KeyedHasher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which messages of a delivery (a notice on every address, a code) have gone out, each recorded in a transaction of its
 * own the moment its provider took it: the step that sends is retried as a whole when one message fails (a channel
 * down) or when its own transaction does not commit (the database gone), and the retry then sends only what did not go
 * out. What remains: a message whose provider took it while the database was already gone is sent again, once per
 * retry that meets the same gap. A delivery is named by its caller (the process instance and the step); the recipient
 * is kept as its keyed hash.
 */
@Repository
class SentMessages {

    static final Duration RETENTION = Duration.ofDays(30);
    private static final String CONTEXT = "sent-message";

    private final JdbcClient jdbc;
    private final KeyedHasher hasher;
    private final Clock clock;
    private final TransactionTemplate apart;

    SentMessages(JdbcClient jdbc, KeyedHasher hasher, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.hasher = hasher;
        this.clock = clock;
        this.apart = new TransactionTemplate(transactions);
        this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Sends the message unless this delivery sent it already, and records it as sent at once. */
    void once(String delivery, String recipient, Runnable send) {
        String hash = hasher.hash(CONTEXT, recipient);
        if (jdbc.sql("SELECT COUNT(*) FROM rf_sent_message WHERE delivery = ? AND recipient_hash = ?")
                .params(delivery, hash).query(Integer.class).single() > 0) {
            return;
        }
        send.run();
        apart.executeWithoutResult(status -> jdbc.sql("INSERT INTO rf_sent_message (delivery, recipient_hash, sent_at) VALUES (?, ?, ?)")
                .params(delivery, hash, Timestamp.from(clock.instant())).update());
    }

    /** Long after any retry of the step, operators' included. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT15M")
    int purgeOld() {
        Instant before = clock.instant().minus(RETENTION);
        return jdbc.sql("DELETE FROM rf_sent_message WHERE sent_at < ?").param(Timestamp.from(before)).update();
    }
}
