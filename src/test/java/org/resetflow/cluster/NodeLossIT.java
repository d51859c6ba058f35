package org.resetflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.resetflow.directory.DirectoryProperties;
import org.resetflow.directory.embedded.EmbeddedDirectories;
import org.resetflow.directory.embedded.EmbeddedDirectoryProperties;
import org.resetflow.testing.EmbeddedTestDefaults;
import org.resetflow.testing.ExpectedLog;
import org.resetflow.testing.JourneyApi;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Nodes that die in the middle of a job. Three, then two, ResetFlow nodes run as separate processes of the packaged jar
 * ({@code java -jar target/resetflow-*.jar}, profiles {@code embedded,postgres}) on one fresh PostgreSQL database; the
 * directories (the embedded ones, started in this JVM, which is never killed) and an SMTP server that counts every
 * message (GreenMail) are shared by all of them. A node is killed with SIGKILL ({@link Process#destroyForcibly()})
 * while it holds the job at each asynchronous boundary of the reset journey, exactly there: the test-only drill
 * ({@code camunda.NodeLossDrill}, {@code resetflow.testing.drill-directory}) holds the job on the first node that
 * reaches an armed point, after the step did its work and before the job commits, which is the worst moment; the
 * other nodes' job executors are paused until the victim holds every job, then run again, and the victim is killed.
 * <p>
 * What must hold (docs/deployment.md, Cluster): every journey reaches its end on a surviving node within
 * {@link #FAILOVER_BOUND} of the kill; no message is lost, and none is sent twice: each message was recorded as sent
 * ({@code channel.SentMessages}) the moment the mail server took it, apart from the job that the node died in, so the
 * survivor's run of the job finds it sent; the password is the one the user chose, in both directories, and a
 * directory write repeated after such a death is no refusal. The failover times are printed for docs/deployment.md.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeLossIT {

    /** The shared directories and mail server in this JVM report what they do; the nodes log to their own files. */
    @RegisterExtension
    static final ExpectedLog SHARED_SERVERS = ExpectedLog.of("com.icegreen.greenmail", "org.resetflow.directory.embedded");

    /** The settings the nodes run with: the shipped job lock time and acquisition wait (application.yml). */
    static final Duration LOCK_TIME = Duration.ofSeconds(60);
    static final Duration ACQUISITION_MAX_WAIT = Duration.ofSeconds(10);
    /** The documented bound: the lock expires, a survivor looks within its acquisition wait, and the job runs. */
    static final Duration FAILOVER_BOUND = LOCK_TIME.plus(ACQUISITION_MAX_WAIT).plusSeconds(15);

    private static final String SERVER = System.getProperty("resetflow.it.postgres.url", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getProperty("resetflow.it.postgres.user", "postgres");
    private static final String DATABASE = "resetflow_nodeloss_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static final String CLOUD_SERVICE_PASSWORD = "node-loss-cloud-service";
    private static final String ON_PREMISES_SERVICE_PASSWORD = "node-loss-on-premises-service";
    private static final String DEMO_PASSWORD = "Demo-Passw0rd!";
    private static final String CLOUD_PEOPLE = ",ou=people,dc=cloud,dc=example,dc=org";
    private static final String ON_PREMISES_PEOPLE = ",ou=people,dc=corp,dc=example,dc=org";
    private static final Pattern CODE = Pattern.compile("\\b(\\d{8})\\b");
    private static final Pattern NOT_ME_LINK = Pattern.compile("/not-me/[A-Za-z0-9_-]+");
    private static final String CODE_MAIL = "your verification code";
    private static final String RESET_NOTICE = "your password was changed";
    private static final String ESCALATION_NOTICE = "your helpdesk has your request";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Path work;
    private static Path drill;
    private static EmbeddedDirectories directories;
    private static GreenMail smtp;
    private static final List<Node> nodes = new ArrayList<>();
    private static final Map<String, Duration> failovers = new LinkedHashMap<>();
    private static long firstHeld = Long.MAX_VALUE;
    /** Calls whose answer waits for a held job, each on a thread of its own (the common pool may have one). */
    private static final ExecutorService WAITING_CALLS = Executors.newCachedThreadPool(call -> {
        Thread thread = new Thread(call, "node-loss-call");
        thread.setDaemon(true);
        return thread;
    });

    /** One ResetFlow process. */
    record Node(String name, Process process, int port, Path log) {
        JourneyApi api() {
            return new JourneyApi(port);
        }

        long pid() {
            return process.pid();
        }
    }

    @BeforeAll
    static void sharedServers() throws Exception {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        work = Files.createDirectories(Path.of("target", "node-loss", DATABASE)).toAbsolutePath();
        drill = Files.createDirectories(work.resolve("drill"));
        int cloudPort = EmbeddedTestDefaults.freePort();
        int onPremisesPort = EmbeddedTestDefaults.freePort();
        Map<String, String> directorySettings = Map.of(
                "resetflow.directory.cloud.bind-dn", "cn=resetflow,ou=services,dc=cloud,dc=example,dc=org",
                "resetflow.directory.cloud.bind-password", CLOUD_SERVICE_PASSWORD,
                "resetflow.directory.on-premises.bind-dn", "cn=resetflow-writeback,dc=corp,dc=example,dc=org",
                "resetflow.directory.on-premises.bind-password", ON_PREMISES_SERVICE_PASSWORD);
        directories = new EmbeddedDirectories(
                new EmbeddedDirectoryProperties(true, work.resolve("directories"), cloudPort, onPremisesPort, "127.0.0.1", 8, 5),
                new Binder(new MapConfigurationPropertySource(directorySettings)).bindOrCreate("resetflow.directory", DirectoryProperties.class));
        directories.start();
        smtp = new GreenMail(new ServerSetup(EmbeddedTestDefaults.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        nodes.forEach(node -> node.process().destroyForcibly());
        for (Node node : nodes) {
            node.process().waitFor();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (directories != null) {
            directories.stop();
        }
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
        System.out.println("Node loss: failover after the kill, per journey: " + failovers); // NOSONAR: the figures for docs/deployment.md
    }

    /**
     * Three nodes; one of them holds four jobs at once and is killed: the code's delivery, the on-premises writeback,
     * the cloud password and the helpdesk escalation's notice each continue on one of the two others.
     */
    @Test
    @Order(1)
    void aNodeKilledWhileItHoldsFourJobsCostsEachJourneyOneLockTimeAndNothingElse() throws Exception {
        Node victim = start("node-1");
        awaitReady(victim); // the first start creates the schemas and the demo data; the others find them
        Node survivorA = start("node-2");
        Node survivorB = start("node-3");
        awaitReady(survivorA, survivorB);
        pause(survivorA, survivorB);
        JourneyApi api = victim.api();

        // the slow parts first, so that every job is held within seconds of the others, long before its lock expires
        JourneyApi.Flow bob = proveIdentity(api, "bob");
        JourneyApi.Flow erin = proveIdentity(api, "erin");
        JourneyApi.Flow alice = api.flow("resets", api.start("resets", "alice"));

        // carol (nothing registered): the node dies in the middle of her escalation, after it told her the helpdesk has it
        arm("notifyEscalationReceived.end@any");
        CompletableFuture<JourneyApi.Response> escalated = CompletableFuture.supplyAsync(() -> api.start("resets", "carol"), WAITING_CALLS);
        // alice: the node dies after it sent her code, before its job committed
        arm("sendCode.end@" + alice.id());
        assertThat(api.submit(alice, "chooseMethod", Map.of("method", "EMAIL", "contact", "alice.alt@example.org")).stepKey())
                .isEqualTo("enterCode");
        // bob: the node dies after it wrote his password on-premises; erin: after it wrote hers in the cloud
        arm("writeBackPassword.end@" + bob.id());
        submitInBackground(api, bob, "setPassword", newPassword("Granite-Orchard-Lamp-71"));
        arm("setCloudPassword.end@" + erin.id());
        submitInBackground(api, erin, "setPassword", newPassword("Basalt-Harbour-Kite-93"));

        awaitHeld("sendCode.end@" + alice.id(), victim);
        awaitHeld("writeBackPassword.end@" + bob.id(), victim);
        awaitHeld("setCloudPassword.end@" + erin.id(), victim);
        awaitHeld("notifyEscalationReceived.end@any", victim);
        JourneyApi.Flow carol = api.flow("resets", escalated.get());
        assertThat(messagesTo("alice.alt@example.org", CODE_MAIL)).as("alice's code, sent before the node died").hasSize(1);
        assertThat(messagesTo("carol@example.org", ESCALATION_NOTICE)).as("carol told, before the node died").hasSize(1);

        resume(survivorA, survivorB);
        long killed = kill(victim);

        Map<String, Callable<Boolean>> done = new LinkedHashMap<>();
        done.put("sendCode (3 nodes)", () -> noJobsLeft(alice));
        done.put("writeBackPassword (3 nodes)", () -> ended(bob));
        done.put("setCloudPassword (3 nodes)", () -> ended(erin));
        done.put("helpdesk escalation (3 nodes)", () -> waitsForTheHelpdesk(carol));
        awaitEach(done, killed);

        // the survivors ran the held jobs again and found their messages sent: alice has her one code, carol one notice
        assertThat(messagesTo("alice.alt@example.org", CODE_MAIL)).as("alice's code, once").hasSize(1);
        assertThat(messagesTo("carol@example.org", ESCALATION_NOTICE)).as("carol told, once").hasSize(1);
        // alice resets with the code the dead node sent, on a survivor
        String code = codeIn(messagesTo("alice.alt@example.org", CODE_MAIL).get(0));
        JourneyApi survivor = survivorA.api();
        assertThat(survivor.submit(alice, "enterCode", Map.of("code", code)).stepKey()).isEqualTo("setPassword");
        assertThat(survivor.submit(alice, "setPassword", newPassword("Cobalt-Willow-Pier-28")).field("status")).isEqualTo("COMPLETED");
        await("alice's journey").atMost(Duration.ofSeconds(30)).until(() -> ended(alice));

        // the passwords the users chose, in both directories; a repeated writeback was no refusal
        assertThat(cloudAccepts("alice", "Cobalt-Willow-Pier-28")).isTrue();
        assertThat(cloudAccepts("bob", "Granite-Orchard-Lamp-71")).isTrue();
        assertThat(onPremisesAccepts("bob", "Granite-Orchard-Lamp-71")).isTrue();
        assertThat(onPremisesAccepts("bob", DEMO_PASSWORD)).isFalse();
        assertThat(cloudAccepts("erin", "Basalt-Harbour-Kite-93")).isTrue();
        assertThat(onPremisesAccepts("erin", "Basalt-Harbour-Kite-93")).isTrue();
        assertThat(cloudAccepts("erin", DEMO_PASSWORD)).isFalse();
        assertThat(survivor.get(bob).field("status")).isEqualTo("COMPLETED");
        assertThat(survivor.get(erin).field("status")).isEqualTo("COMPLETED");
        assertThat(survivor.get(carol).field("status")).isEqualTo("ESCALATED");

        // the notices whose jobs no node died in were sent once
        for (String recipient : List.of("alice@example.org", "alice.alt@example.org", "bob@example.org", "bob.alt@example.org",
                "erin@example.org", "erin.alt@example.org")) {
            assertThat(messagesTo(recipient, RESET_NOTICE)).as("notices to %s", recipient).hasSize(1);
        }
        assertThat(failovers.values()).allMatch(failover -> failover.compareTo(FAILOVER_BOUND) <= 0);
    }

    /** Two nodes; the one that holds the job notifying the user is killed, and the other finishes it, sending nothing twice. */
    @Test
    @Order(2)
    void aNodeKilledWhileItNotifiesTheUserCostsADuplicateNoticeAndNothingLost() throws Exception {
        List<Node> alive = nodes.stream().filter(node -> node.process().isAlive()).toList();
        assertThat(alive).as("the two survivors of the first test").hasSize(2);
        Node victim = alive.get(0);
        Node survivor = alive.get(1);
        pause(survivor);
        JourneyApi api = victim.api();
        int noticesBefore = messagesTo("alice.alt@example.org", RESET_NOTICE).size();
        int directoryNoticesBefore = messagesTo("alice@example.org", RESET_NOTICE).size();

        JourneyApi.Flow alice = proveIdentity(api, "alice");
        arm("notifyUser.end@" + alice.id());
        submitInBackground(api, alice, "setPassword", newPassword("Juniper-Anvil-Ferry-64"));
        awaitHeld("notifyUser.end@" + alice.id(), victim);
        resume(survivor);
        long killed = kill(victim);

        awaitEach(Map.of("notifyUser (2 nodes)",
                () -> ended(alice)), killed);

        assertThat(messagesTo("alice.alt@example.org", RESET_NOTICE)).as("the notice, once").hasSize(noticesBefore + 1);
        assertThat(messagesTo("alice@example.org", RESET_NOTICE)).as("the notice, once").hasSize(directoryNoticesBefore + 1);
        List<MimeMessage> notices = messagesTo("alice.alt@example.org", RESET_NOTICE);
        for (MimeMessage copy : notices.subList(noticesBefore, notices.size())) {
            Matcher link = NOT_ME_LINK.matcher(plainTextOf(copy));
            assertThat(link.find()).as("a \"not me\" link in the notice").isTrue();
            assertThat(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + survivor.port() + link.group())).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).as("its link, followed on the survivor").isEqualTo(200);
        }
        assertThat(cloudAccepts("alice", "Juniper-Anvil-Ferry-64")).isTrue();
        assertThat(survivor.api().get(alice).field("status")).isEqualTo("COMPLETED");
    }

    // --- the journey -------------------------------------------------------------------------------------------------

    /** Starts a reset and proves the user's identity by email on this node: the journey waits at setPassword. */
    private static JourneyApi.Flow proveIdentity(JourneyApi api, String user) {
        JourneyApi.Flow flow = api.flow("resets", api.start("resets", user));
        int before = messagesTo(user + ".alt@example.org", CODE_MAIL).size();
        assertThat(api.submit(flow, "chooseMethod", Map.of("method", "EMAIL", "contact", user + ".alt@example.org")).stepKey())
                .isEqualTo("enterCode");
        await(user + "'s code").atMost(Duration.ofSeconds(30)).until(() -> messagesTo(user + ".alt@example.org", CODE_MAIL).size() > before);
        List<MimeMessage> codes = messagesTo(user + ".alt@example.org", CODE_MAIL);
        assertThat(api.submit(flow, "enterCode", Map.of("code", codeIn(codes.get(codes.size() - 1)))).stepKey()).isEqualTo("setPassword");
        return flow;
    }

    private static Map<String, String> newPassword(String password) {
        return Map.of("password", password, "passwordConfirmation", password);
    }

    /** The answer waits for the step that the victim holds: it comes, after the API's settle time, or never. */
    private static void submitInBackground(JourneyApi api, JourneyApi.Flow flow, String step, Map<String, ?> values) {
        CompletableFuture.runAsync(() -> api.submit(flow, step, values), WAITING_CALLS).exceptionally(killedMeanwhile -> null);
    }

    /** Every process instance of the journey (its business key is the flow id) has ended. */
    private static boolean ended(JourneyApi.Flow flow) throws Exception {
        try (Connection connection = database();
             PreparedStatement running = connection.prepareStatement("SELECT count(*) FROM act_ru_execution WHERE business_key_ = ?")) {
            running.setString(1, flow.id());
            try (ResultSet count = running.executeQuery()) {
                count.next();
                return count.getLong(1) == 0;
            }
        }
    }

    /** No job of the journey is left to run (timers aside): the one the dead node held has run on a survivor. */
    private static boolean noJobsLeft(JourneyApi.Flow flow) throws Exception {
        try (Connection connection = database();
             PreparedStatement jobs = connection.prepareStatement("SELECT count(*) FROM act_ru_job j JOIN act_ru_execution e "
                     + "ON e.id_ = j.process_instance_id_ WHERE e.business_key_ = ? AND j.type_ <> 'timer'")) {
            jobs.setString(1, flow.id());
            try (ResultSet pending = jobs.executeQuery()) {
                pending.next();
                return pending.getLong(1) == 0;
            }
        }
    }

    private static boolean waitsForTheHelpdesk(JourneyApi.Flow flow) throws Exception {
        try (Connection connection = database();
             PreparedStatement review = connection.prepareStatement("SELECT count(*) FROM act_ru_task t JOIN act_ru_execution e "
                     + "ON e.id_ = t.proc_inst_id_ WHERE t.task_def_key_ = 'reviewEscalation' AND e.business_key_ = ?")) {
            review.setString(1, flow.id());
            try (ResultSet tasks = review.executeQuery()) {
                tasks.next();
                return tasks.getLong(1) == 1 && noJobsLeft(flow);
            }
        }
    }

    // --- the nodes -----------------------------------------------------------------------------------------------------

    private static Node start(String name) throws IOException {
        int port = EmbeddedTestDefaults.freePort();
        Path data = Files.createDirectories(work.resolve(name));
        Path log = work.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-jar", jar().toString(),
                "--spring.profiles.active=embedded,postgres",
                "--server.port=" + port,
                "--spring.datasource.url=" + SERVER + DATABASE,
                "--spring.datasource.username=" + USER,
                "--spring.datasource.password=",
                "--resetflow.data-directory=" + data,
                "--resetflow.audit.node=" + name,
                "--resetflow.security.secret=" + "node-loss-test-secret-".repeat(3),
                "--resetflow.embedded-directories.enabled=false",
                "--resetflow.directory.cloud.url=ldap://127.0.0.1:" + directories.cloudPort(),
                "--resetflow.directory.cloud.bind-password=" + CLOUD_SERVICE_PASSWORD,
                "--resetflow.directory.on-premises.url=ldap://127.0.0.1:" + directories.onPremisesPort(),
                "--resetflow.directory.on-premises.bind-password=" + ON_PREMISES_SERVICE_PASSWORD,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--resetflow.throttling.client-starts-per-hour=1000",
                "--resetflow.throttling.client-requests-per-minute=100000",
                // the victim holds four jobs at once: more threads than Camunda's three, so that none waits in the queue
                "--camunda.bpm.job-execution.core-pool-size=8",
                "--resetflow.testing.drill-directory=" + drill));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Node node = new Node(name, process, port, log);
        nodes.add(node);
        return node;
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("resetflow-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No target/resetflow-*.jar: the package phase builds it before the integration tests"))
                    .toAbsolutePath();
        }
    }

    private static void awaitReady(Node... starting) {
        for (Node node : starting) {
            await(node.name() + " ready (its log: " + node.log() + ")").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                    .failFast(node.name() + " ended; see " + node.log(), () -> !node.process().isAlive())
                    .ignoreExceptions()
                    .until(() -> HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + "/actuator/health/readiness")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        }
    }

    private static void pause(Node... paused) throws IOException {
        for (Node node : paused) {
            Files.writeString(drill.resolve("pause-" + node.pid()), "pause");
        }
        for (Node node : paused) {
            await(node.name() + " paused").atMost(Duration.ofSeconds(30)).until(() -> Files.exists(drill.resolve("paused-" + node.pid())));
        }
    }

    private static void resume(Node... paused) throws IOException {
        for (Node node : paused) {
            Files.delete(drill.resolve("pause-" + node.pid()));
        }
        for (Node node : paused) {
            await(node.name() + " running").atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(drill.resolve("paused-" + node.pid())));
        }
    }

    private static void arm(String point) throws IOException {
        Files.writeString(drill.resolve(point + ".armed"), "armed");
    }

    private static void awaitHeld(String point, Node expected) throws IOException {
        await("the job held at " + point).atMost(Duration.ofSeconds(60)).until(() -> heldBy(point).isPresent());
        assertThat(heldBy(point)).as("held by " + expected.name()).contains(expected.pid());
        firstHeld = Math.min(firstHeld, System.nanoTime());
    }

    private static Optional<Long> heldBy(String point) throws IOException {
        try (DirectoryStream<Path> held = Files.newDirectoryStream(drill, point + ".held-*")) {
            for (Path file : held) {
                String name = file.getFileName().toString();
                return Optional.of(Long.parseLong(name.substring(name.lastIndexOf('-') + 1)));
            }
        }
        return Optional.empty();
    }

    /**
     * SIGKILL, as {@code kill -9}: the node gets no chance to finish or roll back anything. The jobs it holds were
     * locked at most this long before: a take-over sooner than the lock time less this would be no failover.
     */
    private static long kill(Node node) throws InterruptedException {
        node.process().destroyForcibly();
        node.process().waitFor();
        long killed = System.nanoTime();
        System.out.println("Node loss: " + node.name() + " killed " + Duration.ofNanos(killed - firstHeld).toMillis()  // NOSONAR
                + " ms after it held its first job");
        assertThat(Duration.ofNanos(killed - firstHeld)).as("killed well within the held jobs' lock").isLessThan(LOCK_TIME.dividedBy(2));
        firstHeld = Long.MAX_VALUE;
        return killed;
    }

    /** Waits for every journey at once, each given its time from the kill to the moment it was first seen done. */
    private static void awaitEach(Map<String, Callable<Boolean>> done, long killed) {
        Map<String, Callable<Boolean>> pending = new LinkedHashMap<>(done);
        await(pending.keySet() + " on a survivor").atMost(FAILOVER_BOUND).pollInterval(Duration.ofMillis(250)).until(() -> {
            for (var journey : List.copyOf(pending.entrySet())) {
                if (journey.getValue().call()) {
                    failovers.put(journey.getKey(), since(killed));
                    pending.remove(journey.getKey());
                }
            }
            return pending.isEmpty();
        });
    }

    private static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }

    // --- what the users and the directories see ----------------------------------------------------------------------

    private static List<MimeMessage> messagesTo(String recipient, String subject) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                Address[] to = message.getAllRecipients();
                if (to != null && Arrays.stream(to).anyMatch(address -> address.toString().equalsIgnoreCase(recipient))
                        && message.getSubject().contains(subject)) {
                    found.add(message);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    private static String codeIn(MimeMessage message) {
        Matcher code = CODE.matcher(plainTextOf(message));
        assertThat(code.find()).as("a code in the message").isTrue();
        return code.group(1);
    }

    private static String plainTextOf(MimeMessage message) {
        try {
            Object content = message.getContent();
            if (content instanceof MimeMultipart alternatives) {
                return GreenMailUtil.getBody(alternatives.getBodyPart(0));
            }
            return String.valueOf(content);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean cloudAccepts(String user, String password) throws LDAPException {
        return binds(directories.cloudPort(), "uid=" + user + CLOUD_PEOPLE, password);
    }

    private static boolean onPremisesAccepts(String user, String password) throws LDAPException {
        return binds(directories.onPremisesPort(), "uid=" + user + ON_PREMISES_PEOPLE, password);
    }

    private static boolean binds(int port, String dn, String password) throws LDAPException {
        try (LDAPConnection connection = new LDAPConnection("127.0.0.1", port)) {
            connection.bind(dn, password);
            return true;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                return false;
            }
            throw e;
        }
    }

    private static Connection database() throws Exception {
        return DriverManager.getConnection(SERVER + DATABASE, USER, "");
    }
}
