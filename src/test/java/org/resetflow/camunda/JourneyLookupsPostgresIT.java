package org.resetflow.camunda;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;

/** The API's native look-ups on PostgreSQL, the production database: a database of their own per test. */
class JourneyLookupsPostgresIT extends JourneyLookupsContract {

    private static final String SERVER = System.getProperty("resetflow.it.postgres.url", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getProperty("resetflow.it.postgres.user", "postgres");

    private String database;

    @Override
    protected StandaloneProcessEngineConfiguration database() {
        database = "resetflow_lookups_" + Long.toHexString(System.nanoTime());
        admin("CREATE DATABASE " + database);
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setJdbcUrl(SERVER + database);
        configuration.setJdbcUsername(USER);
        configuration.setJdbcPassword("");
        configuration.setJdbcDriver("org.postgresql.Driver");
        configuration.setDatabaseType("postgres");
        return configuration;
    }

    @Override
    protected void dropDatabase() {
        admin("DROP DATABASE IF EXISTS " + database);
    }

    private static void admin(String sql) {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, ""); Statement statement = admin.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
