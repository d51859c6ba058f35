package org.resetflow.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.resetflow.testing.ExpectedLog;
import org.resetflow.notme.NotMeLinks;
import org.resetflow.testing.JourneyApi;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Drill: the text-message provider answers 503, then holds every request without an answer (past ResetFlow's timeout,
 * {@code resetflow.channels.twilio.timeout}). The code's delivery is retried with production's default cycle, each
 * failure one WARN line; the user waits at the code and is never held up by the provider; when the retries are spent
 * the user is offered the other methods and the helpdesk sees a {@code codeDelivery} incident. The user resets with a
 * code by email; the notice's emails go out, its text message fails until its retries are spent (a {@code failedJob}
 * incident while the user reads "completed"), and once the provider is back an operator retries it as Cockpit does:
 * the text message goes out, the emails are not sent again, and every "not me" link that went out works.
 */
class TextProviderOutageIT extends OutageDrillApplication {

    static final String USER = "gina";
    static final String ALTERNATE = "gina.alt@example.org";
    static final String MAIL = "gina@example.org";
    static final String MOBILE = "+12025550107";

    @Autowired
    NotMeLinks notMeLinks;

    @RegisterExtension
    static final ExpectedLog LOG = ExpectedLog.of("org.resetflow", "org.camunda.bpm");

    @Test
    void aProviderThatAnswers503AndThenHangsCostsTheUserOneMethodAndNoMessageIsLostOrSentTwice() throws Exception {
        JourneyApi api = api();
        JourneyApi.Flow flow = api.flow("resets", api.start("resets", USER));
        String journey = journeyInstance(flow, "passwordReset");
        String[] failedNotice = new String[1];
        try {
            TWILIO.mode(TwilioStub.Mode.UNAVAILABLE);
            JourneyApi.Response asked = api.submit(flow, "chooseMethod", Map.of("method", "SMS", "contact", "+1 202 555 0107"));
            assertThat(asked.stepKey()).isEqualTo("enterCode");
            assertThat(messageCodes(asked)).isEmpty();
            await().atMost(Duration.ofSeconds(30)).until(() -> TWILIO.answeredUnavailable() == 1);

            TWILIO.mode(TwilioStub.Mode.HANG);
            long before = System.nanoTime();
            JourneyApi.Response waiting = api.get(flow);
            assertThat(Duration.ofNanos(System.nanoTime() - before)).as("no answer waits for the provider").isLessThan(TWILIO_TIMEOUT);
            assertThat(waiting.stepKey()).isEqualTo("enterCode");
            assertThat(messageCodes(waiting)).isEmpty();

            untilRetriesAreSpent(flow, () -> "chooseMethod".equals(api.get(flow).stepKey()));
            assertThat(TWILIO.heldWithoutAnswer()).as("the three retries met the hanging provider").isEqualTo(3);
            JourneyApi.Response back = api.get(flow);
            assertThat(messageCodes(back)).containsExactly("notice.SEND_FAILED");
            assertThat(api.optionValues(back)).as("text messages are not offered again in this journey").doesNotContain("SMS").contains("EMAIL");
            assertThat(incidentsOf(flow)).as("the helpdesk's view in Cockpit").singleElement().satisfies(incident -> {
                assertThat(incident.getIncidentType()).isEqualTo("codeDelivery");
                assertThat(incident.getProcessInstanceId()).isEqualTo(journey);
                assertThat(incident.getIncidentMessage()).contains("SMS to " + MOBILE + " could not reach Twilio").contains("(retries exhausted)");
            });
            assertThat(tasks.createTaskQuery().processInstanceBusinessKey(flow.id()).withCandidateGroups().count()).as("no helpdesk task").isZero();
            assertThat(LOG.lines(Level.WARN)).filteredOn(line -> line.logger().endsWith("JobFailureLog")).extracting(ExpectedLog.Line::message)
                    .anySatisfy(message -> assertThat(message).endsWith("SMS to " + MOBILE + " refused by Twilio (HTTP 503, error 20503: Service unavailable)"))
                    .anySatisfy(message -> assertThat(message).contains("SMS to " + MOBILE + " could not reach Twilio"));

            // the user goes on by email while the provider still hangs; the password is set, its notice cannot be texted
            assertThat(api.submit(flow, "chooseMethod", Map.of("method", "EMAIL", "contact", ALTERNATE)).stepKey()).isEqualTo("enterCode");
            await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(ALTERNATE).size() == 1);
            String code = SmtpOutageIT.code(text(mailsTo(ALTERNATE).get(0)));
            assertThat(api.submit(flow, "enterCode", Map.of("code", code)).stepKey()).isEqualTo("setPassword");
            assertThat(api.submit(flow, "setPassword", Map.of("password", "Meadow-Copper-Violin-27", "passwordConfirmation",
                    "Meadow-Copper-Violin-27")).field("status")).isEqualTo("COMPLETED");
            untilRetriesAreSpent(flow, () -> incidentsOf(flow).stream().anyMatch(incident -> "failedJob".equals(incident.getIncidentType())));
            assertThat(incidentsOf(flow)).filteredOn(incident -> "failedJob".equals(incident.getIncidentType())).singleElement().satisfies(incident -> {
                assertThat(incident.getActivityId()).isEqualTo("notifyUser");
                assertThat(incident.getIncidentMessage()).contains("SMS to " + MOBILE + " could not reach Twilio");
                failedNotice[0] = incident.getConfiguration();
            });
            assertThat(api.get(flow).field("status")).as("the user reads that the password is changed").isEqualTo("COMPLETED");
            assertThat(mailSubjects(MAIL)).as("each email went out at the first try, and only then").containsExactly(resetNoticeSubject());
            assertThat(mailSubjects(ALTERNATE)).containsExactly(codeSubject(), resetNoticeSubject());
        } finally {
            TWILIO.mode(TwilioStub.Mode.ACCEPT);
        }

        retryAsCockpitDoes(failedNotice[0]);
        await().atMost(Duration.ofSeconds(30)).until(() -> instancesOf(flow).isEmpty());
        assertThat(mailSubjects(ALTERNATE)).containsExactly(codeSubject(), resetNoticeSubject());
        assertThat(mailSubjects(MAIL)).containsExactly(resetNoticeSubject());
        assertThat(textsTo(MOBILE)).as("no code by text message was ever accepted; the notice once")
                .singleElement().satisfies(text -> assertThat(text).contains("the password of gina was changed"));
        String emailLink = notMeToken(text(mailsTo(MAIL).get(0)));
        String textLink = notMeToken(textsTo(MOBILE).get(0));
        assertThat(textLink).as("the retry's messages carry a link of their own").isNotEqualTo(emailLink);
        assertThat(notMeLinks.usable(emailLink)).as("the link in the emails that went out before the retry still works").isTrue();
        assertThat(notMeLinks.usable(textLink)).isTrue();
        assertThat(LOG.lines()).as("one line per failure, no stack trace, nothing at ERROR").noneMatch(ExpectedLog.Line::hasStackTrace)
                .noneMatch(line -> line.level() == Level.ERROR);
    }

    private static String notMeToken(String message) {
        Matcher link = Pattern.compile(Pattern.quote(NotMeLinks.PATH) + "([A-Za-z0-9_-]{43})").matcher(message);
        assertThat(link.find()).as("a \"not me\" link in: " + message).isTrue();
        return link.group(1);
    }
}
