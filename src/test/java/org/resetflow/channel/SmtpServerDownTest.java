package org.resetflow.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.resetflow.testing.EmbeddedTestDefaults;
import org.resetflow.testing.ExpectedLog;
import org.resetflow.testing.JourneyApi;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The SMTP server is down when the code is sent: the user is asked for the code all the same, the send is retried, and one email arrives. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("embedded")
class SmtpServerDownTest {

    static final int SMTP_PORT = EmbeddedTestDefaults.freePort();
    static final GreenMail MAIL = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        EmbeddedTestDefaults.properties(EmbeddedTestDefaults.newDataDirectory(), EmbeddedTestDefaults.freePort(), EmbeddedTestDefaults.freePort())
                .forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> 2000);
        registry.add("resetflow.verification.send-retry-cycle", () -> "R5/PT2S");
    }

    /** The failed sends while the server is down, as the send step and the job executor's threads log them. */
    @RegisterExtension
    static final ExpectedLog DELIVERY = ExpectedLog.of("org.resetflow.verification.SendCodeDelegate", "org.resetflow.camunda.JobFailureLog");

    @AfterAll
    static void stop() {
        MAIL.stop();
    }

    @LocalServerPort
    int port;

    @Test
    void theJourneySurvivesAndTheCodeIsSentOnceTheServerIsBack() {
        JourneyApi api = new JourneyApi(port);
        JourneyApi.Flow flow = api.flow("resets", api.start("resets", "alice"));
        JourneyApi.Response asked = api.submit(flow, "chooseMethod", Map.of("method", "EMAIL", "contact", "alice.alt@example.org"));
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.stepKey()).as("the code is sent in the background, the user is asked for it at once").isEqualTo("enterCode");
        assertThat(asked.body().path("messages")).isEmpty();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(DELIVERY.lines(Level.WARN)).anySatisfy(line -> {
            assertThat(line.message()).contains("Email to alice.alt@example.org could not be sent");
            assertThat(line.hasStackTrace()).as("a server that is away is one line").isFalse();
        }));

        MAIL.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> MAIL.getReceivedMessages().length > 0);
        assertThat(api.get(flow).stepKey()).isEqualTo("enterCode");
        String code = ChannelsEndToEndTest.code(GreenMailUtil.getBody(MAIL.getReceivedMessages()[0]));
        assertThat(api.submit(flow, "enterCode", Map.of("code", code)).stepKey()).isEqualTo("setPassword");
        assertThat(MAIL.getReceivedMessagesForDomain("alice.alt@example.org")).as("exactly one code email").hasSize(1);
    }
}
