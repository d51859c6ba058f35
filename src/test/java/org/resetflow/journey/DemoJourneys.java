package org.resetflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.resetflow.testing.EmbeddedTestDefaults;
import org.resetflow.testing.JourneyApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every demo user's journey over HTTP against the embedded defaults, then a scan of the whole database and the
 * log for any password, code or answer the journeys used. The journeys are split by concern into the classes
 * that extend this one; they share one application (the same configuration, so Spring's test context cache starts
 * it once), its directories, database and log, and what the journeys typed, so they run in a fixed order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("embedded")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class DemoJourneys {

    static final String DEMO_PASSWORD = "Demo-Passw0rd!";
    static CapturedLog log;
    static final Path DATA = EmbeddedTestDefaults.newDataDirectory();
    static final int CLOUD_PORT = EmbeddedTestDefaults.freePort();
    static final int ON_PREMISES_PORT = EmbeddedTestDefaults.freePort();

    /** Every secret the journeys typed or received; none may be stored or logged in clear text. */
    static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    static final Map<String, String> PASSWORDS = new ConcurrentHashMap<>();
    static String aliceFlow;

    // The classes run in this order, after every other test class (junit-platform.properties orders classes by @Order).
    static final int RESETS = Order.DEFAULT + 1;
    static final int ESCALATION_AND_REFUSAL = Order.DEFAULT + 2;
    static final int UNLOCK = Order.DEFAULT + 3;
    /** After the resets: erin's reset expects the one method she has before she registers more. */
    static final int REGISTRATION = Order.DEFAULT + 4;
    /** alice disowns a recovery: her self-service is blocked until the helpdesk lifts it again, within the class. */
    static final int NOT_ME = Order.DEFAULT + 5;
    static final int NO_ENUMERATION = Order.DEFAULT + 6;
    /** Late: the statement statistics it switches on stay on. */
    static final int STATEMENT_BUDGET = Order.DEFAULT + 7;
    /** Its last test signs in with a wrong password, which makes Camunda refuse the demo staff user for a few seconds. */
    static final int WEB_SECURITY = Order.DEFAULT + 8;
    /** Last: what every journey before left in the database, the log and the audit log. */
    static final int LEFT_BEHIND = Order.DEFAULT + 9;

    @DynamicPropertySource
    static void embeddedDefaults(DynamicPropertyRegistry registry) {
        EmbeddedTestDefaults.properties(DATA, CLOUD_PORT, ON_PREMISES_PORT).forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    org.camunda.bpm.engine.HistoryService history;

    JourneyApi api;

    @BeforeEach
    void client() {
        if (log == null) {
            log = CapturedLog.attach();
        }
        api = new JourneyApi(port);
        SECRETS.add(DEMO_PASSWORD);
    }

    String password(String user) {
        return PASSWORDS.getOrDefault(user, DEMO_PASSWORD);
    }

    String newPassword(String user) {
        String password = "Tr4vel.Kettle.Mauve-" + SECRETS.size() + "!";
        SECRETS.add(password);
        return password;
    }

    String codeSentTo(String recipient) {
        JsonNode message = api.lastMessageTo(recipient);
        assertThat(message).as("a message to " + recipient).isNotNull();
        String code = message.path("code").asText();
        assertThat(code).matches("\\d{8}");
        String spoken = String.join(", ", code.split(""));
        assertThat(message.path("body").asText()).containsAnyOf(code, spoken);
        SECRETS.add(code);
        return code;
    }

    JourneyApi.Response choose(JourneyApi.Flow flow, String method, String contact) {
        return api.submit(flow, "chooseMethod", contact == null ? Map.of("method", method) : Map.of("method", method, "contact", contact));
    }

    void setPassword(JourneyApi.Flow flow, String user) {
        String password = newPassword(user);
        JourneyApi.Response done = api.submit(flow, "setPassword", Map.of("password", password, "passwordConfirmation", password));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.field("status")).isEqualTo("COMPLETED");
        assertThat(done.body().path("messages").get(0).path("code").asText()).isEqualTo("completed.reset");
        PASSWORDS.put(user, password);
        // the answer comes once the outcome is set, the notification after it: the journey then ends with the same answer
        await().atMost(Duration.ofSeconds(10)).until(() ->
                history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(flow.id()).unfinished().count() == 0);
        assertThat(api.get(flow).body()).isEqualTo(done.body());
    }

    static List<String> optionValues(JsonNode step) {
        List<String> values = new ArrayList<>();
        for (JsonNode component : step.path("form").path("components")) {
            component.path("values").forEach(option -> values.add(option.path("value").asText()));
        }
        return values;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
