package org.resetflow.shared;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * Recognises a database that is away (restarting, failing over, unreachable): the connection pool found no connection
 * in time, a connection broke while in use, or the server ended it (PostgreSQL's {@code 57P01} "terminating connection
 * due to administrator command" during a restart, {@code 57P03} while it starts). Such a failure is a passing outage,
 * answered {@code 503} with {@code Retry-After} and retried by the job executor, never a server fault. Recognised by
 * JDBC's own classes, SQLSTATE classes {@code 08} (connection exception) and {@code 57P} (operator intervention) and the
 * pool's word for a connection it closed as broken, so
 * that the wrappers of Spring, MyBatis and the engine around them do not matter.
 */
public final class DatabaseUnavailable {

    /**
     * HikariCP's answer, without an SQLSTATE, to the use of a connection it has already closed because the connection
     * broke (the rollback after a failed statement, say).
     */
    private static final String HIKARI_CLOSED = "Connection is closed";

    private DatabaseUnavailable() {
    }

    /** The SQL failure in the chain of causes that says the database is away, if there is one. */
    public static Optional<SQLException> cause(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause() == cause ? null : cause.getCause(), depth++) {
            if (cause instanceof SQLException sql && isOutage(sql)) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    public static boolean causedBy(Throwable failure) {
        return cause(failure).isPresent();
    }

    /**
     * One line about the outage for the log: the driver's words and its SQLSTATE (connection refused, I/O error, the
     * server ended the connection), which name no statement and no value.
     */
    public static String describe(Throwable failure) {
        return cause(failure).map(sql -> "the database is not reachable (" + sql.getClass().getSimpleName()
                + (sql.getSQLState() == null ? "" : ", SQLSTATE " + sql.getSQLState()) + "): " + firstLine(sql.getMessage()))
                .orElse("the database is not reachable");
    }

    private static boolean isOutage(SQLException sql) {
        if (sql.getSQLState() == null && HIKARI_CLOSED.equals(sql.getMessage())) {
            return true;
        }
        if (sql instanceof SQLTransientConnectionException || sql instanceof SQLNonTransientConnectionException
                || sql instanceof SQLRecoverableException) {
            return true;
        }
        String state = sql.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
