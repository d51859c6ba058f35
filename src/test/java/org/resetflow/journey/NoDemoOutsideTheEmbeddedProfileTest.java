package org.resetflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import java.time.Duration;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.resetflow.testing.EmbeddedTestDefaults;
import org.resetflow.testing.JourneyApi;

/**
 * Outside the embedded profile there are no demo credentials and no development outbox: the application runs
 * here with its production defaults, only pointed at in-process directories and an in-memory database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:no-demo;DB_CLOSE_DELAY=-1",
        "resetflow.security.secret=a-production-like-secret-of-sufficient-length",
        "resetflow.embedded-directories.enabled=true",
        "resetflow.directory.cloud.bind-dn=cn=resetflow,ou=services,dc=cloud,dc=example,dc=org",
        "resetflow.directory.cloud.bind-password=cloud-service-password",
        "resetflow.directory.on-premises.bind-dn=cn=resetflow-writeback,dc=corp,dc=example,dc=org",
        "resetflow.directory.on-premises.bind-password=on-premises-service-password",
        "resetflow.policy.methods=EMAIL,QUESTIONS",
        // self-service is off until an administrator sets its scope
        "resetflow.policy.scope=all"})
@ActiveProfiles("production-like")
class NoDemoOutsideTheEmbeddedProfileTest {

    static final Path DATA = EmbeddedTestDefaults.newDataDirectory();
    static final int CLOUD_PORT = EmbeddedTestDefaults.freePort();
    static final int ON_PREMISES_PORT = EmbeddedTestDefaults.freePort();

    /** Where the escalation's notice to alice goes: without a server, its send would be retried beneath later test classes. */
    static final GreenMail MAIL = startMail();

    private static GreenMail startMail() {
        GreenMail mail = new GreenMail(new ServerSetup(EmbeddedTestDefaults.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    @AfterAll
    static void stopMail() {
        MAIL.stop();
    }

    @DynamicPropertySource
    static void directories(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("resetflow.embedded-directories.data-directory", () -> DATA.toString());
        registry.add("resetflow.audit.directory", () -> DATA.resolve("audit").toString());
        registry.add("resetflow.embedded-directories.cloud-port", () -> CLOUD_PORT);
        registry.add("resetflow.embedded-directories.on-premises-port", () -> ON_PREMISES_PORT);
        registry.add("resetflow.directory.cloud.url", () -> "ldap://127.0.0.1:" + CLOUD_PORT);
        registry.add("resetflow.directory.on-premises.url", () -> "ldap://127.0.0.1:" + ON_PREMISES_PORT);
    }

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @Autowired
    ApplicationContext context;

    @Test
    void thereIsNoDevelopmentOutbox() {
        JourneyApi api = new JourneyApi(port);
        assertThat(api.getPath("/dev/outbox?to=alice.alt@example.org", null).status()).isEqualTo(404);
        assertThat(context.getBeanNamesForType(org.resetflow.channel.DevOutbox.class)).isEmpty();
    }

    @Test
    void thereAreNoDefaultCredentials() {
        JourneyApi api = new JourneyApi(port);
        assertThat(identityService.createUserQuery().userId("demo").count()).as("no demo staff account").isZero();
        assertThat(api.getPath("/engine-rest/process-definition", "demo:demo").status()).isEqualTo(401);
    }

    @Test
    void historyCleanUpIsScheduledInItsNightlyWindow(@Autowired org.camunda.bpm.engine.ProcessEngine engine) {
        var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(configuration.isEnforceHistoryTimeToLive()).isTrue();
        assertThat(engine.getHistoryService().findHistoryCleanupJobs()).as("the clean-up job waits for its window").isNotEmpty();
    }

    @Test
    void theJourneyApiWorksWithoutDemoData() throws Exception {
        JourneyApi api = new JourneyApi(port);
        JourneyApi.Response started = api.start("resets", "alice");
        assertThat(started.status()).isEqualTo(201);
        assertThat(started.field("status")).as("no demo registrations: alice has nothing registered").isEqualTo("ESCALATED");
        await().atMost(Duration.ofSeconds(30)).until(() -> MAIL.getReceivedMessages().length > 0);
        assertThat(MAIL.getReceivedMessages()[0].getAllRecipients()).extracting(Object::toString).as("a real email, not the outbox")
                .containsExactly("alice@example.org");
    }
}
