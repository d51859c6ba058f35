package org.resetflow.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.resetflow.testing.JourneyApi;

/** The engine's work for one reset, held to a budget of statements on its runtime variables. */
@Order(DemoJourneys.STATEMENT_BUDGET)
class DemoStatementBudgetEndToEndTest extends DemoJourneys {

    /**
     * The engine's work for one reset by email, as the benchmark drives it (docs/performance.md): a change that
     * gives the journey more runtime variables, or reads them more often, fails here before it shows as fewer
     * journeys per second. Each runtime variable is inserted, deleted and loaded with the others in every command
     * that touches its scope; the called processes read the journey's facts from the journey instead of copies,
     * and a step is checked and completed in one engine command.
     */
    @Test
    @Order(Integer.MAX_VALUE - 2)
    void aResetByEmailStaysWithinItsBudgetOfVariableStatements() throws Exception {
        // H2 counts statements from here on (the embedded profile's own URL, switched on at run time)
        statistics("SET QUERY_STATISTICS_MAX_ENTRIES 1000");
        statistics("SET QUERY_STATISTICS TRUE");
        JourneyApi.Flow flow = api.flow("resets", api.start("resets", "alice"));
        assertThat(choose(flow, "EMAIL", "alice.alt@example.org").stepKey()).isEqualTo("enterCode");
        assertThat(api.submit(flow, "enterCode", Map.of("code", codeSentTo("alice.alt@example.org"))).stepKey()).isEqualTo("setPassword");
        setPassword(flow, "alice");

        long inserted = 0;
        long loaded = 0;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
            while (rows.next()) {
                String sql = rows.getString(1).trim().toLowerCase(java.util.Locale.ROOT);
                if (sql.startsWith("insert into act_ru_variable")) {
                    inserted += rows.getLong(2);
                } else if (sql.startsWith("select") && sql.contains("from act_ru_variable")) {
                    loaded += rows.getLong(2);
                }
            }
        }
        // 52 and 28 when the called processes held copies and a step was read and completed in two commands; 40 and 24
        // before the code's delivery became a process instance of its own, which is given its five variables explicitly;
        // 45 before the eligibility decision's strongMethodRequired (the enrolled-factor rule) became a journey fact
        assertThat(inserted).as("runtime variables created").isLessThanOrEqualTo(46);
        assertThat(loaded).as("loads of runtime variables").isLessThanOrEqualTo(24);
    }

    private void statistics(String command) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(command);
        }
    }
}
