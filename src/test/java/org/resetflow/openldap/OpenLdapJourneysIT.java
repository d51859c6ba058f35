package org.resetflow.openldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.resetflow.recoveryinfo.RecoveryRegistrations;
import org.resetflow.testing.CodeDeliveries;
import org.resetflow.testing.EmbeddedTestDefaults;
import org.resetflow.testing.JourneyApi;
import org.resetflow.testing.OpenLdap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The journeys over the public API with a real OpenLDAP server ({@code .ci/openldap}, ppolicy on) as the cloud
 * directory, ResetFlow bound as the service account docs/cloud-directory.md describes. The rest is the embedded profile
 * (H2, the development outbox) without its embedded directories, and writeback off: these users live in the cloud
 * only. Each test makes a user of its own, so nothing depends on what other tests did to the demo accounts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("embedded")
@EnabledIf("org.resetflow.testing.OpenLdap#configuredOrRequired")
class OpenLdapJourneysIT {

    static final String FIRST_PASSWORD = "Copper-Meadow-Violin-36";
    static final String SECOND_PASSWORD = "Granite-Orchard-Lamp-71";
    static final String THIRD_PASSWORD = "Quiet-Harbour-Lantern-58";

    @DynamicPropertySource
    static void openLdapAsTheCloudDirectory(DynamicPropertyRegistry registry) {
        EmbeddedTestDefaults.properties(EmbeddedTestDefaults.newDataDirectory(), EmbeddedTestDefaults.freePort(), EmbeddedTestDefaults.freePort())
                .forEach((key, value) -> registry.add(key, () -> value));
        OpenLdap.cloudDirectoryProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("resetflow.embedded-directories.enabled", () -> false);
        registry.add("resetflow.policy.writeback-enabled", () -> false);
        // never reached with writeback off; a port nobody listens on rather than another instance's demo directory
        registry.add("resetflow.directory.on-premises.url", () -> "ldap://127.0.0.1:" + EmbeddedTestDefaults.freePort());
    }

    @LocalServerPort
    int port;

    @Autowired
    RecoveryRegistrations registrations;

    @Autowired
    HistoryService history;

    JourneyApi api;

    @BeforeEach
    void api() {
        api = new JourneyApi(port);
    }

    @Test
    void aCloudUserResetsThePasswordAndOnlyTheNewOneSignsIn() throws Exception {
        String user = newUser();

        assertThat(reset(user, SECOND_PASSWORD).field("status")).isEqualTo("COMPLETED");

        assertThat(OpenLdap.canBind(dn(user), SECOND_PASSWORD)).isTrue();
        assertThat(OpenLdap.canBind(dn(user), FIRST_PASSWORD)).isFalse();
    }

    @Test
    void aPasswordFromTheDirectorysHistoryComesBackWithTheReasonAndAnotherOneIsTaken() throws Exception {
        String user = newUser();
        assertThat(reset(user, SECOND_PASSWORD).field("status")).isEqualTo("COMPLETED");

        JourneyApi.Flow flow = proven(user);
        JourneyApi.Response refused = api.submit(flow, "setPassword", Map.of("password", FIRST_PASSWORD, "passwordConfirmation", FIRST_PASSWORD));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.stepKey()).isEqualTo("setPassword");
        assertThat(refused.body().path("errors").get(0).path("code").asText()).isEqualTo("CLOUD_RECENTLY_USED");
        assertThat(refused.body().path("errors").get(0).path("message").asText()).contains("used recently");
        assertThat(OpenLdap.canBind(dn(user), SECOND_PASSWORD)).as("unchanged").isTrue();

        JourneyApi.Response done = api.submit(flow, "setPassword", Map.of("password", THIRD_PASSWORD, "passwordConfirmation", THIRD_PASSWORD));
        assertThat(done.field("status")).isEqualTo("COMPLETED");
        assertThat(OpenLdap.canBind(dn(user), THIRD_PASSWORD)).isTrue();
    }

    @Test
    void anAccountTheDirectoryLockedAfterFailedSignInsIsUnlockedByTheUnlockJourney() throws Exception {
        String user = newUser();
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(OpenLdap.canBind(dn(user), "Wrong-Password-" + attempt)).isFalse();
        }
        assertThat(OpenLdap.canBind(dn(user), FIRST_PASSWORD)).as("locked by ppolicy").isFalse();

        JourneyApi.Flow flow = api.flow("unlocks", api.start("unlocks", user));
        api.submit(flow, "chooseMethod", Map.of("method", "EMAIL", "contact", user + ".alt@example.org"));
        JourneyApi.Response done = api.submit(flow, "enterCode", Map.of("code", codeSentTo(user + ".alt@example.org")));

        assertThat(done.field("status")).isEqualTo("COMPLETED");
        assertThat(OpenLdap.canBind(dn(user), FIRST_PASSWORD)).as("the same password works again").isTrue();
    }

    private JourneyApi.Response reset(String user, String newPassword) {
        return api.submit(proven(user), "setPassword", Map.of("password", newPassword, "passwordConfirmation", newPassword));
    }

    /** A reset journey whose user has passed the gate and is asked for the new password. */
    private JourneyApi.Flow proven(String user) {
        JourneyApi.Flow flow = api.flow("resets", api.start("resets", user));
        api.submit(flow, "chooseMethod", Map.of("method", "EMAIL", "contact", user + ".alt@example.org"));
        assertThat(api.submit(flow, "enterCode", Map.of("code", codeSentTo(user + ".alt@example.org"))).stepKey()).isEqualTo("setPassword");
        return flow;
    }

    /** A cloud account in the self-service scope with an alternate email registered, and {@link #FIRST_PASSWORD}. */
    private String newUser() throws LDAPException {
        String user = "journey-" + UUID.randomUUID().toString().substring(0, 8);
        try (LDAPConnection admin = OpenLdap.admin()) {
            admin.add(dn(user), List.of(new Attribute("objectClass", "inetOrgPerson"), new Attribute("uid", user),
                    new Attribute("cn", user + " Tester"), new Attribute("sn", "Tester"), new Attribute("givenName", "Journey"),
                    new Attribute("mail", user + "@example.org"), new Attribute("employeeType", "cloud"),
                    new Attribute("userPassword", FIRST_PASSWORD)));
            admin.modify("cn=sspr-users,ou=groups," + OpenLdap.baseDn(), new Modification(ModificationType.ADD, "member", dn(user)));
        }
        registrations.saveContacts(user, user + ".alt@example.org", null);
        return user;
    }

    private static String dn(String user) {
        return "uid=" + user + ",ou=people," + OpenLdap.baseDn();
    }

    /** The code in the newest message to the recipient, once every code's delivery has ended. */
    private String codeSentTo(String recipient) {
        CodeDeliveries.awaitAllEnded(history);
        return api.lastMessageTo(recipient).path("code").asText();
    }
}
