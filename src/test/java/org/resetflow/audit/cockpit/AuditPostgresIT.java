package org.resetflow.audit.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.resetflow.ResetFlowApplication;
import org.resetflow.testing.JourneyApi;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The audit's queries on PostgreSQL (the postgres profile): the same journeys give the same figures as on H2. */
class AuditPostgresIT {

    private static final String SERVER = System.getProperty("resetflow.it.postgres.url", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getProperty("resetflow.it.postgres.user", "postgres");
    private static final String DATABASE = "resetflow_audit_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private static ConfigurableApplicationContext application;
    private static AuditJourneys.Ran journeys;
    private static String base;

    @BeforeAll
    static void runTheJourneysOnPostgres() throws Exception {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, ""); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        application = new SpringApplicationBuilder(ResetFlowApplication.class).profiles("embedded", "postgres").run(
                "--server.port=0",
                "--spring.datasource.url=" + SERVER + DATABASE,
                "--spring.datasource.username=" + USER,
                "--spring.datasource.password=",
                "--resetflow.data-directory=" + Files.createTempDirectory("resetflow-audit-it-"),
                "--resetflow.security.secret=" + "audit-test-secret-".repeat(3),
                "--resetflow.embedded-directories.cloud-port=" + freePort(),
                "--resetflow.embedded-directories.on-premises-port=" + freePort(),
                "--resetflow.throttling.client-starts-per-hour=1000");
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) application).getWebServer().getPort();
        journeys = AuditJourneys.run(new JourneyApi(((WebServerApplicationContext) application).getWebServer().getPort()),
                application.getBean(RuntimeService.class), application.getBean(ManagementService.class), application.getBean(HistoryService.class));
    }

    @AfterAll
    static void stopAndDrop() throws Exception {
        if (application != null) {
            application.close();
        }
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, ""); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    @Test
    void theSummaryListAndExportCountTheSameOnPostgres() {
        CockpitSession demo = CockpitSession.signIn(base, "demo", "demo");
        AuditJourneys.assertSummaryCountsThem(demo.auditJson("summary"), journeys);

        JsonNode alice = demo.auditJson("journeys?search=ALI&outcome=completed&method=EMAIL&journey=reset");
        assertThat(alice.path("total").asLong()).isEqualTo(1);
        assertThat(alice.path("journeys").get(0).path("flowId").asText()).isEqualTo(journeys.aliceFlowId());
        assertThat(demo.auditJson("journeys?search=bob_").path("total").asLong()).isZero();
        assertThat(demo.auditJson("journeys?maxResults=3&firstResult=6").path("journeys")).hasSize(2);
        assertThat(demo.audit("journeys.csv").body().lines()).hasSize(1 + 8);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
