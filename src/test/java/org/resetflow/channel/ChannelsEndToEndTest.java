package org.resetflow.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.resetflow.testing.EmbeddedTestDefaults;
import org.resetflow.testing.ExpectedLog;
import org.resetflow.testing.JourneyApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Real channels: email over SMTP to GreenMail, text messages and calls through Twilio's REST API, with WireMock in
 * Twilio's place. The journey API drives everything, as a client would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("embedded")
class ChannelsEndToEndTest {

    static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    static final String TOKEN = "twilio-test-auth-token";
    static final String FROM = "+15005550006";
    static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";
    static final String CALLS = "/2010-04-01/Accounts/" + ACCOUNT + "/Calls.json";

    static final int SMTP_PORT = EmbeddedTestDefaults.freePort();
    static final GreenMail MAIL = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    static final WireMockServer TWILIO = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));

    static {
        MAIL.start();
        TWILIO.start();
    }

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        EmbeddedTestDefaults.properties(EmbeddedTestDefaults.newDataDirectory(), EmbeddedTestDefaults.freePort(), EmbeddedTestDefaults.freePort())
                .forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("resetflow.channels.twilio.account-sid", () -> ACCOUNT);
        registry.add("resetflow.channels.twilio.auth-token", () -> TOKEN);
        registry.add("resetflow.channels.twilio.from-number", () -> FROM);
        registry.add("resetflow.channels.twilio.base-url", TWILIO::baseUrl);
        registry.add("resetflow.verification.send-retry-cycle", () -> "R3/PT1S");
    }

    /** Twilio's outages and refusals here are on purpose: the job executor's and the sender's lines about them. */
    @RegisterExtension
    static final ExpectedLog SENDING = ExpectedLog.of("org.resetflow.camunda.JobFailureLog", "org.resetflow.verification.SendCodeDelegate");

    @AfterAll
    static void stopServers() {
        MAIL.stop();
        TWILIO.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    JourneyApi api;

    @BeforeEach
    void reset() {
        api = new JourneyApi(port);
        TWILIO.resetAll();
        TWILIO.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201).withBody("{\"sid\": \"SM1\", \"status\": \"queued\"}")));
        TWILIO.stubFor(post(urlEqualTo(CALLS)).willReturn(aResponse().withStatus(201).withBody("{\"sid\": \"CA1\", \"status\": \"queued\"}")));
    }

    @Test
    void alicesCodeEmailIsInHerLanguageWithTextAndHtmlAndTheCodeInItCompletesTheJourney() throws Exception {
        api.language("de");
        JourneyApi.Flow flow = api.flow("resets", api.start("resets", "alice"));
        assertThat(api.submit(flow, "chooseMethod", Map.of("method", "EMAIL", "contact", "alice.alt@example.org")).stepKey()).isEqualTo("enterCode");

        MimeMessage mail = awaitMail("alice.alt@example.org", 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("Example Org: Ihr Bestätigungscode");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("resetflow@example.org");
        Multipart parts = (Multipart) mail.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        String code = code(text);
        assertThat(html).contains(code).contains("Ihr Bestätigungscode").contains("https://helpdesk.example.org");
        assertThat(text).contains("Er läuft in 10 Minuten ab").contains("Wenden Sie sich an den IT-Helpdesk.");

        assertThat(api.submit(flow, "enterCode", Map.of("code", code)).stepKey()).isEqualTo("setPassword");
        JourneyApi.Response done = api.submit(flow, "setPassword", Map.of("password", "Gelbe-Kastanie-2031", "passwordConfirmation", "Gelbe-Kastanie-2031"));
        assertThat(done.field("status")).isEqualTo("COMPLETED");

        for (String address : List.of("alice@example.org", "alice.alt@example.org")) {
            MimeMessage notice = awaitMail(address, address.startsWith("alice.alt") ? 2 : 1).get(address.startsWith("alice.alt") ? 1 : 0);
            assertThat(notice.getSubject()).as(address).isEqualTo("Example Org: Ihr Passwort wurde geändert");
            assertThat(GreenMailUtil.getBody(notice)).doesNotContain("Gelbe-Kastanie-2031");
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> !textsTo("+12025550101").isEmpty());
        assertThat(textsTo("+12025550101").get(0).get("Body")).contains("Das Passwort von alice wurde geändert");
    }

    @Test
    void whenDavesPasswordIsResetTheOtherAdministratorsAreTold() throws Exception {
        JourneyApi.Flow flow = api.flow("resets", api.start("resets", "dave"));
        api.submit(flow, "chooseMethod", Map.of("method", "EMAIL", "contact", "dave.alt@example.org"));
        api.submit(flow, "enterCode", Map.of("code", code(GreenMailUtil.getBody(awaitMail("dave.alt@example.org", 1).get(0)))));

        api.submit(flow, "chooseMethod", Map.of("method", "SMS", "contact", "+1 202 555 0104"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !textsTo("+12025550104").isEmpty());
        Map<String, String> sms = textsTo("+12025550104").get(0);
        LoggedRequest request = TWILIO.findAll(postRequestedFor(urlEqualTo(MESSAGES))).get(0);
        assertThat(request.getHeader("Authorization")).isEqualTo("Basic " + java.util.Base64.getEncoder()
                .encodeToString((ACCOUNT + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(sms).containsEntry("From", FROM).containsEntry("To", "+12025550104");
        assertThat(sms.get("Body")).startsWith("Example Org: your verification code is ");

        assertThat(api.submit(flow, "enterCode", Map.of("code", code(sms.get("Body")))).stepKey()).isEqualTo("setPassword");
        assertThat(api.submit(flow, "setPassword", Map.of("password", "Copper-Harbour-Lamp-88", "passwordConfirmation", "Copper-Harbour-Lamp-88"))
                .field("status")).isEqualTo("COMPLETED");
        MimeMessage toHelen = awaitMail("helen@example.org", 1).get(0);
        assertThat(toHelen.getSubject()).isEqualTo("Example Org: an administrator’s password was reset");
        assertThat(GreenMailUtil.getBody(toHelen)).contains("dave");
        assertThat(MAIL.getReceivedMessagesForDomain("dave@example.org")).as("not the administrator himself").hasSize(1);
    }

    @Test
    void aCallReadsTheCodeTwice() {
        JourneyApi.Flow flow = api.flow("resets", api.start("resets", "bob"));
        api.submit(flow, "chooseMethod", Map.of("method", "VOICE_MOBILE", "contact", "(202) 555-0102"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !TWILIO.findAll(postRequestedFor(urlEqualTo(CALLS))).isEmpty());
        Map<String, String> call = form(TWILIO.findAll(postRequestedFor(urlEqualTo(CALLS))).get(0));
        assertThat(call).containsEntry("To", "+12025550102").containsEntry("From", FROM);
        String twiml = call.get("Twiml");
        assertThat(twiml).startsWith("<Response><Say language=\"en-US\">").endsWith("</Response>");
        Matcher spoken = Pattern.compile("code is ((\\d, ){7}\\d)").matcher(twiml);
        assertThat(spoken.find()).isTrue();
        String digits = spoken.group(1);
        assertThat(twiml.indexOf(digits, twiml.indexOf(digits) + 1)).as("the code is read twice").isPositive();
        assertThat(api.submit(flow, "enterCode", Map.of("code", digits.replace(", ", ""))).stepKey()).isEqualTo("setPassword");
    }

    @Test
    void aTwilioOutageIsRetriedAndTheCodeArrivesOnce() {
        TWILIO.resetAll();
        TWILIO.stubFor(post(urlEqualTo(MESSAGES)).inScenario("outage").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        TWILIO.stubFor(post(urlEqualTo(MESSAGES)).inScenario("outage").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(201).withBody("{\"sid\": \"SM2\"}")));
        JourneyApi.Flow flow = api.flow("resets", api.start("resets", "gina"));
        assertThat(api.submit(flow, "chooseMethod", Map.of("method", "SMS", "contact", "+1 202 555 0107")).stepKey()).isEqualTo("enterCode");
        awaitDeliveryEnded(flow);
        List<LoggedRequest> attempts = TWILIO.findAll(postRequestedFor(urlEqualTo(MESSAGES)));
        assertThat(attempts).hasSize(2);
        assertThat(api.get(flow).stepKey()).as("the user waited at the code's entry all along").isEqualTo("enterCode");
        assertThat(api.submit(flow, "enterCode", Map.of("code", code(form(attempts.get(1)).get("Body")))).stepKey()).isEqualTo("setPassword");
    }

    @Test
    void whenTheRetriesAreSpentAnIncidentIsRaisedAndTheUserChoosesAnotherMethod() {
        TWILIO.resetAll();
        TWILIO.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(503)));
        JourneyApi.Flow flow = api.flow("resets", api.start("resets", "bob"));
        String instance = api.processInstanceOf(runtime, flow);
        JourneyApi.Response again = chooseATextThatCannotBeDelivered(flow, "+1 202 555 0102");
        assertThat(again.field("status")).isEqualTo("ACTIVE");
        assertThat(again.flow().path("messages").findValuesAsText("code")).contains("notice.SEND_FAILED");
        assertThat(api.optionValues(again)).containsExactly("EMAIL", "VOICE_MOBILE");
        assertThat(TWILIO.findAll(postRequestedFor(urlEqualTo(MESSAGES)))).hasSize(3);
        assertThat(runtime.createIncidentQuery().processInstanceId(instance).incidentType("codeDelivery").list()).as("on the journey")
                .singleElement().satisfies(incident -> assertThat(incident.getIncidentMessage()).contains("HTTP 503").contains("retries exhausted"));
        awaitDeliveryEnded(flow);
        assertThat(runtime.createIncidentQuery().incidentType("failedJob").count()).as("the delivery gave up, it did not fail").isZero();
    }

    @Test
    void anInvalidNumberIsAClearMessageNotARetryLoop() {
        TWILIO.resetAll();
        TWILIO.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"code\": 21211, \"message\": \"The 'To' number +12025550101 is not a valid phone number.\", \"status\": 400}")));
        JourneyApi.Flow flow = api.flow("resets", api.start("resets", "alice"));
        String instance = api.processInstanceOf(runtime, flow);
        JourneyApi.Response back = chooseATextThatCannotBeDelivered(flow, "+1 202 555 0101");
        assertThat(back.flow().path("messages").get(0).path("text").asText()).isEqualTo("We could not send a code this way. Choose another method.");
        JourneyApi.Response typedMeanwhile = api.submit(flow, "enterCode", Map.of("code", "12345678"));
        assertThat(typedMeanwhile.status()).as("a code typed meanwhile meets the step the journey is at now").isEqualTo(409);
        assertThat(typedMeanwhile.body().path("currentStep").asText()).isEqualTo("chooseMethod");
        assertThat(TWILIO.findAll(postRequestedFor(urlEqualTo(MESSAGES)))).hasSize(1);
        assertThat(runtime.createIncidentQuery().processInstanceId(instance).incidentType("codeDelivery").list())
                .singleElement().satisfies(incident -> assertThat(incident.getIncidentMessage()).contains("error 21211"));
        awaitDeliveryEnded(flow);
        assertThat(SENDING.lines(Level.WARN)).anySatisfy(line -> {
            assertThat(line.message()).startsWith("A SMS code could not be delivered for journey " + flow.id()).contains("error 21211");
            assertThat(line.hasStackTrace()).isFalse();
        });
    }

    /**
     * Chooses a text message to the number, which the provider will not take: the user is asked for the code at once,
     * and finds the journey back at the choice of a method once the code's delivery has given up.
     */
    private JourneyApi.Response chooseATextThatCannotBeDelivered(JourneyApi.Flow flow, String number) {
        assertThat(api.submit(flow, "chooseMethod", Map.of("method", "SMS", "contact", number)).stepKey())
                .as("the answer does not wait for the provider").isEqualTo("enterCode");
        await().atMost(Duration.ofSeconds(30)).until(() -> "chooseMethod".equals(api.get(flow).stepKey()));
        return api.get(flow);
    }

    /** The code's delivery (a process instance of its own, with the journey's flow id as business key) has ended. */
    private void awaitDeliveryEnded(JourneyApi.Flow flow) {
        await().atMost(Duration.ofSeconds(15)).until(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(flow.id())
                .processDefinitionKey("codeDelivery").count() == 0);
    }

    private static List<MimeMessage> awaitMail(String address, int count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> to(address).size() >= count);
        return to(address);
    }

    private static List<MimeMessage> to(String address) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(r -> r.toString().equalsIgnoreCase(address));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    private static List<Map<String, String>> textsTo(String number) {
        return TWILIO.findAll(postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(
                        com.github.tomakehurst.wiremock.client.WireMock.containing("To=" + java.net.URLEncoder.encode(number, StandardCharsets.UTF_8))))
                .stream().map(ChannelsEndToEndTest::form).toList();
    }

    static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    static String code(String text) {
        Matcher matcher = Pattern.compile("\\b(\\d{8})\\b").matcher(text);
        assertThat(matcher.find()).as("a code in: " + text).isTrue();
        return matcher.group(1);
    }
}
