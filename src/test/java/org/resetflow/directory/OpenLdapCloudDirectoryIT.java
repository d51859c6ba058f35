package org.resetflow.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchScope;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.resetflow.directory.OnPremisesPolicyRejectedException.Reason;
import org.resetflow.testing.EmbeddedTestDefaults;
import org.resetflow.testing.OpenLdap;
import org.resetflow.testing.TcpProxy;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.ldap.core.ContextSource;

/**
 * The cloud-directory adapter against a real OpenLDAP server with the ppolicy overlay ({@code .ci/openldap}), bound as
 * the service account with only the rights docs/cloud-directory.md gives it. Lock-out and "must change" are the directory's
 * own: ppolicy locks an account after five failed binds ({@code pwdAccountLockedTime}), refuses a password of its
 * history, and restricts a session whose {@code pwdReset} is set. Each test makes accounts of its own, so the tests
 * can run again against the same server and leave the demo accounts alone.
 */
@EnabledIf("org.resetflow.testing.OpenLdap#configuredOrRequired")
class OpenLdapCloudDirectoryIT {

    static final String FIRST_PASSWORD = "Granite-Orchard-Lamp-71";
    static final String SECOND_PASSWORD = "Quiet-Harbour-Lantern-58";
    static final String THIRD_PASSWORD = "Copper-Meadow-Violin-36";
    static final int MAX_FAILURES = 5;

    static final TcpProxy PROXY = new TcpProxy(EmbeddedTestDefaults.freePort(), OpenLdap.host(), OpenLdap.port());

    final List<ContextSource> pools = new ArrayList<>();
    LdapCloudDirectory cloud;

    @BeforeAll
    static void proxyUp() throws IOException {
        PROXY.up();
    }

    @AfterAll
    static void proxyDown() throws IOException {
        PROXY.down();
    }

    @BeforeEach
    void adapter() {
        cloud = adapterAt(OpenLdap.url());
    }

    @AfterEach
    void closePools() throws Exception {
        for (ContextSource pool : pools) {
            if (pool instanceof DisposableBean disposable) {
                disposable.destroy();
            }
        }
    }

    @Test
    void findsTheDemoAccountsWithTheirGroupsAndIdentitySources() {
        Account dave = cloud.findAccount("dave").orElseThrow();
        assertThat(dave.dn()).isEqualToIgnoringCase("uid=dave,ou=people," + OpenLdap.baseDn());
        assertThat(dave.officePhone()).isEqualTo("+1 202 555 0204");
        assertThat(cloud.groupsOf(dave)).contains("helpdesk-admins", "sspr-users");
        assertThat(cloud.findAccount("bob@example.org")).get().extracting(Account::identitySource).isEqualTo(IdentitySource.SYNCED);
        assertThat(cloud.findAccount("nobody-" + UUID.randomUUID())).isEmpty();
        assertThat(cloud.findMembers(List.of("helpdesk-leads"))).extracting(Account::username).containsExactly("leo");
    }

    @Test
    void setsThePasswordWithRfc3062SoThatOnlyTheNewOneBinds() throws Exception {
        Account user = newUser();

        cloud.setPassword(user, SECOND_PASSWORD, false);

        assertThat(OpenLdap.canBind(user.dn(), SECOND_PASSWORD)).isTrue();
        assertThat(OpenLdap.canBind(user.dn(), FIRST_PASSWORD)).isFalse();
        assertThat(attribute(user, "pwdReset")).as("no change demanded").isNull();
        assertThat(attribute(user, "userPassword")).as("stored hashed").startsWith("{SSHA}");
    }

    @Test
    void checksTheCurrentPasswordWithABind() {
        Account user = newUser();

        assertThat(cloud.authenticate(user, FIRST_PASSWORD)).isTrue();
        assertThat(cloud.authenticate(user, SECOND_PASSWORD)).isFalse();
        assertThat(cloud.authenticate(user, "")).as("never an unauthenticated bind").isFalse();
    }

    @Test
    void aTemporaryPasswordRestrictsTheSessionToAPasswordChangeUntilTheNextReset() throws Exception {
        Account user = newUser();

        cloud.setPassword(user, SECOND_PASSWORD, true);

        assertThat(attribute(user, "pwdReset")).isEqualTo("TRUE");
        try (LDAPConnection session = new LDAPConnection(OpenLdap.host(), OpenLdap.port(), user.dn(), SECOND_PASSWORD)) {
            assertThatThrownBy(() -> session.search(user.dn(), SearchScope.BASE, "(objectClass=*)"))
                    .as("ppolicy allows nothing but the password change")
                    .isInstanceOfSatisfying(LDAPException.class, e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.INSUFFICIENT_ACCESS_RIGHTS));
        }
        cloud.setPassword(user, THIRD_PASSWORD, false);
        assertThat(attribute(user, "pwdReset")).isNull();
    }

    @Test
    void failedBindsLockTheAccountAndTheUnlockClearsTheLockAndTheFailures() throws Exception {
        Account user = newUser();
        lockOut(user);
        assertThat(attribute(user, "pwdAccountLockedTime")).as("locked by ppolicy").isNotNull();
        assertThat(cloud.findAccount(user.username())).get().extracting(Account::lockedOut).isEqualTo(true);
        assertThat(cloud.authenticate(user, FIRST_PASSWORD)).as("locked: even the right password fails").isFalse();

        cloud.clearLockout(user);

        assertThat(attribute(user, "pwdAccountLockedTime")).isNull();
        assertThat(attribute(user, "pwdFailureTime")).as("the failed binds are forgotten too").isNull();
        assertThat(OpenLdap.canBind(user.dn(), "Wrong-Password-99")).isFalse();
        assertThat(attribute(user, "pwdAccountLockedTime")).as("one wrong password after an unlock does not lock again").isNull();
        assertThat(cloud.authenticate(user, FIRST_PASSWORD)).isTrue();
        cloud.clearLockout(user); // not locked: nothing to do, and no error
    }

    @Test
    void aResetClearsTheLockOut() throws Exception {
        Account user = newUser();
        lockOut(user);

        cloud.setPassword(user, SECOND_PASSWORD, false);

        assertThat(attribute(user, "pwdAccountLockedTime")).isNull();
        assertThat(OpenLdap.canBind(user.dn(), SECOND_PASSWORD)).isTrue();
    }

    @Test
    void aPasswordFromTheHistoryIsRefusedWithAReasonTheUserCanActOn() throws Exception {
        Account user = newUser();
        cloud.setPassword(user, SECOND_PASSWORD, false);
        cloud.setPassword(user, THIRD_PASSWORD, false);

        assertThatThrownBy(() -> cloud.setPassword(user, SECOND_PASSWORD, false))
                .isInstanceOfSatisfying(CloudPolicyRejectedException.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(Reason.RECENTLY_USED);
                    assertThat(refused.getMessage()).isEqualTo("Password is in history of old passwords").doesNotContain(SECOND_PASSWORD);
                });
        assertThat(OpenLdap.canBind(user.dn(), THIRD_PASSWORD)).as("unchanged").isTrue();
    }

    @Test
    void aPasswordShorterThanThePolicyIsRefusedAsTooShort() throws Exception {
        Account user = newUser();

        assertThatThrownBy(() -> cloud.setPassword(user, "Sh0rt!", false))
                .isInstanceOfSatisfying(CloudPolicyRejectedException.class, refused -> assertThat(refused.reason()).isEqualTo(Reason.TOO_SHORT));
        assertThat(OpenLdap.canBind(user.dn(), FIRST_PASSWORD)).isTrue();
    }

    /**
     * A job that wrote the password and died before it could record that runs again: the same write, made as a repeat,
     * is no refusal. Made as a first attempt it is refused: only a repeat binds as the user to find its earlier success.
     */
    @Test
    void writingTheSamePasswordAgainCountsAsDone() throws Exception {
        Account user = newUser();
        cloud.setPassword(user, SECOND_PASSWORD, false);

        cloud.setPasswordAgain(user, SECOND_PASSWORD, false);

        assertThat(OpenLdap.canBind(user.dn(), SECOND_PASSWORD)).isTrue();
        assertThatThrownBy(() -> cloud.setPassword(user, SECOND_PASSWORD, false)).isInstanceOf(CloudPolicyRejectedException.class);
    }

    @Test
    void theServiceAccountMayReadNoPasswordAndChangeNothingElse() throws Exception {
        Account user = newUser();
        try (LDAPConnection service = new LDAPConnection(OpenLdap.host(), OpenLdap.port(), OpenLdap.serviceDn(), OpenLdap.servicePassword())) {
            assertThat(service.getEntry(user.dn(), "userPassword", "mail").getAttributeValue("userPassword")).isNull();
            assertThatThrownBy(() -> service.modify(user.dn(), new Modification(ModificationType.REPLACE, "mail", "attacker@example.org")))
                    .isInstanceOfSatisfying(LDAPException.class, e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.INSUFFICIENT_ACCESS_RIGHTS));
        }
    }

    @Test
    void anUnreachableServerIsATechnicalFailureThatPassesWhenItIsBack() throws Exception {
        Account user = newUser();
        LdapCloudDirectory throughProxy = adapterAt("ldap://127.0.0.1:" + PROXY.port());
        assertThat(throughProxy.findAccount(user.username())).isPresent();

        PROXY.down();
        try {
            assertThatThrownBy(() -> throughProxy.findAccount(user.username())).isInstanceOf(DirectoryUnavailableException.class)
                    .hasMessageStartingWith("The cloud directory could not look up an account");
            assertThatThrownBy(() -> throughProxy.authenticate(user, FIRST_PASSWORD)).as("not a wrong password")
                    .isInstanceOf(DirectoryUnavailableException.class);
            assertThatThrownBy(() -> throughProxy.setPassword(user, SECOND_PASSWORD, false)).isInstanceOf(DirectoryUnavailableException.class)
                    .hasMessageNotContaining(SECOND_PASSWORD);
            assertThatThrownBy(() -> throughProxy.clearLockout(user)).isInstanceOf(DirectoryUnavailableException.class);
        } finally {
            PROXY.up();
        }

        assertThat(throughProxy.findAccount(user.username())).as("the pool replaces the broken connections").isPresent();
        assertThat(OpenLdap.canBind(user.dn(), FIRST_PASSWORD)).as("nothing was written").isTrue();
        assertThatThrownBy(() -> adapterAt("ldap://127.0.0.1:" + EmbeddedTestDefaults.freePort()).findAccount("alice"))
                .as("a port nobody listens on").isInstanceOf(DirectoryUnavailableException.class);
    }

    private LdapCloudDirectory adapterAt(String url) {
        Map<String, String> values = new HashMap<>(Map.of(
                "resetflow.directory.cloud.url", url,
                "resetflow.directory.cloud.base-dn", OpenLdap.baseDn(),
                "resetflow.directory.cloud.bind-dn", OpenLdap.serviceDn(),
                "resetflow.directory.cloud.bind-password", OpenLdap.servicePassword(),
                "resetflow.directory.cloud.timeout", "2s"));
        var settings = new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("resetflow.directory", DirectoryProperties.class).cloud();
        var connections = LdapConnections.contextSource(settings.url(), settings.bindDn(), settings.bindPassword(), settings.timeout());
        var pool = LdapConnections.serviceAccount(connections, settings.pool());
        pools.add(pool);
        return new LdapCloudDirectory(LdapConnections.template(pool), connections, settings);
    }

    /** A cloud account of this test's own, with {@link #FIRST_PASSWORD}. */
    private Account newUser() {
        String uid = "it-" + UUID.randomUUID().toString().substring(0, 8);
        try (LDAPConnection admin = OpenLdap.admin()) {
            admin.add("uid=" + uid + ",ou=people," + OpenLdap.baseDn(), List.of(
                    new com.unboundid.ldap.sdk.Attribute("objectClass", "inetOrgPerson"),
                    new com.unboundid.ldap.sdk.Attribute("uid", uid),
                    new com.unboundid.ldap.sdk.Attribute("cn", uid + " Tester"),
                    new com.unboundid.ldap.sdk.Attribute("sn", "Tester"),
                    new com.unboundid.ldap.sdk.Attribute("mail", uid + "@example.org"),
                    new com.unboundid.ldap.sdk.Attribute("employeeType", "cloud"),
                    new com.unboundid.ldap.sdk.Attribute("userPassword", FIRST_PASSWORD)));
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
        return cloud.findAccount(uid).orElseThrow();
    }

    private static void lockOut(Account user) throws LDAPException {
        for (int attempt = 0; attempt < MAX_FAILURES; attempt++) {
            assertThat(OpenLdap.canBind(user.dn(), "Wrong-Password-" + attempt)).isFalse();
        }
    }

    private static String attribute(Account user, String name) throws LDAPException {
        try (LDAPConnection admin = OpenLdap.admin()) {
            return admin.getEntry(user.dn(), name).getAttributeValue(name);
        }
    }
}
