package org.resetflow.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.resetflow.testing.ExpectedLog;

class DevOutboxTest {

    /** A line for each message recorded: thousands, when the outbox is filled. */
    @RegisterExtension
    final ExpectedLog log = ExpectedLog.of(DevOutbox.class);

    private final DevOutbox outbox = new DevOutbox(Clock.systemUTC());

    @Test
    void findsARecipientsMessagesWhateverTheCaseOrTheSpellingOfTheNumber() {
        outbox.send(new OutgoingMessage(Channel.EMAIL, "Alice.Alt@Example.org", "Code", "Your code", "11112222"));
        outbox.send(new OutgoingMessage(Channel.SMS, "+1 202 555 0101", null, "Your code", "33334444"));
        outbox.send(new OutgoingMessage(Channel.EMAIL, "alice.alt@example.org", "Code", "Your code", "55556666"));

        assertThat(outbox.to("ALICE.alt@example.org")).extracting(DevOutbox.Entry::code).containsExactly("11112222", "55556666");
        assertThat(outbox.to(" 12025550101")).extracting(DevOutbox.Entry::code).containsExactly("33334444");
        assertThat(outbox.to(null)).hasSize(3);
        assertThat(outbox.to("nobody@example.org")).isEmpty();
    }

    @Test
    void whenFullTheOldestMessageGoesForEveryReader() {
        outbox.send(new OutgoingMessage(Channel.EMAIL, "first@example.org", "Code", "Your code", "00000000"));
        for (int i = 1; i < DevOutbox.CAPACITY; i++) {
            outbox.send(new OutgoingMessage(Channel.EMAIL, "many@example.org", "Code", "Your code", null));
        }
        assertThat(outbox.to("first@example.org")).hasSize(1);

        outbox.send(new OutgoingMessage(Channel.EMAIL, "last@example.org", "Code", "Your code", "99999999"));

        assertThat(outbox.to("first@example.org")).isEmpty();
        assertThat(outbox.to(null)).hasSize(DevOutbox.CAPACITY);
        assertThat(outbox.to("last@example.org")).extracting(DevOutbox.Entry::code).containsExactly("99999999");
        assertThat(log.lines()).hasSize(DevOutbox.CAPACITY + 1).last()
                .satisfies(line -> assertThat(line.message()).isEqualTo("Development outbox: EMAIL message to last@example.org recorded (GET /dev/outbox?to=...)"));
    }
}
