package org.resetflow.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resetflow.secret.KeyedHasher;
import org.resetflow.secret.SecurityProperties;
import org.resetflow.secret.ServerSecret;
import org.resetflow.testing.MutableClock;
import org.resetflow.testing.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A step that sends several messages and is retried sends each of them once, even when its own transaction rolls back. */
class SentMessagesTest {

    private final MutableClock clock = MutableClock.atSomeMoment();
    private final List<String> outbox = new ArrayList<>();
    private DataSource dataSource;
    private SentMessages sent;
    private TransactionTemplate step;

    @BeforeEach
    void freshDatabase() {
        dataSource = TestDatabases.migratedH2();
        sent = new SentMessages(JdbcClient.create(dataSource), new KeyedHasher(new ServerSecret(new SecurityProperties(
                "a-test-secret-that-is-long-enough-0123456789", null))), clock, new DataSourceTransactionManager(dataSource));
        step = TestDatabases.transactions(dataSource);
    }

    @Test
    void aRetryOfAStepThatFailedAfterItsFirstMessageSendsOnlyTheRest() {
        assertThatThrownBy(() -> step.executeWithoutResult(status -> {
            sent.once("journey-1:notifyUser", "alice@example.org", () -> outbox.add("alice@example.org"));
            sent.once("journey-1:notifyUser", "+12025550101", () -> {
                throw new DeliveryFailedException("SMS to +12025550101 could not reach Twilio");
            });
        })).isInstanceOf(DeliveryFailedException.class);

        step.executeWithoutResult(status -> {
            sent.once("journey-1:notifyUser", "alice@example.org", () -> outbox.add("alice@example.org"));
            sent.once("journey-1:notifyUser", "+12025550101", () -> outbox.add("+12025550101"));
        });
        assertThat(outbox).containsExactly("alice@example.org", "+12025550101");
    }

    @Test
    void whatWentOutStaysRecordedWhenTheStepsTransactionRollsBack() {
        assertThatThrownBy(() -> step.executeWithoutResult(status -> {
            sent.once("journey-1:notifyUser", "alice@example.org", () -> outbox.add("alice@example.org"));
            throw new IllegalStateException("the commit failed: the database went away");
        })).isInstanceOf(IllegalStateException.class);

        sent.once("journey-1:notifyUser", "alice@example.org", () -> outbox.add("again"));
        assertThat(outbox).containsExactly("alice@example.org");
    }

    @Test
    void eachDeliveryAndEachRecipientIsItsOwn() {
        sent.once("journey-1:notifyUser", "alice@example.org", () -> outbox.add("1"));
        sent.once("journey-1:notifyUser", "alice.alt@example.org", () -> outbox.add("2"));
        sent.once("journey-2:notifyUser", "alice@example.org", () -> outbox.add("3"));
        sent.once("journey-1:notifyAdministrators", "alice@example.org", () -> outbox.add("4"));
        sent.once("journey-1:notifyUser", "alice@example.org", () -> outbox.add("twice"));
        assertThat(outbox).containsExactly("1", "2", "3", "4");
    }

    @Test
    void aFailedSendIsNotRecorded() {
        assertThatThrownBy(() -> sent.once("journey-1:sendCode", "bob.alt@example.org", () -> {
            throw new DeliveryFailedException("Email to bob.alt@example.org could not be sent: MailSendException");
        })).isInstanceOf(DeliveryFailedException.class);
        sent.once("journey-1:sendCode", "bob.alt@example.org", () -> outbox.add("bob.alt@example.org"));
        assertThat(outbox).containsExactly("bob.alt@example.org");
    }

    @Test
    void recipientsAreKeptOnlyAsKeyedHashesAndForThirtyDays() {
        sent.once("journey-1:notifyUser", "alice@example.org", () -> outbox.add("1"));
        JdbcClient jdbc = JdbcClient.create(dataSource);
        assertThat(jdbc.sql("SELECT recipient_hash FROM rf_sent_message").query(String.class).list()).singleElement()
                .satisfies(hash -> assertThat(hash).doesNotContain("alice").hasSize(64));

        clock.advance(Duration.ofDays(29));
        assertThat(sent.purgeOld()).isZero();
        clock.advance(Duration.ofDays(2));
        assertThat(sent.purgeOld()).isEqualTo(1);
        sent.once("journey-1:notifyUser", "alice@example.org", () -> outbox.add("after the retention"));
        assertThat(outbox).containsExactly("1", "after the retention");
    }
}
