package org.resetflow.directory;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Technical failures become {@link DirectoryUnavailableException}s, quickly, and never mention a password. */
class DirectoryFailuresTest {

    private static final String NEW_PASSWORD = "Correct-Horse-42";
    private static final Account ALICE = new Account("alice", "uid=alice,ou=people,dc=cloud,dc=example,dc=org",
            "Alice Anders", "Alice", "Anders", "alice@example.org", IdentitySource.SYNCED, null, false);

    @TempDir
    Path dataDirectory;

    @Test
    void aClosedPortIsUnavailableAtOnce() throws Exception {
        DirectoryProperties properties = propertiesFor(closedPort(), "500ms");
        LdapCloudDirectory cloud = EmbeddedDirectoriesFixture.cloudDirectory(properties);
        LdapOnPremisesDirectory onPremises = EmbeddedDirectoriesFixture.onPremisesDirectory(properties);

        assertTimeoutPreemptively(ofSeconds(3), () -> {
            assertThatThrownBy(() -> cloud.findAccount("alice")).isInstanceOf(DirectoryUnavailableException.class);
            assertThatThrownBy(() -> cloud.authenticate(ALICE, "Demo-Passw0rd!")).isInstanceOf(DirectoryUnavailableException.class);
            assertThatThrownBy(() -> cloud.setPassword(ALICE, NEW_PASSWORD, false))
                    .isInstanceOf(DirectoryUnavailableException.class)
                    .hasMessageNotContaining(NEW_PASSWORD)
                    .hasMessageNotContaining("service-password");
            assertThatThrownBy(() -> onPremises.setPassword(ALICE, NEW_PASSWORD, false))
                    .isInstanceOf(DirectoryUnavailableException.class)
                    .hasMessageNotContaining(NEW_PASSWORD);
        });
    }

    @Test
    void aDirectoryThatNeverAnswersTimesOut() throws Exception {
        try (var silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            LdapCloudDirectory cloud = EmbeddedDirectoriesFixture.cloudDirectory(propertiesFor(silent.getLocalPort(), "300ms"));

            assertTimeoutPreemptively(ofSeconds(3), () ->
                    assertThatThrownBy(() -> cloud.findAccount("alice")).isInstanceOf(DirectoryUnavailableException.class));
        }
    }

    @Test
    void aRefusedServiceAccountIsUnavailableAndItsPasswordIsNotRepeated() {
        try (var directories = EmbeddedDirectoriesFixture.startIn(dataDirectory)) {
            var wrongServicePassword = directories.directoryProperties(Map.of(
                    "resetflow.directory.cloud.bind-password", "wrong-service-password",
                    "resetflow.directory.on-premises.bind-password", "wrong-service-password"));
            LdapCloudDirectory cloud = EmbeddedDirectoriesFixture.cloudDirectory(wrongServicePassword);
            Account alice = directories.cloudDirectory().findAccount("alice").orElseThrow();

            assertThatThrownBy(() -> cloud.findAccount("alice"))
                    .isInstanceOf(DirectoryUnavailableException.class)
                    .hasMessageNotContaining("wrong-service-password");
            assertThatThrownBy(() -> cloud.setPassword(alice, NEW_PASSWORD, false))
                    .isInstanceOf(DirectoryUnavailableException.class)
                    .hasMessageNotContaining("wrong-service-password")
                    .hasMessageNotContaining(NEW_PASSWORD);
            assertThatThrownBy(() -> EmbeddedDirectoriesFixture.onPremisesDirectory(wrongServicePassword).setPassword(alice, NEW_PASSWORD, false))
                    .isInstanceOf(DirectoryUnavailableException.class)
                    .hasMessageNotContaining("wrong-service-password");
        }
    }

    private static int closedPort() throws Exception {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private DirectoryProperties propertiesFor(int port, String timeout) {
        var binder = new Binder(new MapConfigurationPropertySource(Map.of(
                        "resetflow.directory.cloud.url", "ldap://127.0.0.1:" + port,
                        "resetflow.directory.cloud.bind-dn", "cn=resetflow,ou=services,dc=cloud,dc=example,dc=org",
                        "resetflow.directory.cloud.bind-password", "service-password",
                        "resetflow.directory.cloud.timeout", timeout,
                        "resetflow.directory.on-premises.url", "ldap://127.0.0.1:" + port,
                        "resetflow.directory.on-premises.bind-dn", "cn=resetflow-writeback,dc=corp,dc=example,dc=org",
                        "resetflow.directory.on-premises.bind-password", "service-password",
                        "resetflow.directory.on-premises.timeout", timeout)));
        return binder.bindOrCreate("resetflow.directory", DirectoryProperties.class);
    }
}
