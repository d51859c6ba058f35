package org.resetflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.resetflow.testing.ExpectedLog;
import org.slf4j.LoggerFactory;

/** A library's error with a trace because the database is away becomes one line; any other error stays as it was. */
class DatabaseOutageLogTest {

    private static final String JOB_EXECUTOR = "org.camunda.bpm.engine.jobexecutor";

    @RegisterExtension
    final ExpectedLog log = ExpectedLog.of(JOB_EXECUTOR, DatabaseOutageLog.class.getName());

    @Test
    void theJobExecutorsAcquisitionFailureDuringARestartIsOneLineWithoutTheStatement() {
        new DatabaseOutageLog();
        Exception failure = new RuntimeException("### Error querying database. ### SQL: select RES.ID_ from ACT_RU_JOB RES where ...",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        LoggerFactory.getLogger(JOB_EXECUTOR).error("ENGINE-14019 Exception during job acquisition {}", failure.getMessage(), failure);

        assertThat(log.lines()).singleElement().satisfies(line -> {
            assertThat(line.logger()).isEqualTo(DatabaseOutageLog.class.getName());
            assertThat(line.level()).isEqualTo(Level.WARN);
            assertThat(line.message()).isEqualTo(JOB_EXECUTOR + " failed: the database is not reachable (SQLException, SQLSTATE 08006): "
                    + "An I/O error occurred while sending to the backend.");
            assertThat(line.hasStackTrace()).isFalse();
        });
    }

    @Test
    void otherErrorsKeepTheirTrace() {
        new DatabaseOutageLog();
        LoggerFactory.getLogger(JOB_EXECUTOR).error("ENGINE-14019 Exception during job acquisition {}", "a bug", new IllegalStateException("a bug"));

        assertThat(log.lines()).singleElement().satisfies(line -> {
            assertThat(line.logger()).isEqualTo(JOB_EXECUTOR);
            assertThat(line.level()).isEqualTo(Level.ERROR);
            assertThat(line.hasStackTrace()).isTrue();
        });
    }
}
