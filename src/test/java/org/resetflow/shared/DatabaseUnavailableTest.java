package org.resetflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** What a restarting PostgreSQL looks like to ResetFlow, through the wrappers around the driver's exception. */
class DatabaseUnavailableTest {

    @Test
    void aPoolWithoutConnectionsABrokenConnectionAndAnEndedSessionAreOutages() {
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("Could not open JDBC Connection for transaction",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 5000ms")))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new RuntimeException("wrapped twice", new RuntimeException(
                new SQLException("An I/O error occurred while sending to the backend.", "08006"))))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("FATAL: terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("FATAL: the database system is starting up", "57P03"))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("JDBC rollback failed", new SQLException("Connection is closed"))))
                .as("HikariCP, for a connection it closed as broken").isTrue();
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertThat(DatabaseUnavailable.causedBy(new SQLIntegrityConstraintViolationException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("syntax error at or near", "42601"))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("no state"))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void theLineNamesTheDriversWordsAndStateOnly() {
        assertThat(DatabaseUnavailable.describe(new RuntimeException("### SQL: update rf_flow set x = ?",
                new SQLException("This connection has been closed.\nDetail: more", "08003"))))
                .isEqualTo("the database is not reachable (SQLException, SQLSTATE 08003): This connection has been closed.");
    }
}
