package org.resetflow.writeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import java.io.File;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.resetflow.directory.Account;
import org.resetflow.directory.IdentitySource;
import org.resetflow.directory.OnPremisesDirectory;
import org.resetflow.recoveryinfo.RecoveryRegistrations;
import org.resetflow.testing.CodeDeliveries;
import org.resetflow.testing.EmbeddedTestDefaults;
import org.resetflow.testing.ExpectedLog;
import org.resetflow.testing.JourneyApi;
import org.resetflow.testing.TcpProxy;
import org.resetflow.testing.StaffClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Password writeback against a real Samba Active Directory domain controller, started by {@code .ci/samba-ad}
 * (its settings arrive as RESETFLOW_IT_AD_* environment variables). ResetFlow binds as the service account
 * {@code .ci/samba-ad} delegates exactly the rights {@code docs/writeback.md} gives, with the same samba-tool commands;
 * the tests set up the domain as its administrator. The cloud directory is the embedded one; the domain controller
 * is reached through a TCP proxy that the outage test takes down.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("embedded")
@EnabledIf("org.resetflow.writeback.SambaDomain#configuredOrRequired")
class ActiveDirectoryWritebackIT {

    static final String DEMO_PASSWORD = "Demo-Passw0rd!";
    static final String BASE = SambaDomain.require("RESETFLOW_IT_AD_BASE_DN");
    static final String ADMIN_DN = SambaDomain.require("RESETFLOW_IT_AD_BIND_DN");
    static final String ADMIN_PASSWORD = SambaDomain.require("RESETFLOW_IT_AD_BIND_PASSWORD");
    /** ResetFlow's own account: delegated only the rights docs/writeback.md gives, with its samba-tool commands. */
    static final String SERVICE_DN = SambaDomain.require("RESETFLOW_IT_AD_SERVICE_DN");
    static final String SERVICE_PASSWORD = SambaDomain.require("RESETFLOW_IT_AD_SERVICE_PASSWORD");
    static final String CA = SambaDomain.require("RESETFLOW_IT_AD_CA");
    static final int CLOUD_PORT = EmbeddedTestDefaults.freePort();
    static final String CLOUD_SERVICE_PASSWORD = "it-cloud-service-password";
    static final java.net.URI DOMAIN_CONTROLLER_URL = java.net.URI.create(SambaDomain.require(SambaDomain.URL_VARIABLE));
    static final TcpProxy DOMAIN_CONTROLLER = new TcpProxy(EmbeddedTestDefaults.freePort(), DOMAIN_CONTROLLER_URL.getHost(),
            DOMAIN_CONTROLLER_URL.getPort() == -1 ? 636 : DOMAIN_CONTROLLER_URL.getPort());

    static {
        try {
            DOMAIN_CONTROLLER.up();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void activeDirectory(DynamicPropertyRegistry registry) {
        EmbeddedTestDefaults.properties(EmbeddedTestDefaults.newDataDirectory(), CLOUD_PORT, EmbeddedTestDefaults.freePort())
                .forEach((key, value) -> registry.add(key, () -> value));
        registry.add("resetflow.directory.cloud.bind-password", () -> CLOUD_SERVICE_PASSWORD);
        registry.add("resetflow.directory.on-premises.mode", () -> "active-directory");
        registry.add("resetflow.directory.on-premises.url", () -> "ldaps://127.0.0.1:" + DOMAIN_CONTROLLER.port());
        registry.add("resetflow.directory.on-premises.base-dn", () -> BASE);
        registry.add("resetflow.directory.on-premises.user-search-base", () -> "CN=Users");
        registry.add("resetflow.directory.on-premises.bind-dn", () -> SERVICE_DN);
        registry.add("resetflow.directory.on-premises.bind-password", () -> SERVICE_PASSWORD);
        registry.add("resetflow.directory.on-premises.trust-store", () -> CA);
        // the certificate names the domain controller's host, not the proxy's address
        registry.add("resetflow.directory.on-premises.verify-hostname", () -> false);
        registry.add("resetflow.engine.directory-retry-cycle", () -> "R3/PT1S");
    }

    @AfterAll
    static void stopProxy() throws java.io.IOException {
        DOMAIN_CONTROLLER.down();
    }

    @LocalServerPort
    int port;

    @Autowired
    RecoveryRegistrations registrations;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    OnPremisesDirectory domain;

    JourneyApi api;
    static boolean accountsCreated;

    @BeforeEach
    void cloudAccountsForTheDomainsTestUsers() throws Exception {
        api = new JourneyApi(port);
        if (accountsCreated) {
            return;
        }
        try (LDAPConnection cloud = new LDAPConnection("127.0.0.1", CLOUD_PORT, "cn=resetflow,ou=services,dc=cloud,dc=example,dc=org",
                CLOUD_SERVICE_PASSWORD)) {
            for (String user : new String[] {"sam", "olga", "paula", "nora"}) {
                cloud.add("dn: uid=" + user + ",ou=people,dc=cloud,dc=example,dc=org", "objectClass: inetOrgPerson", "uid: " + user,
                        "cn: " + user + " Tester", "sn: Tester", "givenName: " + user, "mail: " + user + "@example.org",
                        "employeeType: synced", "userPassword: " + DEMO_PASSWORD);
                cloud.modify("cn=sspr-users,ou=groups,dc=cloud,dc=example,dc=org",
                        new Modification(ModificationType.ADD, "member", "uid=" + user + ",ou=people,dc=cloud,dc=example,dc=org"));
                if (!"nora".equals(user)) { // nora has no recovery information: the helpdesk helps her
                    registrations.saveContacts(user, user + ".alt@example.org", null);
                }
            }
        }
        accountsCreated = true;
    }

    @Test
    void aSyncedUserResetsAndThenSignsInToActiveDirectoryWithTheNewPasswordOnly() throws Exception {
        String newPassword = "Granite-Orchard-Lamp-71";
        assertThat(reset("bob", newPassword).field("status")).isEqualTo("COMPLETED");
        assertThat(canBind("bob", newPassword)).isTrue();
        assertThat(canBind("bob", DEMO_PASSWORD)).isFalse();
    }

    @Test
    void aPasswordTheDomainsPolicyRefusesComesBackWithTheReasonAndNeitherDirectoryChanges() throws Exception {
        setDomainMinimumLength(30);
        try {
            JourneyApi.Response refused = reset("sam", "Granite-Orchard-Lamp-71");
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.stepKey()).isEqualTo("setPassword");
            assertThat(refused.body().path("errors").get(0).path("code").asText()).isEqualTo("ONPREMISES_TOO_SHORT");
            assertThat(refused.body().path("errors").get(0).path("message").asText()).contains("too short");
            assertThat(canBind("sam", DEMO_PASSWORD)).as("Active Directory unchanged").isTrue();
            assertThat(canBindCloud("sam", DEMO_PASSWORD)).as("the cloud unchanged").isTrue();
            assertThat(canBindCloud("sam", "Granite-Orchard-Lamp-71")).isFalse();
        } finally {
            setDomainMinimumLength(8);
        }
    }

    @Test
    void aWriteRepeatedAfterItsJobDiedSucceedsWithoutARefusal() throws Exception {
        Account rita = new Account("rita", "uid=rita,ou=people,dc=cloud,dc=example,dc=org", "Rita Tester", "Rita", "Tester", null,
                IdentitySource.SYNCED, null, false);
        String newPassword = "Quartz-Meadow-Lantern-38";
        domain.setPassword(rita, newPassword, false);

        // the job that made this write died before it committed: another node runs it again
        domain.setPasswordAgain(rita, newPassword, false);

        assertThat(canBind("rita", newPassword)).isTrue();
        assertThat(canBind("rita", DEMO_PASSWORD)).isFalse();
        assertThat(domainAttribute("rita", "pwdLastSet")).as("no change at next sign-in").isNotEqualTo("0");
    }

    @Test
    void aLockedOutAccountIsUnlockedByTheUnlockJourney() throws Exception {
        // now, as a Windows FILETIME (100 ns since 1601): the domain's lock-out lasts 30 minutes from then
        long now = (System.currentTimeMillis() + 11_644_473_600_000L) * 10_000L;
        adminModify("erin", new Modification(ModificationType.REPLACE, "lockoutTime", Long.toString(now)));
        assertThat(canBind("erin", DEMO_PASSWORD)).as("locked at first").isFalse();

        JourneyApi.Flow flow = api.flow("unlocks", api.start("unlocks", "erin"));
        api.submit(flow, "chooseMethod", Map.of("method", "EMAIL", "contact", "erin.alt@example.org"));
        JourneyApi.Response done = api.submit(flow, "enterCode", Map.of("code", codeSentTo("erin.alt@example.org")));
        assertThat(done.field("status")).isEqualTo("COMPLETED");
        assertThat(canBind("erin", DEMO_PASSWORD)).isTrue();
    }

    @Test
    void aProtectedAccountIsEscalatedToTheHelpdesk() throws Exception {
        JourneyApi.Response started = api.start("resets", "paula");
        assertThat(started.field("status")).isEqualTo("ESCALATED");
        assertThat(started.body().path("messages").findValuesAsText("code")).contains("escalated.PROTECTED_ACCOUNT");

        String instance = approveEscalationOf("paula");
        await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createProcessInstanceQuery().processInstanceId(instance).count() == 0);
        // "the helpdesk has your request" is sent in the background too, and may come after the outcome here
        assertThat(api.outbox("paula@example.org")).extracting(message -> message.path("subject").asText())
                .anyMatch(subject -> subject.contains("dealt with your request"));
        assertThat(canBind("paula", DEMO_PASSWORD)).as("Active Directory untouched").isTrue();
        assertThat(canBindCloud("paula", DEMO_PASSWORD)).as("the cloud untouched").isTrue();
    }

    @Test
    void aTemporaryPasswordFromTheHelpdeskMustBeChangedAtTheNextActiveDirectorySignIn() throws Exception {
        assertThat(api.start("resets", "nora").field("status")).isEqualTo("ESCALATED");
        String instance = approveEscalationOf("nora");
        String[] temporary = new String[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JourneyApi.Response handover = api.postPath("/staff/api/escalations/" + instance + "/temporary-password", "demo:demo");
            temporary[0] = handover.status() == 200 ? handover.body().path("temporaryPassword").asText() : null;
            return temporary[0] != null;
        });
        assertThat(domainAttribute("nora", "pwdLastSet")).as("must change at next sign-in").isEqualTo("0");
        assertThat(canBind("nora", DEMO_PASSWORD)).isFalse();
        assertThat(canBindCloud("nora", temporary[0])).isTrue();
    }

    /**
     * The domain controller is away for longer than the retries: the reset becomes an incident and a helpdesk task,
     * and the user reads what is true at each moment. Once it is back, an administrator retries the job as Cockpit's
     * retry button does (its defaults, through the REST API, not the engine's Java API) and the journey completes.
     */
    @Test
    void anUnreachableDomainControllerMeansAnIncidentAndAnAdministratorsRetryCompletesTheResetWhenItIsBack() throws Exception {
        JourneyApi.Flow flow = api.flow("resets", api.start("resets", "olga"));
        api.submit(flow, "chooseMethod", Map.of("method", "EMAIL", "contact", "olga.alt@example.org"));
        api.submit(flow, "enterCode", Map.of("code", codeSentTo("olga.alt@example.org")));
        String instance = api.processInstanceOf(runtime, flow);
        StaffClient administrator = new StaffClient(port, "demo", "demo");

        DOMAIN_CONTROLLER.down();
        String newPassword = "Quiet-Harbour-Lantern-58";
        String failedJob;
        try (ExpectedLog expected = ExpectedLog.capture("org.resetflow")) {
            JourneyApi.Response pending = api.submit(flow, "setPassword", Map.of("password", newPassword, "passwordConfirmation", newPassword));
            assertThat(pending.field("status")).isEqualTo("ACTIVE");
            assertThat(pending.body().path("messages").findValuesAsText("code")).as("still retrying").containsExactly("pending");
            await().atMost(Duration.ofSeconds(30)).until(() -> administrator.get("/engine-rest/incident?processInstanceId=" + instance).json().size() == 1);
            failedJob = administrator.get("/engine-rest/incident?processInstanceId=" + instance).json().get(0).path("configuration").asText();
            assertThat(api.get(flow).body().path("messages").findValuesAsText("code")).as("the retries ran out").containsExactly("pending.helpdesk");
            assertThat(tasks.createTaskQuery().processInstanceBusinessKey(flow.id()).taskDefinitionKey("checkDirectoryWrite")
                    .taskCandidateGroup("helpdesk-admins").count()).isEqualTo(1);
            assertThat(canBindCloud("olga", DEMO_PASSWORD)).as("the cloud waits for Active Directory").isTrue();
            assertThat(expected.lines()).anyMatch(line -> line.level() == Level.WARN && line.message().contains("failed for good"))
                    .noneMatch(line -> line.level() == Level.ERROR);
        } finally {
            DOMAIN_CONTROLLER.up();
        }

        assertThat(administrator.putJson("/engine-rest/job/" + failedJob + "/retries", "{\"retries\": 1}").status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(api.get(flow).field("status")));
        assertThat(canBind("olga", newPassword)).isTrue();
        assertThat(canBindCloud("olga", newPassword)).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createProcessInstanceQuery().processInstanceId(instance).count() == 0);
        assertThat(tasks.createTaskQuery().processInstanceId(instance).count()).as("the helpdesk task ended with the reset").isZero();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(flow.id()).count()).as("and the helpdesk's task too").isZero();
    }

    private JourneyApi.Response reset(String user, String newPassword) {
        JourneyApi.Flow flow = api.flow("resets", api.start("resets", user));
        api.submit(flow, "chooseMethod", Map.of("method", "EMAIL", "contact", user + ".alt@example.org"));
        assertThat(api.submit(flow, "enterCode", Map.of("code", codeSentTo(user + ".alt@example.org"))).stepKey())
                .isEqualTo("setPassword");
        return api.submit(flow, "setPassword", Map.of("password", newPassword, "passwordConfirmation", newPassword));
    }

    private String approveEscalationOf(String user) {
        org.camunda.bpm.engine.task.Task review = tasks.createTaskQuery().processVariableValueEquals("username", user)
                .taskDefinitionKey("reviewEscalation").singleResult();
        // The journey answers as soon as it is escalated; telling the user goes on in the background, and an approval
        // at that very moment meets it on the same journey: the engine refuses one of them and the agent tries again.
        await().atMost(Duration.ofSeconds(30)).ignoreException(org.camunda.bpm.engine.OptimisticLockingException.class).until(() -> {
            tasks.complete(review.getId(), Map.of("decision", "APPROVE"));
            return true;
        });
        return review.getProcessInstanceId();
    }

    private static LDAPConnection domainController() throws Exception {
        SSLUtil ssl = new SSLUtil(new PEMFileTrustManager(new File(CA)));
        return new LDAPConnection(ssl.createSSLSocketFactory(), DOMAIN_CONTROLLER_URL.getHost(),
                DOMAIN_CONTROLLER_URL.getPort() == -1 ? 636 : DOMAIN_CONTROLLER_URL.getPort());
    }

    static boolean canBind(String user, String password) throws Exception {
        try (LDAPConnection connection = domainController()) {
            connection.bind(user + "@resetflow.test", password);
            return true;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                return false;
            }
            throw e;
        }
    }

    static boolean canBindCloud(String user, String password) throws LDAPException {
        try (LDAPConnection connection = new LDAPConnection("127.0.0.1", CLOUD_PORT)) {
            connection.bind("uid=" + user + ",ou=people,dc=cloud,dc=example,dc=org", password);
            return true;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                return false;
            }
            throw e;
        }
    }

    private static void adminModify(String user, Modification modification) throws Exception {
        try (LDAPConnection connection = domainController()) {
            connection.bind(ADMIN_DN, ADMIN_PASSWORD);
            String dn = connection.search("CN=Users," + BASE, com.unboundid.ldap.sdk.SearchScope.SUB, "(sAMAccountName=" + user + ")")
                    .getSearchEntries().get(0).getDN();
            connection.modify(dn, modification);
        }
    }

    private static String domainAttribute(String user, String attribute) throws Exception {
        try (LDAPConnection connection = domainController()) {
            connection.bind(ADMIN_DN, ADMIN_PASSWORD);
            return connection.search("CN=Users," + BASE, com.unboundid.ldap.sdk.SearchScope.SUB, "(sAMAccountName=" + user + ")", attribute)
                    .getSearchEntries().get(0).getAttributeValue(attribute);
        }
    }

    private static void setDomainMinimumLength(int length) throws Exception {
        try (LDAPConnection connection = domainController()) {
            connection.bind(ADMIN_DN, ADMIN_PASSWORD);
            connection.modify(BASE, new Modification(ModificationType.REPLACE, "minPwdLength", Integer.toString(length)));
        }
    }

    /** The code in the newest message to the recipient, once every code's delivery has ended. */
    private String codeSentTo(String recipient) {
        CodeDeliveries.awaitAllEnded(history);
        return api.lastMessageTo(recipient).path("code").asText();
    }
}
