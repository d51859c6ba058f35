package org.resetflow.accountchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resetflow.engine.EngineProperties;
import org.resetflow.secret.SecretVault;
import org.resetflow.secret.SecurityProperties;
import org.resetflow.secret.ServerSecret;
import org.resetflow.testing.MutableClock;
import org.resetflow.testing.TestDatabases;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The record of a directory write attempted, which outlives the job that made it (its node died, it rolled back). */
class WriteAttemptsTest {

    private TransactionTemplate job;
    private WriteAttempts attempts;

    @BeforeEach
    void freshDatabase() {
        DataSource dataSource = TestDatabases.migratedH2();
        MutableClock clock = MutableClock.atSomeMoment();
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        job = new TransactionTemplate(transactions);
        attempts = new WriteAttempts(new SecretVault(JdbcClient.create(dataSource),
                new ServerSecret(new SecurityProperties("a-test-secret-that-is-long-enough-0123456789", null)), clock),
                transactions, new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("resetflow.engine", EngineProperties.class),
                clock);
    }

    @Test
    void aFirstAttemptFindsNoneBeforeIt() {
        assertThat(inAJobThatCommits(() -> attempts.begin("journey-1", WriteAttempts.ON_PREMISES))).isFalse();
    }

    @Test
    void anAttemptWhoseJobNeverCommittedIsFoundByTheJobRunAgain() {
        assertThat(inAJobThatDies(() -> attempts.begin("journey-1", WriteAttempts.ON_PREMISES))).isFalse();

        assertThat(inAJobThatCommits(() -> attempts.begin("journey-1", WriteAttempts.ON_PREMISES))).isTrue();
        assertThat(inAJobThatCommits(() -> attempts.begin("journey-1", WriteAttempts.CLOUD))).as("each directory's own").isFalse();
        assertThat(inAJobThatCommits(() -> attempts.begin("journey-2", WriteAttempts.ON_PREMISES))).as("each journey's own").isFalse();
    }

    @Test
    void aWriteDoneIsForgottenWithItsJobsCommitOnly() {
        inAJobThatDies(() -> {
            attempts.begin("journey-1", WriteAttempts.ON_PREMISES);
            attempts.end("journey-1", WriteAttempts.ON_PREMISES);
            return null;
        });
        assertThat(inAJobThatCommits(() -> {
            boolean again = attempts.begin("journey-1", WriteAttempts.ON_PREMISES);
            attempts.end("journey-1", WriteAttempts.ON_PREMISES);
            return again;
        })).as("the end of a job that died is not kept").isTrue();

        assertThat(inAJobThatCommits(() -> attempts.begin("journey-1", WriteAttempts.ON_PREMISES))).isFalse();
    }

    private <T> T inAJobThatCommits(Supplier<T> work) {
        return job.execute(status -> work.get());
    }

    /** As a job whose node dies before it commits: what it wrote in its own transaction is gone. */
    private <T> T inAJobThatDies(Supplier<T> work) {
        return job.execute(status -> {
            T result = work.get();
            status.setRollbackOnly();
            return result;
        });
    }
}
