package org.resetflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.resetflow.ResetFlowApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two ResetFlow nodes on one PostgreSQL database (the postgres profile): a journey started on one node continues
 * on the other at every step, and Camunda's job executor of either node runs the asynchronous steps.
 */
class PostgresClusterIT {

    private static final String SERVER = System.getProperty("resetflow.it.postgres.url", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getProperty("resetflow.it.postgres.user", "postgres");
    private static final String DATABASE = "resetflow_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        Path data = Files.createTempDirectory("resetflow-cluster-");
        int cloudPort = freePort();
        int onPremisesPort = freePort();
        List<String> common = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + SERVER + DATABASE,
                "--spring.datasource.username=" + USER,
                "--spring.datasource.password=",
                "--resetflow.data-directory=" + data,
                "--resetflow.security.secret=" + "cluster-test-secret-".repeat(3),
                "--resetflow.embedded-directories.cloud-port=" + cloudPort,
                "--resetflow.embedded-directories.on-premises-port=" + onPremisesPort,
                "--resetflow.directory.cloud.bind-password=cluster-cloud-service",
                "--resetflow.directory.on-premises.bind-password=cluster-onprem-service",
                "--resetflow.throttling.client-starts-per-hour=1000"));
        nodeA = new SpringApplicationBuilder(ResetFlowApplication.class).profiles("embedded", "postgres").run(common.toArray(String[]::new));
        List<String> second = new ArrayList<>(common);
        second.add("--resetflow.embedded-directories.enabled=false");
        nodeB = new SpringApplicationBuilder(ResetFlowApplication.class).profiles("embedded", "postgres").run(second.toArray(String[]::new));
    }

    @AfterAll
    static void stopAndDrop() throws Exception {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    @Test
    void aJourneyMovesBetweenNodesAtEveryStep() throws Exception {
        JsonNode started = post(nodeA, "/api/v1/resets", null, Map.of("username", "alice"));
        assertThat(started.path("step").path("key").asText()).isEqualTo("chooseMethod");
        String flow = started.path("flowId").asText();
        String token = started.path("flowToken").asText();

        JsonNode codeStep = post(nodeB, "/api/v1/resets/" + flow + "/steps/chooseMethod", token,
                Map.of("values", Map.of("method", "EMAIL", "contact", "alice.alt@example.org")));
        assertThat(codeStep.path("step").path("key").asText()).isEqualTo("enterCode");
        String[] code = new String[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
                JsonNode outbox = get(node, "/dev/outbox?to=alice.alt@example.org", null);
                if (outbox.size() > 0) {
                    code[0] = outbox.get(outbox.size() - 1).path("code").asText();
                }
            }
            return code[0] != null;
        });

        assertThat(get(nodeB, "/api/v1/resets/" + flow, token).path("step").path("key").asText()).isEqualTo("enterCode");
        JsonNode passwordStep = post(nodeA, "/api/v1/resets/" + flow + "/steps/enterCode", token, Map.of("values", Map.of("code", code[0])));
        assertThat(passwordStep.path("step").path("key").asText()).isEqualTo("setPassword");
        JsonNode done = post(nodeB, "/api/v1/resets/" + flow + "/steps/setPassword", token,
                Map.of("values", Map.of("password", "Granite-Orchard-Lamp-71", "passwordConfirmation", "Granite-Orchard-Lamp-71")));
        assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(get(nodeA, "/api/v1/resets/" + flow, token).path("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void bothSchemasLiveInPostgres() throws Exception {
        try (Connection connection = DriverManager.getConnection(SERVER + DATABASE, USER, "");
             ResultSet tables = connection.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME").toLowerCase());
            }
            assertThat(names).contains("act_ru_job", "act_hi_procinst", "rf_flow", "rf_sealed_secret", "rf_failed_proof", "rf_lockout",
                    "rf_rate_limit_bucket", "resetflow_schema_history");
        }
    }

    private static JsonNode post(ConfigurableApplicationContext node, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(node, path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("X-Flow-Token", token);
        }
        return JSON.readTree(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static JsonNode get(ConfigurableApplicationContext node, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(node, path)).GET();
        if (token != null) {
            request.header("X-Flow-Token", token);
        }
        return JSON.readTree(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static URI uri(ConfigurableApplicationContext node, String path) {
        return URI.create("http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port") + path);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
