package org.resetflow.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.resetflow.recoveryinfo.RecoveryRegistrations;
import org.resetflow.testing.ExpectedLog;
import org.resetflow.testing.JourneyApi;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Drill: PostgreSQL restarts while journeys run. Several users reset their passwords at once, over the API, each a few
 * times in a row; in the middle, the drill's proxy in front of PostgreSQL drops every connection and refuses new ones
 * for some seconds, and the server ends the test database's backends ({@code pg_terminate_backend}), which is what
 * clients see while PostgreSQL restarts. API calls meanwhile get {@code 503} with {@code Retry-After} and a problem
 * that says to send the same request again; every journey in flight finishes once the database is back, and every
 * user has exactly the codes and notices of their journeys.
 */
class PostgresRestartIT extends OutageDrillApplication {

    static final List<String> USERS = List.of("petra", "quinn", "ruth", "sven");
    static final int JOURNEYS_PER_USER = 3;
    static final List<String> PASSWORDS = List.of("Copper-Lantern-Fjord-31", "Velvet-Harbour-Maple-52", "Orchid-Tundra-Signal-74");
    static final Duration OUTAGE = Duration.ofSeconds(6);
    static final String CLOUD = "dc=cloud,dc=example,dc=org";

    @RegisterExtension
    static final ExpectedLog LOG = ExpectedLog.of("org.resetflow", "org.camunda.bpm", "com.zaxxer.hikari", "org.springframework", "org.postgresql");

    @Autowired
    RecoveryRegistrations registrations;

    /** Every answer 503 the users' clients got during the outage, and every answer they should never get. */
    final List<JourneyApi.Response> unavailable = new CopyOnWriteArrayList<>();
    final List<String> unexpected = new CopyOnWriteArrayList<>();
    final AtomicInteger journeysStarted = new AtomicInteger();

    @Test
    void journeysInFlightFinishAfterARestartAndCallsMeanwhileAreToldToTryAgain() throws Exception {
        addUsers();
        ExecutorService clients = Executors.newFixedThreadPool(USERS.size());
        List<Future<List<JourneyApi.Flow>>> runs = new ArrayList<>();
        for (String user : USERS) {
            runs.add(clients.submit(() -> {
                List<JourneyApi.Flow> flows = new ArrayList<>();
                for (int round = 0; round < JOURNEYS_PER_USER; round++) {
                    flows.add(reset(user, PASSWORDS.get(round)));
                }
                return flows;
            }));
        }
        // in the middle of things: every user on the way, some already on their second journey
        await().atMost(Duration.ofMinutes(2)).until(() -> journeysStarted.get() >= USERS.size() + 2);

        JourneyApi api = api();
        JourneyApi.Flow watched = api.flow("resets", api.start("resets", "alice"));
        JourneyApi.Response startDuring;
        JourneyApi.Response readDuring;
        try (ExpectedLog outage = ExpectedLog.capture("org.resetflow.journey.ApiProblems")) {
            POSTGRES.down();
            terminateBackends();
            startDuring = api.start("resets", "petra");
            readDuring = api.get(watched);
            // the rest of the outage, while the users' clients keep trying
            await().pollDelay(OUTAGE).atMost(OUTAGE.plusSeconds(30)).until(() -> true);
            assertThat(outage.lines(Level.WARN)).as("one line for each answer 503").isNotEmpty()
                    .allSatisfy(line -> {
                        assertThat(line.message()).startsWith("Answered 503 to a journey request: the database is not reachable");
                        assertThat(line.hasStackTrace()).isFalse();
                    });
        } finally {
            POSTGRES.up();
        }
        long back = System.nanoTime();
        for (JourneyApi.Response during : List.of(startDuring, readDuring)) {
            assertUnavailable(during);
        }

        List<JourneyApi.Flow> flows = new ArrayList<>();
        for (Future<List<JourneyApi.Flow>> run : runs) {
            flows.addAll(run.get(4, TimeUnit.MINUTES));
        }
        clients.shutdown();
        Duration recovery = Duration.ofNanos(System.nanoTime() - back);
        assertThat(unexpected).as("no answer but 2xx, 409 after a retried step, or 503 with Retry-After").isEmpty();
        assertThat(unavailable).as("the users' clients met the outage").isNotEmpty();
        unavailable.forEach(PostgresRestartIT::assertUnavailable);
        assertThat(flows).hasSize(USERS.size() * JOURNEYS_PER_USER);
        assertThat(api.get(watched).stepKey()).as("a journey that only waited is where it was").isEqualTo("chooseMethod");
        for (JourneyApi.Flow flow : flows) {
            assertThat(api.get(flow).field("status")).isEqualTo("COMPLETED");
            await().atMost(Duration.ofSeconds(30)).until(() -> instancesOf(flow).isEmpty());
        }
        for (String user : USERS) {
            assertThat(mailSubjects(user + ".alt@example.org")).as(user + "'s alternate address: a code and a notice per journey")
                    .filteredOn(subject -> subject.equals(codeSubject())).hasSize(JOURNEYS_PER_USER);
            assertThat(mailSubjects(user + ".alt@example.org")).filteredOn(subject -> subject.equals(resetNoticeSubject())).hasSize(JOURNEYS_PER_USER);
            assertThat(mailSubjects(user + "@example.org")).as(user + "'s own address: a notice per journey").hasSize(JOURNEYS_PER_USER)
                    .containsOnly(resetNoticeSubject());
        }
        assertThat(runtime.createIncidentQuery().count()).as("nothing left for an operator").isZero();
        assertThat(LOG.lines()).as("no stack trace for an outage ResetFlow expects").noneMatch(ExpectedLog.Line::hasStackTrace);
        System.out.printf("PostgreSQL restart drill: %d journeys of %d users, outage %d s, %d answers 503 meanwhile, all completed %d s after "
                + "PostgreSQL was back%n", flows.size(), USERS.size(), OUTAGE.toSeconds(), unavailable.size() + 2, recovery.toSeconds());
    }

    /** One reset over the API, as a client that honours 503 and Retry-After does: it sends the same request again. */
    private JourneyApi.Flow reset(String user, String newPassword) {
        JourneyApi api = api();
        JourneyApi.Response started = retrying(() -> api.start("resets", user));
        assertThat(started.status()).isEqualTo(201);
        JourneyApi.Flow flow = api.flow("resets", started);
        journeysStarted.incrementAndGet();
        String alternate = user + ".alt@example.org";
        awaitStep(api, flow, "chooseMethod");
        int codesBefore = codes(alternate).size();
        submit(api, flow, "chooseMethod", Map.of("method", "EMAIL", "contact", alternate));
        awaitStep(api, flow, "enterCode");
        await().atMost(Duration.ofMinutes(2)).ignoreExceptions().until(() -> {
            retriesDueNow(flow);
            return codes(alternate).size() > codesBefore;
        });
        List<String> codes = codes(alternate);
        submit(api, flow, "enterCode", Map.of("code", codes.get(codes.size() - 1)));
        awaitStep(api, flow, "setPassword");
        submit(api, flow, "setPassword", Map.of("password", newPassword, "passwordConfirmation", newPassword));
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300)).ignoreExceptions().until(() -> {
            retriesDueNow(flow);
            return "COMPLETED".equals(retrying(() -> api.get(flow)).field("status"));
        });
        return flow;
    }

    private void submit(JourneyApi api, JourneyApi.Flow flow, String step, Map<String, ?> values) {
        JourneyApi.Response answer = retrying(() -> api.submit(flow, step, values));
        if (answer.status() == 409) {
            // an attempt answered 503 had gone through after all: the journey is past this step
            assertThat(answer.body().path("currentStep").asText()).isNotEqualTo(step);
            return;
        }
        if (answer.status() != 200) {
            unexpected.add(step + " answered " + answer.status() + ": " + answer.body());
        }
    }

    private void awaitStep(JourneyApi api, JourneyApi.Flow flow, String step) {
        // the engine's own queries fail while the database is away: the client only waits
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300)).ignoreExceptions().until(() -> {
            retriesDueNow(flow);
            return step.equals(retrying(() -> api.get(flow)).stepKey());
        });
    }

    /** Sends the request until it is not answered 503; each 503 is kept for the assertions. */
    private JourneyApi.Response retrying(Supplier<JourneyApi.Response> request) {
        JourneyApi.Response[] answer = new JourneyApi.Response[1];
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300)).until(() -> {
            JourneyApi.Response response = request.get();
            if (response.status() == 503) {
                unavailable.add(response);
                return false;
            }
            if (response.status() >= 500) {
                unexpected.add("answered " + response.status() + ": " + response.body());
            }
            answer[0] = response;
            return true;
        });
        return answer[0];
    }

    private static void assertUnavailable(JourneyApi.Response response) {
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.raw().headers().firstValue("Retry-After")).as("when to try again").hasValue("5");
        assertThat(response.raw().headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.field("type")).isEqualTo("https://resetflow.org/problems/database-unavailable");
        assertThat(response.field("detail")).contains("cannot reach its database").contains("your journey is safe");
    }

    private static List<String> codes(String address) {
        return mailsTo(address).stream().filter(mail -> {
            try {
                return mail.getSubject().equals(codeSubject());
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).map(mail -> SmtpOutageIT.code(text(mail))).toList();
    }

    /** What PostgreSQL does to its clients' sessions when it restarts: it ends them (those the proxy's cut left). */
    private static int terminateBackends() throws Exception {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + POSTGRES_SERVER.getHost() + ":" + POSTGRES_SERVER.getPort()
                + "/postgres", POSTGRES_USER, "");
             Statement statement = admin.createStatement();
             ResultSet ended = statement.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '"
                     + DATABASE + "' AND pid <> pg_backend_pid()")) {
            ended.next();
            return ended.getInt(1);
        }
    }

    private void addUsers() throws Exception {
        try (LDAPConnection cloud = new LDAPConnection("127.0.0.1", directories.cloudPort(), "cn=resetflow,ou=services," + CLOUD, CLOUD_SERVICE_PASSWORD)) {
            for (String user : USERS) {
                String dn = "uid=" + user + ",ou=people," + CLOUD;
                cloud.add("dn: " + dn, "objectClass: inetOrgPerson", "uid: " + user, "cn: " + user + " Driller", "sn: Driller",
                        "givenName: " + user, "mail: " + user + "@example.org", "employeeType: cloud", "userPassword: Demo-Passw0rd!");
                cloud.modify("cn=sspr-users,ou=groups," + CLOUD, new Modification(ModificationType.ADD, "member", dn));
                registrations.saveContacts(RecoveryRegistrations.accountKey(user), user + ".alt@example.org", null);
            }
        }
    }
}
