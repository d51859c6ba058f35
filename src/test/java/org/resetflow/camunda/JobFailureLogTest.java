package org.resetflow.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.resetflow.directory.DirectoryUnavailableException;
import org.resetflow.testing.ExpectedLog;

/** One WARN line per failed job; a stack trace only when the failure does not say by itself what happened. */
class JobFailureLogTest {

    @RegisterExtension
    final ExpectedLog log = ExpectedLog.of(JobFailureLog.class);

    @Test
    void aServerThatIsAwayIsOneLineThatSaysWhichAndWhere() {
        JobFailureLog.jobFailed("job-1", new ProcessEngineException("wrapped",
                new DirectoryUnavailableException("The cloud directory could not look up alice: 127.0.0.1:1389 (Connection refused)")));

        assertThat(log.lines()).singleElement().satisfies(line -> {
            assertThat(line.level()).isEqualTo(Level.WARN);
            assertThat(line.message()).isEqualTo("Job job-1 failed; the engine retries it while it has retries left: "
                    + "The cloud directory could not look up alice: 127.0.0.1:1389 (Connection refused)");
            assertThat(line.hasStackTrace()).isFalse();
        });
    }

    @Test
    void aConcurrentChangeIsOneLineToo() {
        JobFailureLog.jobFailed("job-2", new OptimisticLockingException("ENGINE-03005 Execution of 'DELETE IncidentEntity[i1]' failed. "
                + "Entity was updated by another transaction concurrently."));

        assertThat(log.lines()).singleElement().satisfies(line -> {
            assertThat(line.message()).startsWith("Job job-2 failed").endsWith("Entity was updated by another transaction concurrently.");
            assertThat(line.hasStackTrace()).isFalse();
        });
    }

    @Test
    void aDatabaseThatIsAwayIsOneLineWithTheDriversWordsNotTheStatement() {
        JobFailureLog.jobFailed("job-4", new ProcessEngineException("ENGINE-03083 Exception while executing Batch Database Operations with "
                + "message 'update ACT_RU_VARIABLE set TEXT_ = ?'", new java.sql.SQLException("An I/O error occurred while sending to the backend.",
                "08006")));

        assertThat(log.lines()).singleElement().satisfies(line -> {
            assertThat(line.message()).isEqualTo("Job job-4 failed; the engine retries it while it has retries left: the database is not "
                    + "reachable (SQLException, SQLSTATE 08006): An I/O error occurred while sending to the backend.");
            assertThat(line.hasStackTrace()).isFalse();
        });
    }

    @Test
    void anythingElseKeepsItsStackTrace() {
        JobFailureLog.jobFailed("job-3", new IllegalStateException("a bug"));

        assertThat(log.lines(Level.WARN)).singleElement().satisfies(line -> {
            assertThat(line.message()).isEqualTo("Job job-3 failed; the engine retries it while it has retries left");
            assertThat(line.stackTrace()).contains("java.lang.IllegalStateException: a bug");
        });
    }
}
