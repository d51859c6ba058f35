package org.resetflow.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.resetflow.ResetFlowApplication;
import org.resetflow.testing.CodeDeliveries;
import org.resetflow.testing.EmbeddedTestDefaults;
import org.resetflow.testing.JourneyApi;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A restart between "code sent" and "code entered" loses nothing: same flow, same token, same code. */
class RestartEndToEndTest {

    private static final Path DATA = EmbeddedTestDefaults.newDataDirectory();
    private static final int CLOUD_PORT = EmbeddedTestDefaults.freePort();
    private static final int ON_PREMISES_PORT = EmbeddedTestDefaults.freePort();

    private static ConfigurableApplicationContext startApplication() {
        Map<String, Object> properties = EmbeddedTestDefaults.properties(DATA, CLOUD_PORT, ON_PREMISES_PORT);
        properties.put("server.port", 0);
        // As command-line arguments: they outrank application-embedded.yml, as they would for an operator.
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(ResetFlowApplication.class).profiles("embedded").run(arguments);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void aJourneyContinuesAfterARestartWithTheSameFlowIdAndToken() {
        JourneyApi.Flow flow;
        String code;
        try (ConfigurableApplicationContext first = startApplication()) {
            JourneyApi api = new JourneyApi(port(first));
            flow = api.flow("resets", api.start("resets", "bob"));
            assertThat(api.submit(flow, "chooseMethod", Map.of("method", "EMAIL", "contact", "bob.alt@example.org")).stepKey())
                    .isEqualTo("enterCode");
            CodeDeliveries.awaitAllEnded(first.getBean(HistoryService.class));
            code = api.lastMessageTo("bob.alt@example.org").path("code").asText();
        }

        String newPassword = "Quiet-Harbour-Lantern-42";
        try (ConfigurableApplicationContext second = startApplication()) {
            JourneyApi api = new JourneyApi(port(second));
            JourneyApi.Response resumed = api.get(flow);
            assertThat(resumed.status()).as(resumed.body().toString()).isEqualTo(200);
            assertThat(resumed.field("status")).isEqualTo("ACTIVE");
            assertThat(resumed.stepKey()).isEqualTo("enterCode");
            assertThat(api.submit(flow, "enterCode", Map.of("code", code)).stepKey()).isEqualTo("setPassword");
            JourneyApi.Response done = api.submit(flow, "setPassword", Map.of("password", newPassword, "passwordConfirmation", newPassword));
            assertThat(done.field("status")).as(done.body().toString()).isEqualTo("COMPLETED");
        }

        try (ConfigurableApplicationContext third = startApplication()) {
            assertThat(Directories.canBind(CLOUD_PORT, Directories.CLOUD, "bob", newPassword)).isTrue();
            assertThat(Directories.canBind(ON_PREMISES_PORT, Directories.ON_PREMISES, "bob", newPassword)).isTrue();
            assertThat(Directories.canBind(CLOUD_PORT, Directories.CLOUD, "bob", DemoJourneys.DEMO_PASSWORD)).isFalse();
            assertThat(new JourneyApi(port(third)).get(flow).field("status")).isEqualTo("COMPLETED");
        }
    }
}
