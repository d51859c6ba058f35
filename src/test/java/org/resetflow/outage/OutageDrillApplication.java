package org.resetflow.outage;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.resetflow.directory.embedded.EmbeddedDirectories;
import org.resetflow.testing.EmbeddedTestDefaults;
import org.resetflow.testing.JourneyApi;
import org.resetflow.testing.TcpProxy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application the outage drills run against, one for all of them (the same configuration, so Spring's test
 * context cache starts it once): production's PostgreSQL profile on a fresh database of the test server, with the
 * embedded profile's directories, and real servers in front of which each drill can pull the plug:
 * <ul>
 *   <li>PostgreSQL behind a TCP proxy of the drill's own ({@link #POSTGRES}): cutting it drops every connection and
 *       refuses new ones, which is what clients see while PostgreSQL restarts, without touching the shared server;</li>
 *   <li>GreenMail, a real SMTP server, behind a TCP proxy ({@link #SMTP});</li>
 *   <li>a text-message provider in Twilio's place ({@link #TWILIO}) that answers 503 or hangs;</li>
 *   <li>the embedded on-premises directory, which {@link EmbeddedDirectories#takeOnPremisesDown()} stops.</li>
 * </ul>
 * The retry settings are production's defaults: the drills make a retry due at once (as if its backoff had passed)
 * instead of waiting for it, and recover as an operator would, through the engine API that Cockpit's buttons use.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"embedded", "postgres"})
abstract class OutageDrillApplication {

    static final URI POSTGRES_SERVER = URI.create(System.getProperty("resetflow.it.postgres.url", "jdbc:postgresql://127.0.0.1:5432/").substring(5));
    static final String POSTGRES_USER = System.getProperty("resetflow.it.postgres.user", "postgres");
    static final String DATABASE_PREFIX = "resetflow_drill_";
    static final String DATABASE = DATABASE_PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    static final TcpProxy POSTGRES = new TcpProxy(EmbeddedTestDefaults.freePort(), POSTGRES_SERVER.getHost(), POSTGRES_SERVER.getPort());
    static final GreenMail MAIL = new GreenMail(new ServerSetup(EmbeddedTestDefaults.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    static final TcpProxy SMTP;
    static final TwilioStub TWILIO = new TwilioStub();
    static final String TWILIO_ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    /** How long ResetFlow waits for the text-message provider: the drills' hanging provider is given up on after it. */
    static final Duration TWILIO_TIMEOUT = Duration.ofSeconds(2);
    static final String ORGANISATION = "Example Org";
    static final String CLOUD_SERVICE_PASSWORD = "outage-drill-cloud-service";
    // at least twice the slowest call a job makes here (a directory's 5 s timeout twice and its pool's 5 s wait: 15 s),
    // or the start-up check of the job lock time refuses to start (config.JobLockTimeCheck)
    static final Duration JOB_LOCK_TIME = Duration.ofSeconds(40);

    static {
        createDatabase();
        MAIL.start();
        SMTP = new TcpProxy(EmbeddedTestDefaults.freePort(), "127.0.0.1", MAIL.getSmtp().getPort());
        try {
            POSTGRES.up();
            SMTP.up();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void drillServers(DynamicPropertyRegistry registry) {
        EmbeddedTestDefaults.properties(EmbeddedTestDefaults.newDataDirectory(), EmbeddedTestDefaults.freePort(), EmbeddedTestDefaults.freePort())
                .forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + POSTGRES.port() + "/" + DATABASE);
        registry.add("spring.datasource.username", () -> POSTGRES_USER);
        registry.add("spring.datasource.password", () -> "");
        registry.add("resetflow.security.secret", () -> "outage-drill-secret-".repeat(3));
        registry.add("resetflow.directory.cloud.bind-password", () -> CLOUD_SERVICE_PASSWORD);
        // A job that was running when the database went away keeps its lock until the lock expires (Camunda's default:
        // five minutes); the drill does not wait that long for the journeys it cut in the middle of a job.
        registry.add("camunda.bpm.job-execution.lock-time-in-millis", () -> JOB_LOCK_TIME.toMillis());
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SMTP::port);
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> 2000);
        registry.add("spring.mail.properties.mail.smtp.timeout", () -> 5000);
        registry.add("resetflow.channels.twilio.account-sid", () -> TWILIO_ACCOUNT);
        registry.add("resetflow.channels.twilio.auth-token", () -> "drill-twilio-auth-token");
        registry.add("resetflow.channels.twilio.from-number", () -> "+15005550006");
        registry.add("resetflow.channels.twilio.base-url", TWILIO::baseUrl);
        registry.add("resetflow.channels.twilio.timeout", () -> TWILIO_TIMEOUT.toMillis() + "ms");
        // the drills send many codes to a few demo users within the hour
        registry.add("resetflow.throttling.codes-per-account-per-hour", () -> 1000);
        registry.add("resetflow.throttling.codes-per-destination-per-hour", () -> 1000);
    }

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    @Autowired
    TaskService tasks;

    @Autowired
    EmbeddedDirectories directories;

    /** A fresh database for this JVM's drills; the ones earlier runs left behind (their JVMs are gone) are dropped. */
    private static void createDatabase() {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + POSTGRES_SERVER.getHost() + ":" + POSTGRES_SERVER.getPort()
                + "/postgres", POSTGRES_USER, "");
             Statement statement = admin.createStatement()) {
            List<String> leftOver = new ArrayList<>();
            try (ResultSet names = statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + DATABASE_PREFIX + "%'")) {
                while (names.next()) {
                    leftOver.add(names.getString(1));
                }
            }
            for (String name : leftOver) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("the drills need PostgreSQL at " + POSTGRES_SERVER + " (user " + POSTGRES_USER + ")", e);
        }
    }

    JourneyApi api() {
        return new JourneyApi(port);
    }

    /** The journey's process instances: the journey itself, its called processes and its codes' deliveries. */
    List<ProcessInstance> instancesOf(JourneyApi.Flow flow) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(flow.id()).list();
    }

    String journeyInstance(JourneyApi.Flow flow, String processKey) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(flow.id()).processDefinitionKey(processKey).singleResult().getId();
    }

    /**
     * Every failed job of the journey that has retries left is due now, as if its backoff had passed: minutes of
     * retries take a moment. A job the job executor holds right now is left to it.
     */
    void retriesDueNow(JourneyApi.Flow flow) {
        Date now = new Date();
        for (ProcessInstance instance : instancesOf(flow)) {
            for (Job job : management.createJobQuery().processInstanceId(instance.getId()).withException().withRetriesLeft().list()) {
                Date lockedUntil = ((JobEntity) job).getLockExpirationTime();
                if ((lockedUntil == null || lockedUntil.before(now)) && job.getDuedate() != null && job.getDuedate().after(now)) {
                    try {
                        management.setJobDuedate(job.getId(), null);
                    } catch (ProcessEngineException movedOn) {
                        // the job executor took it meanwhile, or it ended
                    }
                }
            }
        }
    }

    /** Waits until the condition holds, making the journey's retries due as they come. */
    void untilRetriesAreSpent(JourneyApi.Flow flow, Callable<Boolean> condition) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(() -> {
            retriesDueNow(flow);
            return condition.call();
        });
    }

    List<Incident> incidentsOf(JourneyApi.Flow flow) {
        List<Incident> incidents = new ArrayList<>();
        instancesOf(flow).forEach(instance -> incidents.addAll(runtime.createIncidentQuery().processInstanceId(instance.getId()).list()));
        return incidents;
    }

    /**
     * What Cockpit's "Retry" on an incident does: one more retry for the failed job, due now (the dialog's "set the due
     * date to now"; keeping it would wait for the next interval of the retry cycle).
     */
    void retryAsCockpitDoes(String jobId) {
        management.setJobRetries(1).jobId(jobId).dueDate(new Date()).execute();
    }

    /** The subjects of the emails GreenMail received for this address, in order. */
    static List<String> mailSubjects(String address) {
        return mailsTo(address).stream().map(mail -> {
            try {
                return mail.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(r -> r.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** The plain-text part of an email, decoded: what the user reads. */
    static String text(MimeMessage mail) {
        try {
            Object content = mail.getContent();
            if (content instanceof jakarta.mail.Multipart parts) {
                return (String) parts.getBodyPart(0).getContent();
            }
            return (String) content;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String codeSubject() {
        return ORGANISATION + ": your verification code";
    }

    static String resetNoticeSubject() {
        return ORGANISATION + ": your password was changed";
    }

    /** The bodies of the text messages the provider accepted for this number. */
    static List<String> textsTo(String number) {
        return TWILIO.sentTo(number).stream().filter(sent -> sent.resource().equals("Messages.json")).map(sent -> sent.form().get("Body")).toList();
    }

    static List<String> messageCodes(JourneyApi.Response response) {
        return response.flow().path("messages").findValuesAsText("code");
    }
}
