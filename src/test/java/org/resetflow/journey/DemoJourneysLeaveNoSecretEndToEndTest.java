package org.resetflow.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * After every other demo journey: no password, code or answer they typed or received in any table, the log or the
 * audit log, which has one JSON line per step of the history.
 */
@Order(DemoJourneys.LEFT_BEHIND)
class DemoJourneysLeaveNoSecretEndToEndTest extends DemoJourneys {

    static final Set<String> NOT_STEPS = Set.of("exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "startEvent");
    /** The calls of a shared part and the ends that hand back, which the models declare are no steps of a journey. */
    static final Set<String> HAND_OVERS = Set.of("proveIdentity", "identityProven", "journeyEnded");

    /**
     * Whether the text holds the secret. An authenticator app's code has only 6 digits, which a dump of every table and
     * the log holds somewhere by chance (inside a longer number, an id): such a code counts as found only standing on
     * its own, as a stored value or a JSON or log field would hold it.
     */
    static boolean holds(String text, String secret) {
        // A six-digit code, or an answer as short as "Rex", turns up by chance inside a longer token (a base64 hash
        // holds "Rex" in about one run in a hundred): such a secret counts only standing alone.
        if (secret.matches("\\d{6}") || secret.length() < 6) {
            return java.util.regex.Pattern.compile("(?<![0-9A-Za-z])" + java.util.regex.Pattern.quote(secret) + "(?![0-9A-Za-z])")
                    .matcher(text).find();
        }
        return text.contains(secret);
    }

    @Test
    void aShortCodeIsFoundStandingAloneAndNotInsideALongerToken() {
        assertThat(holds("{\"code\":\"287082\"}", "287082")).isTrue();
        assertThat(holds("code=287082 accepted", "287082")).isTrue();
        assertThat(holds("287082", "287082")).isTrue();
        assertThat(holds("id 1a287082f-00", "287082")).isFalse();
        assertThat(holds("$argon2id$v=19$m=19456$tJwj2gthRexrezHre8gkvQ", "Rex")).as("a short answer inside a hash").isFalse();
        assertThat(holds("{\"answer\":\"Rex\"}", "Rex")).isTrue();
        assertThat(holds("1765012870823", "287082")).isFalse();
        assertThat(holds("x RESETFLOWDEMOTINAAUTHENTICATORAP y", "RESETFLOWDEMOTINAAUTHENTICATORAP")).isTrue();
    }

    @Test
    void theModelsDeclareTheHandOversThatAreNoSteps() {
        assertThat(org.resetflow.camunda.ModelProperties.stepsDeclaring("auditStep", "false")).containsExactlyInAnyOrderElementsOf(HAND_OVERS);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void noPasswordCodeOrAnswerIsStoredOrLoggedInClearText() throws Exception {
        assertThat(SECRETS).hasSizeGreaterThan(10);
        List<String> findings = new ArrayList<>();
        Set<String> tables = new TreeSet<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            try (ResultSet rs = metadata.getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).contains("ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_GE_BYTEARRAY", "ACT_RU_VARIABLE", "RF_FLOW", "RF_SECURITY_ANSWER");
            for (String table : tables) {
                try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    ResultSetMetaData columns = rows.getMetaData();
                    while (rows.next()) {
                        for (int c = 1; c <= columns.getColumnCount(); c++) {
                            Object value = rows.getObject(c);
                            String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                                    : value instanceof java.sql.Blob blob ? new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8)
                                    : value instanceof java.sql.Clob clob ? clob.getSubString(1, (int) clob.length())
                                    : String.valueOf(value);
                            for (String secret : SECRETS) {
                                if (holds(text, secret)) {
                                    findings.add(table + "." + columns.getColumnName(c) + " holds a secret");
                                }
                            }
                        }
                    }
                }
            }
        }
        String logged = log.text();
        assertThat(logged).contains("Development outbox");
        for (String secret : SECRETS) {
            if (holds(logged, secret)) {
                findings.add("the log holds a secret of length " + secret.length());
            }
        }
        assertThat(findings).isEmpty();
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void theAuditLogHasOneJsonLinePerEventAndNoSecret() throws Exception {
        assertThat(aliceFlow).as("alice's journey ran").isNotNull();
        List<JsonNode> events = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        try (var files = java.nio.file.Files.list(DATA.resolve("audit"))) {
            for (Path file : files.sorted().toList()) {
                assertThat(file.getFileName().toString()).matches("audit-\\d{4}-\\d{2}-\\d{2}\\.jsonl");
                for (String line : java.nio.file.Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    JsonNode event = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
                    assertThat(event.isObject()).as(line).isTrue();
                    assertThat(fieldNames(event)).as(line).contains("time", "event", "node", "instance");
                    events.add(event);
                    for (String secret : SECRETS) {
                        if (holds(line, secret)) {
                            findings.add("an audit line holds a secret of length " + secret.length());
                        }
                    }
                }
            }
        }
        assertThat(findings).isEmpty();
        assertThat(events).hasSizeGreaterThan(100);

        List<JsonNode> alice = events.stream().filter(e -> aliceFlow.equals(e.path("flow").asText())).toList();
        assertThat(alice).filteredOn(e -> e.path("event").asText().equals("journey-started")).hasSize(1)
                .allSatisfy(e -> assertThat(e.path("user").asText()).isEqualTo("alice"));
        long stepsInHistory = 0;
        // the journey's tree, and the processes started on their own for it (a code's delivery): all carry its flow id
        var instances = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(aliceFlow).list();
        assertThat(instances).extracting(instance -> instance.getProcessDefinitionKey()).contains("passwordReset", "codeDelivery");
        for (var instance : instances) {
            stepsInHistory += history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).finished().list().stream()
                    .filter(activity -> !NOT_STEPS.contains(activity.getActivityType()))
                    .filter(activity -> !HAND_OVERS.contains(activity.getActivityId())).count();
        }
        assertThat(alice.stream().filter(e -> e.path("event").asText().equals("step")).count())
                .as("one line per step the history records, hand-overs between models aside").isEqualTo(stepsInHistory);
        assertThat(alice).extracting(e -> e.path("step").asText()).as("the hand-overs between models are not steps")
                .isNotEmpty().doesNotContainAnyElementsOf(HAND_OVERS);
        assertThat(alice).anySatisfy(e -> {
            assertThat(e.path("step").asText()).isEqualTo("completed");
            assertThat(e.path("outcome").asText()).isEqualTo("COMPLETED");
            assertThat(e.path("journey").asText()).isEqualTo("reset");
            assertThat(e.path("client").asText()).isNotBlank();
        });
        assertThat(alice).anySatisfy(e -> assertThat(e.path("method").asText()).isEqualTo("EMAIL"));
        assertThat(alice).as("the code's delivery, a process instance of its own, in the journey's lines").anySatisfy(e -> {
            assertThat(e.path("process").asText()).isEqualTo("codeDelivery");
            assertThat(e.path("step").asText()).isEqualTo("sendCode");
            assertThat(e.path("method").asText()).isEqualTo("EMAIL");
        });
        assertThat(events).anySatisfy(e -> {
            assertThat(e.path("step").asText()).isEqualTo("recordDecision");
            assertThat(e.path("decision").asText()).isEqualTo("APPROVE");
            assertThat(e.path("staff").asText()).isEqualTo("demo");
        });
    }
}
