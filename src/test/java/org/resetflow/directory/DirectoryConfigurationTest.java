package org.resetflow.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.resetflow.directory.embedded.EmbeddedDirectories;
import org.resetflow.directory.embedded.EmbeddedDirectoryProperties;
import org.resetflow.testing.ExpectedLog;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ldap.LdapAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.ldap.core.ContextSource;

class DirectoryConfigurationTest {

    /** Spring's line about a start that bad settings stop, which some tests here provoke and assert from the failure itself. */
    @RegisterExtension
    final ExpectedLog log = ExpectedLog.of(AnnotationConfigApplicationContext.class);

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
                    assertThat(started).getBeans(ContextSource.class).containsOnlyKeys("cloudContextSource", "cloudConnectionPool",
                            "onPremisesContextSource", "onPremisesConnectionPool");
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
    void activeDirectoryModeUsesTheActiveDirectoryAdapterAndNoOnPremisesLdapTemplate() {
        context.withPropertyValues("resetflow.directory.on-premises.mode=active-directory",
                        "resetflow.directory.on-premises.url=ldaps://dc.example.org")
                .run(started -> {
                    assertThat(started).hasNotFailed().hasSingleBean(OnPremisesDirectory.class);
                    assertThat(started.getBean(OnPremisesDirectory.class)).isInstanceOf(ActiveDirectory.class);
                    assertThat(started).getBeans(ContextSource.class).containsOnlyKeys("cloudContextSource", "cloudConnectionPool");
                    assertThat(started.getBean(DirectoryProperties.class).onPremises().matchAttribute()).isEqualTo("sAMAccountName");
                });
    }

    @Test
    void anUnreadableTrustStoreStopsTheStartWithTheSettingsName() {
        context.withPropertyValues("resetflow.directory.on-premises.mode=active-directory",
                        "resetflow.directory.on-premises.trust-store=" + dataDirectory.resolve("missing.pem"))
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .hasStackTraceContaining("resetflow.directory.on-premises.trust-store").hasStackTraceContaining("cannot be read")
                        .hasStackTraceContaining("does not exist"));
    }

    @Test
    void tlsSettingsOfTheActiveDirectoryModeAreRefusedInLdapModeInsteadOfIgnored() {
        context.withPropertyValues("resetflow.directory.on-premises.start-tls=true")
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .hasStackTraceContaining("resetflow.directory.on-premises")
                        .hasStackTraceContaining("apply to the active-directory mode only"));
    }

    @Test
    void anActiveDirectoryWithoutTheEmbeddedOnPremisesDirectoryStillEmbedsTheCloud() throws Exception {
        int cloudPort = freePort();
        context.withPropertyValues("resetflow.embedded-directories.enabled=true",
                        "resetflow.embedded-directories.data-directory=" + dataDirectory,
                        "resetflow.embedded-directories.cloud-port=" + cloudPort,
                        "resetflow.directory.cloud.url=ldap://127.0.0.1:" + cloudPort,
                        "resetflow.directory.on-premises.mode=active-directory",
                        "resetflow.directory.on-premises.url=ldaps://dc.example.org",
                        "resetflow.directory.on-premises.base-dn=DC=example,DC=org")
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    assertThat(started.getBean(CloudDirectory.class).findAccount("bob")).isPresent();
                    assertThatThrownBy(() -> started.getBean(EmbeddedDirectories.class).onPremisesPort())
                            .hasMessageContaining("not embedded");
                });
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
