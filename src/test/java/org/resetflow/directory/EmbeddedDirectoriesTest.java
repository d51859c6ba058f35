package org.resetflow.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.resetflow.directory.EmbeddedDirectoriesFixture.SEED_PASSWORD;
import static org.resetflow.directory.EmbeddedDirectoriesFixture.cloudDn;
import static org.resetflow.directory.EmbeddedDirectoriesFixture.onPremisesDn;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.PLAINBindRequest;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchScope;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resetflow.directory.embedded.EmbeddedDirectories;
import org.resetflow.directory.embedded.EmbeddedDirectoryProperties;

class EmbeddedDirectoriesTest {

    @TempDir
    Path dataDirectory;

    private EmbeddedDirectoriesFixture directories;

    @BeforeEach
    void startDirectories() {
        directories = EmbeddedDirectoriesFixture.startIn(dataDirectory);
    }

    @AfterEach
    void stopDirectories() {
        directories.close();
    }

    @Test
    void refusesAnonymousAndUnauthenticatedBinds() throws Exception {
        var options = new LDAPConnectionOptions();
        options.setBindWithDNRequiresPassword(false); // the client would refuse an unauthenticated bind itself
        try (var connection = new LDAPConnection(options, "127.0.0.1", directories.cloudPort())) {
            assertThatThrownBy(() -> connection.bind("", ""))
                    .isInstanceOfSatisfying(LDAPException.class, e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.UNWILLING_TO_PERFORM));
            assertThatThrownBy(() -> connection.bind(cloudDn("alice"), ""))
                    .isInstanceOfSatisfying(LDAPException.class, e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.UNWILLING_TO_PERFORM));
        }
    }

    @Test
    void refusesOperationsWithoutAuthentication() throws Exception {
        try (var connection = new LDAPConnection("127.0.0.1", directories.onPremisesPort())) {
            assertThatThrownBy(() -> connection.search("dc=corp,dc=example,dc=org", SearchScope.SUB, "(uid=bob)"))
                    .isInstanceOf(LDAPException.class);
        }
    }

    @Test
    void refusesSaslBinds() throws Exception {
        try (var connection = new LDAPConnection("127.0.0.1", directories.cloudPort())) {
            assertThatThrownBy(() -> connection.bind(new PLAINBindRequest("dn:" + cloudDn("gina"), SEED_PASSWORD)))
                    .isInstanceOfSatisfying(LDAPException.class,
                            e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.AUTH_METHOD_NOT_SUPPORTED));
        }
    }

    @Test
    void refusesABindToALockedOutAccount() throws Exception {
        try (var connection = new LDAPConnection("127.0.0.1", directories.cloudPort())) {
            assertThatThrownBy(() -> connection.bind(cloudDn("gina"), SEED_PASSWORD))
                    .isInstanceOfSatisfying(LDAPException.class, e -> {
                        assertThat(e.getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS);
                        assertThat(e.getDiagnosticMessage()).isEqualTo("account locked");
                    });
            connection.bind(cloudDn("alice"), SEED_PASSWORD);
        }
    }

    @Test
    void appliesTheOnPremisesPolicyToModificationsOfUserPasswordToo() throws Exception {
        try (var connection = directories.onPremisesAsServiceAccount()) {
            for (String refused : new String[] {"Sh0rt!", SEED_PASSWORD}) {
                assertThatThrownBy(() -> connection.modify(onPremisesDn("bob"), new Modification(ModificationType.REPLACE, "userPassword", refused)))
                        .isInstanceOfSatisfying(LDAPException.class, e -> {
                            assertThat(e.getResultCode()).isEqualTo(ResultCode.CONSTRAINT_VIOLATION);
                            assertThat(e.getMessage()).doesNotContain(refused);
                        });
            }
            connection.modify(onPremisesDn("bob"), new Modification(ModificationType.REPLACE, "userPassword", "Correct-Horse-42"));
            assertThatThrownBy(() -> connection.modify(onPremisesDn("bob"), new Modification(ModificationType.REPLACE, "userPassword", SEED_PASSWORD)))
                    .isInstanceOfSatisfying(LDAPException.class, e -> assertThat(e.getDiagnosticMessage()).contains("password history"));
        }
        assertThat(directories.onPremisesAccepts(onPremisesDn("bob"), "Correct-Horse-42")).isTrue();
    }

    @Test
    void seedsBothDirectoriesWithHashedPasswordsOnTheFirstStart() throws Exception {
        for (Path saved : new Path[] {directories.cloudLdif(), directories.onPremisesLdif()}) {
            assertThat(Files.readString(saved, StandardCharsets.UTF_8))
                    .contains("uid=bob,ou=people")
                    .contains("userPassword: {SSHA256}")
                    .doesNotContain(SEED_PASSWORD);
        }
    }

    @Test
    void savesAChangeBeforeTheClientSeesTheResultAndLoadsItOnTheNextStart() throws Exception {
        try (var connection = directories.cloudAsServiceAccount()) {
            connection.modify(cloudDn("frank"), new Modification(ModificationType.REPLACE, "telephoneNumber", "+1 202 555 0199"));
            assertThat(Files.readString(directories.cloudLdif(), StandardCharsets.UTF_8)).contains("+1 202 555 0199");
            connection.delete(cloudDn("carol"));
        }

        directories.restart();

        LdapCloudDirectory cloud = directories.cloudDirectory();
        assertThat(cloud.findAccount("frank")).get().extracting(Account::officePhone).isEqualTo("+1 202 555 0199");
        assertThat(cloud.findAccount("carol")).isEmpty();
        assertThat(cloud.authenticate(cloud.findAccount("alice").orElseThrow(), SEED_PASSWORD)).isTrue();
    }

    @Test
    void refusesToStartWithoutAServiceAccount() {
        var embedded = new EmbeddedDirectoryProperties(true, dataDirectory, 0, 0, "127.0.0.1", 8, 5);
        var withoutPassword = directories.directoryProperties(Map.of("resetflow.directory.cloud.bind-password", ""));

        assertThatThrownBy(() -> new EmbeddedDirectories(embedded, withoutPassword))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("resetflow.directory.cloud.bind-password");
    }

    @Test
    void namesTheDirectoryAndThePortWhenThePortIsTaken() throws Exception {
        try (var taken = new ServerSocket(0)) {
            var embedded = new EmbeddedDirectoryProperties(true, dataDirectory.resolve("other"), taken.getLocalPort(), 0, "127.0.0.1", 8, 5);
            var second = new EmbeddedDirectories(embedded, directories.directoryProperties(Map.of()));

            assertThatThrownBy(second::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("embedded cloud directory on 127.0.0.1:" + taken.getLocalPort());
        }
    }
}
