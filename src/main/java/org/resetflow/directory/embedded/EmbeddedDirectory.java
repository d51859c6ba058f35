package org.resetflow.directory.embedded;

import com.unboundid.ldap.listener.Base64PasswordEncoderOutputFormatter;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.SaltedMessageDigestInMemoryPasswordEncoder;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.OperationType;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;

/** One in-memory UnboundID directory: hashed passwords, no anonymous access, seeded once and saved after every change. */
final class EmbeddedDirectory {

    /**
     * @param name           for messages: {@code cloud} or {@code on-premises}
     * @param seedResource   classpath LDIF loaded on the first start
     * @param dataFile       LDIF the directory is saved to and loaded from on later starts
     * @param passwordPolicy null for none
     */
    record Settings(String name, String baseDn, String bindDn, String bindPassword, String bindAddress, int port,
                    String lockoutAttribute, String seedResource, Path dataFile, PasswordPolicy passwordPolicy) {

        @Override
        public String toString() {
            return "EmbeddedDirectory.Settings[" + name + ", " + baseDn + ", " + bindAddress + ":" + port + "]";
        }
    }

    record PasswordPolicy(int minimumLength, int recentPasswords) {

    }

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDirectory.class);
    private static final String HASH_PREFIX = "{SSHA256}";
    private static final int SALT_BYTES = 16;

    private final Settings settings;
    private final LdifFile dataFile;
    private volatile InMemoryDirectoryServer server;

    EmbeddedDirectory(Settings settings) {
        this.settings = settings;
        this.dataFile = new LdifFile(settings.dataFile());
    }

    void start() {
        try {
            server = new InMemoryDirectoryServer(configuration());
            if (dataFile.exists()) {
                dataFile.importInto(server);
            } else {
                seed();
            }
            server.startListening();
            log.info("Embedded {} directory {} listening on {}:{}, saved to {}",
                    settings.name(), settings.baseDn(), settings.bindAddress(), port(), dataFile.path());
        } catch (LDAPException | LDIFException | IOException e) {
            stop();
            throw new IllegalStateException("Could not start the embedded " + settings.name() + " directory on "
                    + settings.bindAddress() + ":" + settings.port() + ": " + e.getMessage(), e);
        }
    }

    void stop() {
        if (server != null) {
            server.shutDown(true);
            server = null;
        }
    }

    int port() {
        return server.getListenPort();
    }

    private InMemoryDirectoryServer server() {
        return server;
    }

    private InMemoryDirectoryServerConfig configuration() throws LDAPException, IOException {
        var config = new InMemoryDirectoryServerConfig(settings.baseDn());
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig(
                settings.name(), InetAddress.getByName(settings.bindAddress()), settings.port(), null));
        // Without a schema, the password-policy and identity attributes the adapters use need no schema extension.
        config.setSchema(null);
        config.addAdditionalBindCredentials(settings.bindDn(), settings.bindPassword());
        config.setAuthenticationRequiredOperationTypes(EnumSet.of(OperationType.ADD, OperationType.COMPARE,
                OperationType.DELETE, OperationType.EXTENDED, OperationType.MODIFY, OperationType.MODIFY_DN, OperationType.SEARCH));
        config.setPasswordEncoders(new SaltedMessageDigestInMemoryPasswordEncoder(HASH_PREFIX,
                Base64PasswordEncoderOutputFormatter.getInstance(), new PerThreadSha256(), SALT_BYTES, true, true));
        // Interceptors see results in this order too: the history is updated before the directory is saved.
        config.addInMemoryOperationInterceptor(new BindGuard(this::server, settings.lockoutAttribute()));
        if (settings.passwordPolicy() != null) {
            config.addInMemoryOperationInterceptor(new OnPremisesPasswordPolicy(this::server,
                    settings.passwordPolicy().minimumLength(), settings.passwordPolicy().recentPasswords()));
        }
        config.addInMemoryOperationInterceptor(new SaveAfterEveryWrite(this::server, dataFile));
        return config;
    }

    // Added one by one rather than imported, so the server hashes the seed passwords; then saved at once.
    private void seed() throws IOException, LDIFException, LDAPException {
        try (InputStream in = new ClassPathResource(settings.seedResource()).getInputStream();
             LDIFReader reader = new LDIFReader(in)) {
            Entry entry;
            while ((entry = reader.readEntry()) != null) {
                server.add(entry);
            }
        }
        dataFile.save(server);
        log.info("Seeded the embedded {} directory from {}", settings.name(), settings.seedResource());
    }
}
