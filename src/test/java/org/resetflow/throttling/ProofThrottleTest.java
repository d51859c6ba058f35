package org.resetflow.throttling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resetflow.testing.MutableClock;
import org.resetflow.testing.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

class ProofThrottleTest {

    private static final ThrottlingProperties.StaffSignIn STAFF = new ThrottlingProperties.StaffSignIn(3, 5, Duration.ofMinutes(15));
    private static final ThrottlingProperties DEFAULTS = new ThrottlingProperties(5, Duration.ofHours(24), Duration.ofHours(24), 10, 10, 60, 120, STAFF);

    private final MutableClock clock = MutableClock.atSomeMoment();
    private ProofThrottle throttle;
    private TransactionTemplate transactions;

    @BeforeEach
    void freshDatabase() {
        DataSource dataSource = TestDatabases.migratedH2();
        throttle = new ProofThrottle(JdbcClient.create(dataSource), DEFAULTS, clock);
        transactions = TestDatabases.transactions(dataSource);
    }

    @Test
    void fourFailuresDoNotLockTheAccountOut() {
        for (int i = 1; i <= 4; i++) {
            assertThat(fail("jane.doe")).as("failure %d", i).isEmpty();
            clock.advance(Duration.ofMinutes(5));
        }

        assertThat(lockedOutUntil("jane.doe")).isEmpty();
    }

    @Test
    void theFifthFailureLocksTheAccountOutFor24Hours() {
        failTimes("jane.doe", 4);
        Instant fifth = clock.instant();

        Optional<Instant> lockedUntil = fail("jane.doe");

        assertThat(lockedUntil).contains(fifth.plus(Duration.ofHours(24)));
        assertThat(lockedOutUntil("jane.doe")).contains(fifth.plus(Duration.ofHours(24)));
        clock.advance(Duration.ofHours(23).plusMinutes(59));
        assertThat(lockedOutUntil("jane.doe")).contains(fifth.plus(Duration.ofHours(24)));
    }

    @Test
    void furtherFailuresWhileLockedOutDoNotExtendTheLockOut() {
        failTimes("jane.doe", 5);
        Instant end = lockedOutUntil("jane.doe").orElseThrow();

        clock.advance(Duration.ofHours(1));

        assertThat(fail("jane.doe")).contains(end);
        assertThat(lockedOutUntil("jane.doe")).contains(end);
    }

    @Test
    void theLockOutEndsAfterTheLockoutDurationAndCountingStartsAgain() {
        failTimes("jane.doe", 5);

        clock.advance(Duration.ofHours(24));

        assertThat(lockedOutUntil("jane.doe")).isEmpty();
        for (int i = 1; i <= 4; i++) {
            assertThat(fail("jane.doe")).as("failure %d after the lock-out", i).isEmpty();
        }
        assertThat(fail("jane.doe")).contains(clock.instant().plus(Duration.ofHours(24)));
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() {
        failTimes("jane.doe", 4);

        clock.advance(Duration.ofHours(24).plusSeconds(1));

        for (int i = 1; i <= 4; i++) {
            assertThat(fail("jane.doe")).as("failure %d in the new window", i).isEmpty();
        }
        assertThat(lockedOutUntil("jane.doe")).isEmpty();
        assertThat(fail("jane.doe")).as("fifth failure in the new window").isPresent();
    }

    @Test
    void failuresWithinTheWindowCountEvenWhenSpreadOverItsWholeLength() {
        fail("jane.doe");
        clock.advance(Duration.ofHours(6));
        fail("jane.doe");
        clock.advance(Duration.ofHours(6));
        fail("jane.doe");
        clock.advance(Duration.ofHours(6));
        fail("jane.doe");
        clock.advance(Duration.ofHours(6));

        assertThat(fail("jane.doe")).isPresent();
    }

    @Test
    void theWindowSlidesSoFailuresOnBothSidesOfTheFirstFailuresDayAddUp() {
        fail("jane.doe");
        clock.advance(Duration.ofHours(23).plusMinutes(59));
        failTimes("jane.doe", 3);
        clock.advance(Duration.ofMinutes(2));

        assertThat(fail("jane.doe")).as("four failures in the last 24 hours").isEmpty();
        assertThat(fail("jane.doe")).as("five failures in the last 24 hours, within four minutes").isPresent();
    }

    @Test
    void twoAccountsAreIndependent() {
        failTimes("jane.doe", 5);
        failTimes("john.roe", 4);

        assertThat(lockedOutUntil("jane.doe")).isPresent();
        assertThat(lockedOutUntil("john.roe")).isEmpty();
        assertThat(lockedOutUntil("nobody")).isEmpty();
    }

    @Test
    void aFailureCountsOnlyWhenTheCallersTransactionCommits() {
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < 5; i++) {
                throttle.recordFailure("jane.doe");
            }
            status.setRollbackOnly();
        });

        assertThat(lockedOutUntil("jane.doe")).isEmpty();
        failTimes("jane.doe", 4);
        assertThat(lockedOutUntil("jane.doe")).isEmpty();
    }

    private void failTimes(String account, int times) {
        for (int i = 0; i < times; i++) {
            fail(account);
        }
    }

    private Optional<Instant> fail(String account) {
        return inTransaction(() -> throttle.recordFailure(account));
    }

    private Optional<Instant> lockedOutUntil(String account) {
        return inTransaction(() -> throttle.lockedOutUntil(account));
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }
}
