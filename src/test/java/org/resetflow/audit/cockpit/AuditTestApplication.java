package org.resetflow.audit.cockpit;

import java.nio.file.Path;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.resetflow.testing.EmbeddedTestDefaults;
import org.resetflow.testing.ExpectedLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application on the embedded defaults for every audit test class (they share the Spring context, so the known
 * journeys of {@link AuditJourneys} run once and every class sees exactly them).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("embedded")
abstract class AuditTestApplication {

    /** bob's writeback fails for good on purpose (AuditJourneys): the operators' line about it. */
    @RegisterExtension
    static final ExpectedLog WRITES = ExpectedLog.of("org.resetflow.camunda.DirectoryWriteIncidents");

    static final Path DATA = EmbeddedTestDefaults.newDataDirectory();
    static final int CLOUD_PORT = EmbeddedTestDefaults.freePort();
    static final int ON_PREMISES_PORT = EmbeddedTestDefaults.freePort();

    @DynamicPropertySource
    static void embeddedDefaults(DynamicPropertyRegistry registry) {
        EmbeddedTestDefaults.properties(DATA, CLOUD_PORT, ON_PREMISES_PORT).forEach((key, value) -> registry.add(key, () -> value));
        // A fixed secret, so that the hostile username's decoy claims the same methods every run: whether a decoy claims
        // an authenticator app or a passkey is a keyed hash of its username, and its journey must offer email here.
        registry.add("resetflow.security.secret", () -> "audit-test-secret-".repeat(3));
    }

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    AuditJourneys.Ran journeys;

    @BeforeEach
    void knownJourneys() {
        journeys = AuditJourneys.runOnce(port, runtime, management, history);
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }
}
