package org.resetflow.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL as production runs it: with autovacuum, PostgreSQL's default. The engine inserts and deletes a few dozen
 * runtime rows per journey (variables, executions, jobs); without autovacuum their tables are never analysed and their
 * dead rows never removed, and the planner may read a variable lookup ({@code EXECUTION_ID_ = ? AND TASK_ID_ IS NULL})
 * through the task index, over every dead entry: 3.6 ms a call after ten minutes instead of 0.1 (bench/NOTES.md). A
 * server that has it off (a test machine's, say) gets it on for the run through {@code ALTER SYSTEM}, and its own
 * setting back afterwards; a user who may not do that gets a warning, and the figures say it was off.
 */
final class Autovacuum implements AutoCloseable {

    private final String url;
    private final String user;
    /** How to undo: null when nothing was changed. */
    private final String restore;
    private final String state;

    private Autovacuum(String url, String user, String restore, String state) {
        this.url = url;
        this.user = user;
        this.restore = restore;
        this.state = state;
    }

    /** What the run had: {@code on}, {@code on (turned on for the run)} or {@code off}. */
    String state() {
        return state;
    }

    static Autovacuum ensureOn(String url, String user) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, "");
             Statement statement = connection.createStatement()) {
            String setting;
            String file;
            try (ResultSet row = statement.executeQuery("SELECT setting, sourcefile FROM pg_settings WHERE name = 'autovacuum'")) {
                row.next();
                setting = row.getString(1);
                file = row.getString(2);
            }
            if ("on".equals(setting)) {
                return new Autovacuum(url, user, null, "on");
            }
            // set with ALTER SYSTEM before: set back the same way; else the configuration file's value comes back on RESET
            String restore = file != null && file.endsWith("postgresql.auto.conf") ? "ALTER SYSTEM SET autovacuum = off" : "ALTER SYSTEM RESET autovacuum";
            try {
                statement.execute("ALTER SYSTEM SET autovacuum = on");
                statement.execute("SELECT pg_reload_conf()");
            } catch (SQLException e) {
                System.out.println("WARNING: PostgreSQL runs without autovacuum and " + user + " may not turn it on (" + e.getMessage()
                        + "): its tables are never analysed, and the figures are not production's");
                return new Autovacuum(url, user, null, "off");
            }
            System.out.println("PostgreSQL runs without autovacuum: turned on for the run, off again afterwards");
            return new Autovacuum(url, user, restore, "on (turned on for the run)");
        }
    }

    @Override
    public void close() throws SQLException {
        if (restore == null) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(url, user, "");
             Statement statement = connection.createStatement()) {
            statement.execute(restore);
            statement.execute("SELECT pg_reload_conf()");
        }
    }
}
