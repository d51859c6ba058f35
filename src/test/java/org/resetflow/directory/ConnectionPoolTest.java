package org.resetflow.directory;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.resetflow.directory.EmbeddedDirectoriesFixture.CLOUD_SERVICE_DN;
import static org.resetflow.directory.EmbeddedDirectoriesFixture.SEED_PASSWORD;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.naming.directory.DirContext;
import javax.naming.ldap.ExtendedRequest;
import javax.naming.ldap.ExtendedResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.ldap.support.LdapUtils;

/** The service account's pooled connections: replaced after a directory restart, bounded, and never a user's. */
class ConnectionPoolTest {

    private static final String NEW_PASSWORD = "Correct-Horse-42";

    @TempDir
    Path dataDirectory;

    private EmbeddedDirectoriesFixture directories;
    private ConnectionPool pool;

    @BeforeEach
    void startDirectories() {
        directories = EmbeddedDirectoriesFixture.startIn(dataDirectory);
    }

    @AfterEach
    void stopDirectories() throws Exception {
        if (pool != null) {
            pool.destroy();
        }
        directories.close();
    }

    @Test
    void theOperationsAfterADirectoryRestartSucceedOnNewConnections() {
        LdapCloudDirectory cloud = directories.cloudDirectory();
        LdapOnPremisesDirectory onPremises = directories.onPremisesDirectory();
        Account bob = cloud.findAccount("bob").orElseThrow();
        cloud.clearLockout(bob);
        onPremises.clearLockout(bob);

        directories.restart();

        assertThat(cloud.findAccount("bob")).isPresent();
        cloud.setPassword(bob, NEW_PASSWORD, false);
        onPremises.setPassword(bob, NEW_PASSWORD, false);
        assertThat(cloud.authenticate(bob, NEW_PASSWORD)).isTrue();
    }

    // What test-on-borrow spares the journeys; it also shows that the connections above outlive the restart.
    @Test
    void withoutValidationOnlyTheFirstOperationAfterARestartFailsAndItFailsCleanly() {
        LdapCloudDirectory cloud = pooledCloud(Map.of("test-on-borrow", "false", "test-while-idle", "false"));
        cloud.findAccount("bob").orElseThrow();

        directories.restart();

        assertThatThrownBy(() -> cloud.findAccount("bob")).isInstanceOf(DirectoryUnavailableException.class);
        assertThat(cloud.findAccount("bob")).isPresent();
    }

    @Test
    void validationWhileIdleAloneReplacesTheConnectionsARestartClosed() {
        LdapCloudDirectory cloud = pooledCloud(Map.of("test-on-borrow", "false", "eviction-interval", "100ms"));
        cloud.findAccount("bob").orElseThrow();
        assertThat(pool.getNumIdle()).isEqualTo(1);

        directories.restart();

        await().atMost(ofSeconds(5)).until(() -> pool.getNumIdle() == 0);
        assertThat(cloud.findAccount("bob")).isPresent();
    }

    @Test
    void aUsersBindNeverLandsOnAPooledConnection() {
        LdapCloudDirectory cloud = pooledCloud(Map.of("max-active", "1"));
        Account alice = cloud.findAccount("alice").orElseThrow();

        assertThat(cloud.authenticate(alice, SEED_PASSWORD)).isTrue();
        assertThat(cloud.authenticate(alice, "wrong-password")).isFalse();

        assertThat(whoAmI()).isEqualToIgnoringCase("dn:" + CLOUD_SERVICE_DN);
        assertThat(cloud.findAccount("bob")).isPresent();
    }

    @Test
    void anOperationWaitsForAFreeConnectionAtMostMaxWait() {
        LdapCloudDirectory cloud = pooledCloud(Map.of("max-active", "1", "max-wait", "200ms"));
        DirContext taken = pool.getReadWriteContext();

        assertTimeoutPreemptively(ofSeconds(3), () -> assertThatThrownBy(() -> cloud.findAccount("bob"))
                .isInstanceOf(DirectoryUnavailableException.class)
                .hasMessageContaining("No pooled connection"));

        LdapUtils.closeContext(taken);
        assertThat(cloud.findAccount("bob")).isPresent();
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        assertThat(pool(Map.of())).isEqualTo(new DirectoryProperties.Pool(true, 8, 8, Duration.ofSeconds(5), true, true,
                Duration.ofMinutes(1), Duration.ofMinutes(10)));
        assertThat(directories.properties().onPremises().pool()).isEqualTo(directories.properties().cloud().pool());
    }

    @Test
    void aDisabledPoolConnectsForEveryOperation() {
        var settings = directories.properties().cloud();
        var connections = LdapConnections.contextSource(settings.url(), settings.bindDn(), settings.bindPassword(), settings.timeout());

        assertThat(LdapConnections.serviceAccount(connections, pool(Map.of("enabled", "false")))).isSameAs(connections);
    }

    @Test
    void aWaitOfZeroIsRefused() {
        assertThatThrownBy(() -> pool(Map.of("max-wait", "0s")))
                .isInstanceOf(BindException.class)
                .hasStackTraceContaining("pool.max-wait must be longer than zero");
    }

    private LdapCloudDirectory pooledCloud(Map<String, String> poolSettings) {
        var settings = directories.properties().cloud();
        var connections = LdapConnections.contextSource(settings.url(), settings.bindDn(), settings.bindPassword(), settings.timeout());
        pool = new ConnectionPool(connections, pool(poolSettings));
        return new LdapCloudDirectory(LdapConnections.template(pool), connections, settings);
    }

    private static DirectoryProperties.Pool pool(Map<String, String> settings) {
        var prefixed = new HashMap<String, String>();
        settings.forEach((name, value) -> prefixed.put("pool." + name, value));
        return new Binder(new MapConfigurationPropertySource(prefixed)).bindOrCreate("pool", DirectoryProperties.Pool.class);
    }

    /** RFC 4532 "Who am I?" on a pooled connection: whom the directory takes it for. */
    private String whoAmI() {
        DirContext context = pool.getReadOnlyContext();
        try {
            ExtendedResponse response = LdapConnections.asLdapContext(context).extendedOperation(new WhoAmI());
            return new String(response.getEncodedValue(), StandardCharsets.UTF_8);
        } catch (javax.naming.NamingException e) {
            throw LdapUtils.convertLdapException(e);
        } finally {
            LdapUtils.closeContext(context);
        }
    }

    private static final class WhoAmI implements ExtendedRequest {

        @Override
        public String getID() {
            return "1.3.6.1.4.1.4203.1.11.3";
        }

        @Override
        public byte[] getEncodedValue() {
            return null;
        }

        @Override
        public ExtendedResponse createExtendedResponse(String id, byte[] value, int offset, int length) {
            byte[] authorizationId = value == null ? new byte[0] : Arrays.copyOfRange(value, offset, offset + length);
            return new ExtendedResponse() {
                @Override
                public String getID() {
                    return id;
                }

                @Override
                public byte[] getEncodedValue() {
                    return authorizationId;
                }
            };
        }
    }
}
