package org.resetflow.throttling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resetflow.shared.DatabaseUnavailable;
import org.resetflow.testing.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bucket4j measures time with the system clock, so these tests only look at what is refused and accepted right
 * now, and at how long Bucket4j says a refill takes: nothing waits.
 */
class RateLimitsTest {

    private static final ThrottlingProperties.StaffSignIn STAFF = new ThrottlingProperties.StaffSignIn(3, 5, Duration.ofMinutes(15));
    private static final ThrottlingProperties DEFAULTS = new ThrottlingProperties(5, Duration.ofHours(24), Duration.ofHours(24), 10, 10, 60, 120, STAFF);

    private DataSource dataSource;
    private RateLimits limits;
    private ExecutorService threads;

    @BeforeEach
    void freshDatabase() {
        dataSource = TestDatabases.migratedH2();
        limits = new RateLimits(dataSource, DEFAULTS);
    }

    @AfterEach
    void stopThreads() {
        if (threads != null) {
            threads.shutdownNow();
        }
    }

    @Test
    void staffSignInsStopAfterTheAccountsWrongPasswordsWhateverTheCaseOfTheName() {
        for (int i = 1; i <= 3; i++) {
            assertThat(limits.staffSignInAllowed("Helen", "198.51.100." + i)).as("try %d", i).isTrue();
            limits.staffSignInFailed(i % 2 == 0 ? "HELEN" : "helen", "198.51.100." + i);
        }
        assertThat(limits.staffSignInAllowed("helen", "198.51.100.9")).as("from any client").isFalse();
        assertThat(limits.staffSignInAllowed("olivia", "198.51.100.9")).as("another account").isTrue();
    }

    @Test
    void staffSignInsStopAfterTheClientsWrongPasswordsWhateverTheAccount() {
        for (int i = 1; i <= 5; i++) {
            limits.staffSignInFailed("guess" + i, "203.0.113.66");
        }
        assertThat(limits.staffSignInAllowed("helen", "203.0.113.66")).isFalse();
        assertThat(limits.staffSignInAllowed("helen", "203.0.113.67")).isTrue();
    }

    @Test
    void theEleventhCodePerAccountWithinAnHourIsRefused() {
        for (int i = 1; i <= 10; i++) {
            assertThat(limits.tryIssueCode("jane.doe", "jane" + i + "@example.org")).as("code %d", i).isTrue();
        }

        assertThat(limits.tryIssueCode("jane.doe", "jane11@example.org")).isFalse();
        assertThat(limits.tryIssueCode("jane.doe", null)).isFalse();
    }

    @Test
    void anotherAccountIsNotAffectedWhenOneHasSpentItsCodes() {
        for (int i = 1; i <= 11; i++) {
            limits.tryIssueCode("jane.doe", "jane" + i + "@example.org");
        }

        assertThat(limits.tryIssueCode("john.roe", "john@example.org")).isTrue();
    }

    @Test
    void theLimitPerDestinationAppliesAcrossAccountsWhateverTheCaseOfTheAddress() {
        String[] spellings = {"victim@example.org", "VICTIM@example.org", "Victim@Example.Org", "victim@EXAMPLE.ORG"};
        for (int i = 1; i <= 10; i++) {
            assertThat(limits.tryIssueCode("account" + i, spellings[i % spellings.length])).as("code %d", i).isTrue();
        }

        assertThat(limits.tryIssueCode("account11", "ViCtIm@ExAmPlE.oRg")).isFalse();
        assertThat(limits.tryIssueCode("account12", "someone.else@example.org")).isTrue();
    }

    @Test
    void aCodeRefusedForItsDestinationDoesNotUseUpTheAccountsAllowance() {
        for (int i = 1; i <= 10; i++) {
            assertThat(limits.tryIssueCode("sender" + i, "victim@example.org")).isTrue();
        }
        for (int i = 1; i <= 20; i++) {
            assertThat(limits.tryIssueCode("jane.doe", "victim@example.org")).as("refused for the destination").isFalse();
        }

        for (int i = 1; i <= 10; i++) {
            assertThat(limits.tryIssueCode("jane.doe", "jane" + i + "@example.org")).as("code %d for jane's own addresses", i).isTrue();
        }
    }

    @Test
    void codesWithoutADestinationCountOnlyForTheAccount() {
        for (int i = 1; i <= 10; i++) {
            assertThat(limits.tryIssueCode("jane.doe", null)).isTrue();
        }

        assertThat(limits.tryIssueCode("jane.doe", null)).isFalse();
        assertThat(limits.tryIssueCode("john.roe", "jane@example.org")).isTrue();
    }

    @Test
    void clientLimitsCountPerClientAddress() {
        RateLimits small = new RateLimits(dataSource, new ThrottlingProperties(5, Duration.ofHours(24), Duration.ofHours(24), 10, 10, 2, 3, STAFF));

        assertThat(small.tryStartJourney("192.0.2.1")).isTrue();
        assertThat(small.tryStartJourney("192.0.2.1")).isTrue();
        assertThat(small.tryStartJourney("192.0.2.1")).isFalse();
        assertThat(small.tryStartJourney("192.0.2.2")).isTrue();

        assertThat(small.tryRequest("192.0.2.1")).isTrue();
        assertThat(small.tryRequest("192.0.2.1")).isTrue();
        assertThat(small.tryRequest("192.0.2.1")).isTrue();
        assertThat(small.tryRequest("192.0.2.1")).isFalse();
        assertThat(small.tryRequest("192.0.2.2")).isTrue();
    }

    @Test
    void everyNodeSeesTheSameCounters() {
        RateLimits otherNode = new RateLimits(dataSource, DEFAULTS);
        for (int i = 1; i <= 5; i++) {
            limits.tryIssueCode("jane.doe", null);
            otherNode.tryIssueCode("jane.doe", null);
        }

        assertThat(limits.tryIssueCode("jane.doe", null)).isFalse();
        assertThat(otherNode.tryIssueCode("jane.doe", null)).isFalse();
    }

    @Test
    void aSpentHourlyAllowanceComesBackWithinTheHour() {
        JdbcBucketProxyManager buckets = new JdbcBucketProxyManager(dataSource);
        BucketConfiguration tenPerHour = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(10).refillGreedy(10, Duration.ofHours(1)))
                .build();
        var bucket = buckets.builder().build("codes:account:jane.doe", () -> tenPerHour);
        assertThat(bucket.tryConsume(10)).isTrue();
        assertThat(bucket.tryConsume(1)).isFalse();

        EstimationProbe oneCode = bucket.estimateAbilityToConsume(1);
        EstimationProbe fullAllowance = bucket.estimateAbilityToConsume(10);

        assertThat(Duration.ofNanos(oneCode.getNanosToWaitForRefill()))
                .isBetween(Duration.ofMinutes(5).plusSeconds(50), Duration.ofMinutes(6));
        assertThat(Duration.ofNanos(fullAllowance.getNanosToWaitForRefill()))
                .isBetween(Duration.ofMinutes(59), Duration.ofHours(1));
    }

    @Test
    void aBucketIsStoredWithAnExpiryAndPurgedOnlyAfterIt() {
        limits.tryIssueCode("jane.doe", null);
        JdbcClient jdbc = JdbcClient.create(dataSource);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM rf_rate_limit_bucket WHERE expires_at > CURRENT_TIMESTAMP").query(Integer.class).single())
                .isEqualTo(1);
        assertThat(new JdbcBucketProxyManager(dataSource).purgeExpired()).isZero();
        assertThat(limits.tryIssueCode("jane.doe", null)).isTrue();
    }

    @Test
    void twentyThreadsTakingFromOneBucketOfTenGetExactlyTenCodes() throws Exception {
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            RateLimits node = new RateLimits(dataSource, DEFAULTS);
            attempts.add(() -> node.tryIssueCode("jane.doe", null));
        }

        long granted = atTheSameMoment(attempts).stream().filter(Boolean::booleanValue).count();
        assertThat(granted).isEqualTo(10);
        assertThat(JdbcClient.create(dataSource).sql("SELECT COUNT(*) FROM rf_rate_limit_bucket").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void insideATransactionACodeIsTakenOnThatTransactionsConnectionSoABusyPoolCannotStarve() {
        HikariConfig config = new HikariConfig();
        config.setDataSource(dataSource);
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(250);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            RateLimits pooled = new RateLimits(pool, DEFAULTS);

            Boolean granted = TestDatabases.transactions(pool).execute(status -> pooled.tryIssueCode("jane.doe", "jane@example.org"));

            assertThat(granted).isTrue();
        }
    }

    @Test
    void aRolledBackTransactionGivesItsCodeBack() {
        TestDatabases.transactions(dataSource).executeWithoutResult(status -> {
            assertThat(limits.tryIssueCode("jane.doe", null)).isTrue();
            status.setRollbackOnly();
        });

        for (int i = 1; i <= 10; i++) {
            assertThat(limits.tryIssueCode("jane.doe", null)).as("code %d", i).isTrue();
        }
        assertThat(limits.tryIssueCode("jane.doe", null)).isFalse();
    }

    @Test
    void requestsAreCountedLocallyAndSettledWithTheDatabaseEveryTenthOfTheLimitAcrossNodes() {
        java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
        DataSource counted = new org.springframework.jdbc.datasource.DelegatingDataSource(dataSource) {
            @Override
            public java.sql.Connection getConnection() throws java.sql.SQLException {
                connections.incrementAndGet();
                return super.getConnection();
            }
        };
        RateLimits nodeA = new RateLimits(counted, DEFAULTS);
        RateLimits nodeB = new RateLimits(counted, DEFAULTS);

        for (int i = 1; i <= 120; i++) {
            assertThat(nodeA.tryRequest("192.0.2.1")).as("request %d", i).isTrue();
        }
        assertThat(nodeA.tryRequest("192.0.2.1")).isFalse();
        assertThat(connections.get()).as("database round trips for 121 requests").isLessThanOrEqualTo(15);

        int moreOnB = 0;
        while (moreOnB < 120 && nodeB.tryRequest("192.0.2.1")) {
            moreOnB++;
        }
        assertThat(moreOnB).as("what the other node still lets through").isLessThanOrEqualTo(12);
    }

    @Test
    void aNewClientsFirstRequestsAtTheSameMomentAreAllCounted() throws Exception {
        List<Callable<Boolean>> requests = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            requests.add(() -> limits.tryRequest("198.51.100.7"));
        }

        for (boolean allowed : atTheSameMoment(requests)) {
            assertThat(allowed).isTrue();
        }
    }

    /** Runs every attempt on its own thread, all released at once; their answers in order. */
    private List<Boolean> atTheSameMoment(List<Callable<Boolean>> attempts) throws Exception {
        threads = Executors.newFixedThreadPool(attempts.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (Callable<Boolean> attempt : attempts) {
            results.add(threads.submit(() -> {
                start.await();
                return attempt.call();
            }));
        }
        start.countDown();
        List<Boolean> answers = new ArrayList<>();
        for (Future<Boolean> result : results) {
            answers.add(result.get(30, TimeUnit.SECONDS));
        }
        return answers;
    }

    /** PostgresRestartIT met it: the restart outlasted the bucket's request timeout, and the API answered 500. */
    @Test
    void aBucketThatTimesOutIsTheDatabaseOutageItStandsForNotAnUnexpectedFailure() {
        assertThatThrownBy(() -> RateLimits.answered(() -> {
                    throw BucketExceptions.timeoutReached(5_000_000_001L, 5_000_000_000L);
                }))
                .isInstanceOf(RateLimits.RateLimitStoreUnavailable.class)
                .satisfies(failure -> assertThat(DatabaseUnavailable.causedBy(failure)).isTrue())
                .satisfies(failure -> assertThat(DatabaseUnavailable.describe(failure))
                        .isEqualTo("the database is not reachable (SQLTransientConnectionException, SQLSTATE 08001): "
                                + "The rate limits' table did not answer within the request timeout"));
        assertThat(RateLimits.answered(() -> true)).isTrue();
    }
}
