package org.resetflow.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetflow.directory.embedded.EmbeddedDirectories;
import org.resetflow.directory.embedded.EmbeddedDirectoryProperties;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ldap.LdapAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.ldap.core.ContextSource;

class DirectoryConfigurationTest {

    @TempDir
    Path dataDirectory;

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(LdapAutoConfiguration.class))
            .withUserConfiguration(Properties.class, EmbeddedDirectories.class, DirectoryConfiguration.class)
            .withPropertyValues(
                    "resetflow.directory.cloud.bind-dn=cn=resetflow,ou=services,dc=cloud,dc=example,dc=org",
                    "resetflow.directory.cloud.bind-password=service-secret",
                    "resetflow.directory.on-premises.bind-dn=cn=resetflow-writeback,dc=corp,dc=example,dc=org",
                    "resetflow.directory.on-premises.bind-password=service-secret");

    @Test
    void startsTheEmbeddedDirectoriesBeforeTheAdaptersUseThem() throws Exception {
        int cloudPort = freePort();
        int onPremisesPort = freePort();
        context.withPropertyValues(
                        "resetflow.embedded-directories.enabled=true",
                        "resetflow.embedded-directories.data-directory=" + dataDirectory,
                        "resetflow.embedded-directories.cloud-port=" + cloudPort,
                        "resetflow.embedded-directories.on-premises-port=" + onPremisesPort,
                        "resetflow.directory.cloud.url=ldap://127.0.0.1:" + cloudPort,
                        "resetflow.directory.on-premises.url=ldap://127.0.0.1:" + onPremisesPort)
                .run(started -> {
                    assertThat(started).hasNotFailed().hasSingleBean(EmbeddedDirectories.class);
                    assertThat(started).getBeans(ContextSource.class).containsOnlyKeys("cloudContextSource", "onPremisesContextSource");
                    assertThat(started).doesNotHaveBean("ldapTemplate");
                    assertThat(started.getBean(CloudDirectory.class).findAccount("bob")).isPresent();
                });
    }

    @Test
    void needsNoEmbeddedDirectoriesToStart() {
        context.run(started -> {
            assertThat(started).hasNotFailed().doesNotHaveBean(EmbeddedDirectories.class);
            assertThat(started).hasSingleBean(CloudDirectory.class).hasSingleBean(OnPremisesDirectory.class);
        });
    }

    @Test
    void refusesActiveDirectoryModeForNow() {
        context.withPropertyValues("resetflow.directory.on-premises.mode=active-directory")
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .rootCause().hasMessage(DirectoryConfiguration.ACTIVE_DIRECTORY_NOT_AVAILABLE));
    }

    private static int freePort() throws Exception {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({DirectoryProperties.class, EmbeddedDirectoryProperties.class})
    static class Properties {

    }
}
