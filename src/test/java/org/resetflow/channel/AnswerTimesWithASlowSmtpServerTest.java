package org.resetflow.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.resetflow.testing.CodeDeliveries;
import org.resetflow.testing.EmbeddedTestDefaults;
import org.resetflow.testing.JourneyApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The answer to "Choose a verification method" takes as long whether the typed address matched and a code is really
 * sent or not, with an SMTP server that takes half a second per message: the code's delivery runs in a process
 * instance of its own, and no answer waits for it (docs/security.md, answer times).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("embedded")
class AnswerTimesWithASlowSmtpServerTest {

    static final Duration SMTP_LATENCY = Duration.ofMillis(500);
    static final int WARM_UP_ROUNDS = 3;
    static final int ROUNDS = 9;
    static final GreenMail MAIL = new GreenMail(new ServerSetup(EmbeddedTestDefaults.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    static final SlowSmtpProxy SLOW_SMTP;

    static {
        MAIL.start();
        SLOW_SMTP = new SlowSmtpProxy(MAIL.getSmtp().getPort(), SMTP_LATENCY);
    }

    @DynamicPropertySource
    static void slowSmtp(DynamicPropertyRegistry registry) {
        EmbeddedTestDefaults.properties(EmbeddedTestDefaults.newDataDirectory(), EmbeddedTestDefaults.freePort(), EmbeddedTestDefaults.freePort())
                .forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SLOW_SMTP::port);
        // every round asks alice's account for a code, matching or not
        registry.add("resetflow.throttling.codes-per-account-per-hour", () -> 100);
        registry.add("resetflow.throttling.codes-per-destination-per-hour", () -> 100);
    }

    @AfterAll
    static void stopServers() throws IOException {
        SLOW_SMTP.close();
        MAIL.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    HistoryService history;

    @Test
    void theAnswerToChooseMethodTellsNothingOfWhetherACodeWasSent() {
        JourneyApi api = new JourneyApi(port);
        // the first rounds warm the application up, and are not counted
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            timeChoice(api, "alice.alt@example.org");
            timeChoice(api, "someone.else@example.org");
        }
        List<Long> matching = new ArrayList<>();
        List<Long> notMatching = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            matching.add(timeChoice(api, "alice.alt@example.org"));
            notMatching.add(timeChoice(api, "someone.else@example.org"));
        }

        long matchingMedian = median(matching);
        long notMatchingMedian = median(notMatching);
        String times = "median answers %d ms (a code sent) and %d ms (nothing sent); all: %s and %s"
                .formatted(matchingMedian, notMatchingMedian, matching, notMatching);
        // an answer that waited for the server would take its 500 ms and more; on 2 busy cores an answer takes 50 to 300
        assertThat(matchingMedian).as(times).isLessThan(SMTP_LATENCY.toMillis() * 3 / 5);
        assertThat(notMatchingMedian).as(times).isLessThan(SMTP_LATENCY.toMillis() * 3 / 5);
        assertThat(Math.abs(matchingMedian - notMatchingMedian)).as(times).isLessThan(100);

        int sent = WARM_UP_ROUNDS + ROUNDS;
        // the server has a message half a second before the proxy passes its acceptance on, and counts it
        await().atMost(Duration.ofSeconds(30)).until(() -> SLOW_SMTP.messagesHeldBack() == sent);
        // and no delivery may still be under way when the class closes the proxy: it would fail, and be retried beneath later classes
        CodeDeliveries.awaitAllEnded(history);
        assertThat(MAIL.getReceivedMessagesForDomain("alice.alt@example.org")).as("each accepted only after the server's latency").hasSize(sent);
        assertThat(MAIL.getReceivedMessagesForDomain("someone.else@example.org")).isEmpty();
        assertThat(MAIL.getReceivedMessages()).hasSize(sent);
    }

    /** Starts a reset for alice and times the answer to choosing email with this address, in milliseconds. */
    private static long timeChoice(JourneyApi api, String typedAddress) {
        JourneyApi.Flow flow = api.flow("resets", api.start("resets", "alice"));
        long start = System.nanoTime();
        JourneyApi.Response answer = api.submit(flow, "chooseMethod", Map.of("method", "EMAIL", "contact", typedAddress));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.stepKey()).isEqualTo("enterCode");
        return millis;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
