package org.resetflow.throttling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resetflow.testing.MutableClock;
import org.resetflow.testing.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;

class SelfServiceBlocksTest {

    private final MutableClock clock = MutableClock.atSomeMoment();
    private SelfServiceBlocks blocks;

    @BeforeEach
    void freshDatabase() {
        blocks = new SelfServiceBlocks(JdbcClient.create(TestDatabases.migratedH2()), clock);
    }

    @Test
    void aBlockedAccountStaysBlockedWhateverTheTimeUntilItsBlockIsLifted() {
        blocks.block("jane.doe", "report-1");

        clock.advance(Duration.ofDays(400));
        assertThat(blocks.isBlocked("jane.doe")).isTrue();

        blocks.lift("report-1");
        assertThat(blocks.isBlocked("jane.doe")).isFalse();
    }

    @Test
    void aBlockConcernsItsAccountOnly() {
        blocks.block("jane.doe", "report-1");

        assertThat(blocks.isBlocked("john.doe")).isFalse();
        assertThat(blocks.isBlocked("jane.do")).isFalse();
    }

    @Test
    void anAccountStaysBlockedWhileAnyOfItsReportsIsOpen() {
        blocks.block("jane.doe", "report-1");
        blocks.block("jane.doe", "report-2");

        blocks.lift("report-1");
        assertThat(blocks.isBlocked("jane.doe")).isTrue();

        blocks.lift("report-2");
        assertThat(blocks.isBlocked("jane.doe")).isFalse();
    }

    @Test
    void liftingAReportThatBlocksNothingChangesNothing() {
        blocks.block("jane.doe", "report-1");

        blocks.lift("report-9");

        assertThat(blocks.isBlocked("jane.doe")).isTrue();
    }
}
