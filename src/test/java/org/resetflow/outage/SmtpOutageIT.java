package org.resetflow.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.resetflow.testing.ExpectedLog;
import org.resetflow.testing.JourneyApi;

/**
 * Drill: the SMTP server is down for longer than the retries of everything that sends email. A code by email is
 * retried ({@code resetflow.verification.send-retry-cycle}, production's default), then given up: the user is back at
 * the choice of a method with "We could not send a code this way", the helpdesk sees a {@code codeDelivery} incident,
 * and the code never arrives (it was discarded). The user resets with a text message instead. The notice of the reset
 * is retried the same way and then is a {@code failedJob} incident while the user already reads "completed"; once the
 * server is back an operator retries it as Cockpit does, and every address gets exactly one notice.
 */
class SmtpOutageIT extends OutageDrillApplication {

    static final String USER = "alice";
    static final String ALTERNATE = "alice.alt@example.org";
    static final String MAIL = "alice@example.org";
    static final String MOBILE = "+12025550101";

    /** What the outage makes ResetFlow and the engine log, for the assertions: nothing reaches the console. */
    @RegisterExtension
    static final ExpectedLog LOG = ExpectedLog.of("org.resetflow", "org.camunda.bpm");

    @Test
    void codesAndTheNoticeOfAResetOutlastAnSmtpOutageLongerThanTheirRetriesAndEachNoticeArrivesOnce() throws Exception {
        JourneyApi api = api();
        JourneyApi.Flow flow = api.flow("resets", api.start("resets", USER));
        String journey = journeyInstance(flow, "passwordReset");
        String failedNotice;
        try {
            SMTP.down();
            JourneyApi.Response asked = api.submit(flow, "chooseMethod", Map.of("method", "EMAIL", "contact", ALTERNATE));
            assertThat(asked.status()).isEqualTo(200);
            assertThat(asked.stepKey()).as("the user is asked for the code at once").isEqualTo("enterCode");
            assertThat(messageCodes(asked)).isEmpty();
            await().atMost(Duration.ofSeconds(30)).until(() -> LOG.lines(Level.WARN).stream()
                    .anyMatch(line -> line.message().contains("Email to " + ALTERNATE + " could not be sent")));
            assertThat(api.get(flow).stepKey()).as("while the code's delivery is retried, the user waits at the code").isEqualTo("enterCode");
            assertThat(messageCodes(api.get(flow))).isEmpty();

            untilRetriesAreSpent(flow, () -> "chooseMethod".equals(api.get(flow).stepKey()));
            JourneyApi.Response back = api.get(flow);
            assertThat(back.field("status")).isEqualTo("ACTIVE");
            assertThat(messageCodes(back)).containsExactly("notice.SEND_FAILED");
            assertThat(back.flow().path("messages").get(0).path("text").asText()).isEqualTo("We could not send a code this way. Choose another method.");
            assertThat(api.optionValues(back)).as("email is not offered again in this journey").doesNotContain("EMAIL").contains("SMS");
            assertThat(incidentsOf(flow)).as("the helpdesk's view in Cockpit").singleElement().satisfies(incident -> {
                assertThat(incident.getIncidentType()).isEqualTo("codeDelivery");
                assertThat(incident.getProcessInstanceId()).isEqualTo(journey);
                assertThat(incident.getIncidentMessage()).contains("Email to " + ALTERNATE + " could not be sent: MailSendException")
                        .contains("(retries exhausted)");
            });
            assertThat(tasks.createTaskQuery().processInstanceBusinessKey(flow.id()).withCandidateGroups().count())
                    .as("no helpdesk task: the user goes on").isZero();

            // the user goes on by text message while the mail server is still down
            assertThat(api.submit(flow, "chooseMethod", Map.of("method", "SMS", "contact", "+1 202 555 0101")).stepKey()).isEqualTo("enterCode");
            await().atMost(Duration.ofSeconds(30)).until(() -> textsTo(MOBILE).size() == 1);
            assertThat(api.submit(flow, "enterCode", Map.of("code", code(textsTo(MOBILE).get(0)))).stepKey()).isEqualTo("setPassword");
            JourneyApi.Response done = api.submit(flow, "setPassword", Map.of("password", "Harbour-Lantern-Quill-62", "passwordConfirmation",
                    "Harbour-Lantern-Quill-62"));
            assertThat(done.field("status")).as("the password is set; only its notice waits").isEqualTo("COMPLETED");

            untilRetriesAreSpent(flow, () -> incidentsOf(flow).stream().anyMatch(incident -> "failedJob".equals(incident.getIncidentType())));
            Incident notice = incidentsOf(flow).stream().filter(incident -> "failedJob".equals(incident.getIncidentType())).findFirst().orElseThrow();
            assertThat(notice.getActivityId()).isEqualTo("notifyUser");
            assertThat(notice.getProcessInstanceId()).isEqualTo(journey);
            assertThat(notice.getIncidentMessage()).contains("Email to " + MAIL + " could not be sent: MailSendException");
            failedNotice = notice.getConfiguration();
            JourneyApi.Response meanwhile = api.get(flow);
            assertThat(meanwhile.field("status")).isEqualTo("COMPLETED");
            assertThat(messageCodes(meanwhile)).containsExactly("completed.reset");
            assertThat(tasks.createTaskQuery().processInstanceBusinessKey(flow.id()).withCandidateGroups().count()).isZero();
            assertThat(mailsTo(MAIL)).isEmpty();
            assertThat(textsTo(MOBILE)).as("the notice's text message waits for its emails").hasSize(1);
        } finally {
            SMTP.up();
        }

        retryAsCockpitDoes(failedNotice);
        await().atMost(Duration.ofSeconds(30)).until(() -> instancesOf(flow).isEmpty());
        assertThat(mailSubjects(MAIL)).containsExactly(resetNoticeSubject());
        assertThat(mailSubjects(ALTERNATE)).as("the undeliverable code was discarded; the notice arrives once").containsExactly(resetNoticeSubject());
        List<String> texts = textsTo(MOBILE);
        assertThat(texts).hasSize(2);
        assertThat(texts.get(0)).contains("your verification code is");
        assertThat(texts.get(1)).contains("the password of alice was changed");
        assertThat(runtime.createIncidentQuery().processInstanceId(journey).count()).isZero();

        assertThat(LOG.lines()).as("one line per failure, no stack trace, nothing at ERROR").noneMatch(ExpectedLog.Line::hasStackTrace)
                .noneMatch(line -> line.level() == Level.ERROR);
        assertThat(LOG.lines(Level.WARN)).anySatisfy(line -> assertThat(line.message())
                .isEqualTo("A EMAIL code could not be delivered for journey " + flow.id() + ": Email to " + ALTERNATE
                        + " could not be sent: MailSendException (retries exhausted)"));
        assertThat(LOG.lines(Level.WARN)).filteredOn(line -> line.logger().endsWith("JobFailureLog") && line.message().contains("MailSendException"))
                .as("each failed try of the code and of the notice, one line each").hasSizeGreaterThanOrEqualTo(4);
    }

    static String code(String text) {
        Matcher matcher = Pattern.compile("\\b(\\d{6,})\\b").matcher(text);
        assertThat(matcher.find()).as("a code in: " + text).isTrue();
        return matcher.group(1);
    }
}
