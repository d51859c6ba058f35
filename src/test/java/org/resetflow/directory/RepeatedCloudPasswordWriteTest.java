package org.resetflow.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedExtendedRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * A cloud directory whose password policy keeps a history, as OpenLDAP's ppolicy with {@code pwdInHistory} does: the
 * password in use cannot be set again. A write repeated after its job died recognises its own earlier success.
 */
class RepeatedCloudPasswordWriteTest {

    private static final String BASE = "dc=cloud,dc=example,dc=org";
    private static final String SERVICE = "cn=resetflow,ou=services," + BASE;
    private static final String ZOE = "uid=zoe,ou=people," + BASE;
    private static final String NEW_PASSWORD = "Granite-Orchard-Lamp-71";
    private static final String OLDER_PASSWORD = "Old-Password-0";

    private InMemoryDirectoryServer server;
    private LdapCloudDirectory cloud;
    private Account zoe;

    @BeforeEach
    void start() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.addAdditionalBindCredentials(SERVICE, "service-secret");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
        config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
            @Override
            public void processExtendedRequest(InMemoryInterceptedExtendedRequest request) throws LDAPException {
                var change = new PasswordModifyExtendedRequest(request.getRequest());
                var entry = server.getEntry(change.getUserIdentity());
                if (entry != null && (change.getNewPassword().equals(entry.getAttributeValue("userPassword"))
                        || change.getNewPassword().equals(OLDER_PASSWORD))) {
                    throw new LDAPException(ResultCode.CONSTRAINT_VIOLATION, "Password is in history of old passwords");
                }
            }
        });
        config.setSchema(null);
        server = new InMemoryDirectoryServer(config);
        server.add("dn: " + BASE, "objectClass: domain", "dc: cloud");
        server.add("dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people");
        server.add("dn: " + ZOE, "objectClass: inetOrgPerson", "uid: zoe", "cn: Zoe", "sn: Zoe", "userPassword: Old-Password-1",
                "pwdAccountLockedTime: 20260101000000Z");
        server.startListening();
        var properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "resetflow.directory.cloud.url", "ldap://127.0.0.1:" + server.getListenPort(),
                "resetflow.directory.cloud.base-dn", BASE,
                "resetflow.directory.cloud.bind-dn", SERVICE,
                "resetflow.directory.cloud.bind-password", "service-secret",
                "resetflow.directory.cloud.pool.enabled", "false"))).bindOrCreate("resetflow.directory", DirectoryProperties.class).cloud();
        var connections = LdapConnections.contextSource(properties.url(), properties.bindDn(), properties.bindPassword(), properties.timeout());
        cloud = new LdapCloudDirectory(LdapConnections.template(connections), connections, properties);
        zoe = new Account("zoe", ZOE, "Zoe", null, "Zoe", null, IdentitySource.CLOUD, null, true);
    }

    @AfterEach
    void stop() {
        server.shutDown(true);
    }

    @Test
    void aRepeatedWriteWhoseFirstAttemptSetThePasswordButNotTheLockOutCompletesIt() throws Exception {
        try (LDAPConnection service = server.getConnection()) {
            service.bind(SERVICE, "service-secret");
            service.processExtendedOperation(new PasswordModifyExtendedRequest(ZOE, null, NEW_PASSWORD));
        }
        assertThatThrownBy(() -> cloud.setPassword(zoe, NEW_PASSWORD, true))
                .as("a plain repeat meets the history")
                .isInstanceOf(CloudPolicyRejectedException.class)
                .hasMessageContaining("history");

        cloud.setPasswordAgain(zoe, NEW_PASSWORD, true);

        assertThat(server.getEntry(ZOE).getAttributeValue("pwdReset")).isEqualTo("TRUE");
        assertThat(server.getEntry(ZOE).getAttributeValue("pwdAccountLockedTime")).isNull();
        assertThat(cloud.authenticate(zoe, NEW_PASSWORD)).isTrue();
    }

    @Test
    void aRepeatOfAWriteThatNeverReachedTheDirectoryWritesIt() throws Exception {
        cloud.setPasswordAgain(zoe, NEW_PASSWORD, false);

        assertThat(server.getEntry(ZOE).getAttributeValue("pwdAccountLockedTime")).isNull();
        assertThat(cloud.authenticate(zoe, NEW_PASSWORD)).isTrue();
        assertThat(cloud.authenticate(zoe, "Old-Password-1")).isFalse();
    }

    @Test
    void aRepeatStillFailsForARefusedPasswordThatIsNotSet() throws Exception {
        assertThatThrownBy(() -> cloud.setPasswordAgain(zoe, OLDER_PASSWORD, false))
                .isInstanceOf(CloudPolicyRejectedException.class)
                .hasMessageContaining("history")
                .hasMessageNotContaining(OLDER_PASSWORD);

        assertThat(cloud.authenticate(zoe, "Old-Password-1")).isTrue();
        assertThat(server.getEntry(ZOE).getAttributeValue("pwdAccountLockedTime")).isNotNull();
    }
}
