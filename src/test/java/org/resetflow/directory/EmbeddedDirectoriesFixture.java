package org.resetflow.directory;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.resetflow.directory.embedded.EmbeddedDirectories;
import org.resetflow.directory.embedded.EmbeddedDirectoryProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.ldap.core.ContextSource;

/**
 * Both embedded directories on free ports, with data in a temporary folder, and adapters pointed at them. A restart
 * keeps the ports, as a real directory keeps its address, so adapters made before it reach the restarted servers.
 */
final class EmbeddedDirectoriesFixture implements AutoCloseable {

    static final String SEED_PASSWORD = "Demo-Passw0rd!";
    static final String CLOUD_SERVICE_DN = "cn=resetflow,ou=services,dc=cloud,dc=example,dc=org";
    static final String ON_PREMISES_SERVICE_DN = "cn=resetflow-writeback,dc=corp,dc=example,dc=org";
    static final int MINIMUM_LENGTH = 8;
    static final int RECENT_PASSWORDS = 5;

    private final Path dataDirectory;
    private final String servicePassword = "service-" + UUID.randomUUID();
    private final List<ContextSource> connectionPools = new ArrayList<>();
    private EmbeddedDirectories directories;
    private DirectoryProperties properties;
    private int cloudPort;
    private int onPremisesPort;

    private EmbeddedDirectoriesFixture(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    static EmbeddedDirectoriesFixture startIn(Path dataDirectory) {
        var fixture = new EmbeddedDirectoriesFixture(dataDirectory);
        fixture.start();
        return fixture;
    }

    void restart() {
        directories.stop();
        start();
    }

    /** Both directories stop answering, as in an outage; {@link #close()} still cleans up. */
    void takeDown() {
        directories.stop();
    }

    @Override
    public void close() {
        for (ContextSource pool : connectionPools) {
            if (pool instanceof DisposableBean disposable) {
                try {
                    disposable.destroy();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        directories.stop();
    }

    private void start() {
        var embedded = new EmbeddedDirectoryProperties(true, dataDirectory, cloudPort, onPremisesPort, "127.0.0.1", MINIMUM_LENGTH, RECENT_PASSWORDS);
        directories = new EmbeddedDirectories(embedded, directoryProperties(Map.of()));
        directories.start();
        cloudPort = directories.cloudPort();
        onPremisesPort = directories.onPremisesPort();
        properties = directoryProperties(Map.of(
                "resetflow.directory.cloud.url", "ldap://127.0.0.1:" + directories.cloudPort(),
                "resetflow.directory.on-premises.url", "ldap://127.0.0.1:" + directories.onPremisesPort()));
    }

    DirectoryProperties directoryProperties(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(Map.of(
                "resetflow.directory.cloud.bind-dn", CLOUD_SERVICE_DN,
                "resetflow.directory.cloud.bind-password", servicePassword,
                "resetflow.directory.cloud.timeout", "2s",
                "resetflow.directory.on-premises.bind-dn", ON_PREMISES_SERVICE_DN,
                "resetflow.directory.on-premises.bind-password", servicePassword,
                "resetflow.directory.on-premises.timeout", "2s"));
        if (properties != null) {
            values.put("resetflow.directory.cloud.url", properties.cloud().url());
            values.put("resetflow.directory.on-premises.url", properties.onPremises().url());
        }
        values.putAll(overrides);
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("resetflow.directory", DirectoryProperties.class);
    }

    DirectoryProperties properties() {
        return properties;
    }

    String servicePassword() {
        return servicePassword;
    }

    int cloudPort() {
        return cloudPort;
    }

    int onPremisesPort() {
        return onPremisesPort;
    }

    Path cloudLdif() {
        return dataDirectory.resolve("cloud.ldif");
    }

    Path onPremisesLdif() {
        return dataDirectory.resolve("on-premises.ldif");
    }

    /** The cloud adapter as the application makes it, over the service account's connection pool (closed with the fixture). */
    LdapCloudDirectory cloudDirectory() {
        return cloudDirectory(properties, connectionPools::add);
    }

    /**
     * The cloud adapter pointed at the embedded on-premises directory, whose password policy refuses short and recent
     * passwords as OpenLDAP's ppolicy does (constraint violations): a cloud directory with a policy of its own.
     */
    LdapCloudDirectory cloudDirectoryWithAPasswordPolicy() {
        return cloudDirectory(directoryProperties(Map.of(
                "resetflow.directory.cloud.url", properties.onPremises().url(),
                "resetflow.directory.cloud.base-dn", "dc=corp,dc=example,dc=org",
                "resetflow.directory.cloud.bind-dn", ON_PREMISES_SERVICE_DN)), connectionPools::add);
    }

    /** For directories that accept no connection: its pool stays empty, so nothing needs closing. */
    static LdapCloudDirectory cloudDirectory(DirectoryProperties properties) {
        return cloudDirectory(properties, pool -> { });
    }

    private static LdapCloudDirectory cloudDirectory(DirectoryProperties properties, Consumer<ContextSource> opened) {
        var cloud = properties.cloud();
        var connections = LdapConnections.contextSource(cloud.url(), cloud.bindDn(), cloud.bindPassword(), cloud.timeout());
        var pool = LdapConnections.serviceAccount(connections, cloud.pool());
        opened.accept(pool);
        return new LdapCloudDirectory(LdapConnections.template(pool), connections, cloud);
    }

    LdapOnPremisesDirectory onPremisesDirectory() {
        return onPremisesDirectory(properties, connectionPools::add);
    }

    static LdapOnPremisesDirectory onPremisesDirectory(DirectoryProperties properties) {
        return onPremisesDirectory(properties, pool -> { });
    }

    private static LdapOnPremisesDirectory onPremisesDirectory(DirectoryProperties properties, Consumer<ContextSource> opened) {
        var onPremises = properties.onPremises();
        var connections = LdapConnections.contextSource(onPremises.url(), onPremises.bindDn(), onPremises.bindPassword(), onPremises.timeout());
        var pool = LdapConnections.serviceAccount(connections, onPremises.pool());
        opened.accept(pool);
        return new LdapOnPremisesDirectory(LdapConnections.template(pool), connections, onPremises);
    }

    LDAPConnection cloudAsServiceAccount() throws LDAPException {
        return new LDAPConnection("127.0.0.1", cloudPort(), CLOUD_SERVICE_DN, servicePassword);
    }

    LDAPConnection onPremisesAsServiceAccount() throws LDAPException {
        return new LDAPConnection("127.0.0.1", onPremisesPort(), ON_PREMISES_SERVICE_DN, servicePassword);
    }

    boolean onPremisesAccepts(String dn, String password) throws LDAPException {
        try (var connection = new LDAPConnection("127.0.0.1", onPremisesPort())) {
            connection.bind(dn, password);
            return true;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                return false;
            }
            throw e;
        }
    }

    static String cloudDn(String uid) {
        return "uid=" + uid + ",ou=people,dc=cloud,dc=example,dc=org";
    }

    static String onPremisesDn(String uid) {
        return "uid=" + uid + ",ou=people,dc=corp,dc=example,dc=org";
    }
}
