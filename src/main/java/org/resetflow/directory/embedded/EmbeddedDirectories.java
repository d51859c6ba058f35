package org.resetflow.directory.embedded;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.resetflow.directory.DirectoryProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The cloud and the on-premises directory of the self-contained demo, started as soon as this bean is created
 * (the directory adapters ask for it first, so the servers listen before anything connects). When the on-premises
 * side is a real Active Directory ({@code resetflow.directory.on-premises.mode=active-directory}) only the cloud
 * directory is embedded.
 */
@Component
@ConditionalOnProperty(prefix = "resetflow.embedded-directories", name = "enabled", havingValue = "true")
public class EmbeddedDirectories {

    static final String ON_PREMISES_LOCKOUT_ATTRIBUTE = "pwdAccountLockedTime";

    private final EmbeddedDirectory cloud;
    private final EmbeddedDirectory onPremises;

    public EmbeddedDirectories(EmbeddedDirectoryProperties embedded, DirectoryProperties directories) {
        var cloudSettings = directories.cloud();
        var onPremisesSettings = directories.onPremises();
        requireServiceAccount("resetflow.directory.cloud", cloudSettings.bindDn(), cloudSettings.bindPassword());
        var embedOnPremises = onPremisesSettings.mode() == DirectoryProperties.WritebackMode.LDAP;
        this.cloud = new EmbeddedDirectory(new EmbeddedDirectory.Settings("cloud", cloudSettings.baseDn(),
                cloudSettings.bindDn(), cloudSettings.bindPassword(), embedded.bindAddress(), embedded.cloudPort(),
                cloudSettings.lockoutAttribute(), "directory/cloud-seed.ldif",
                embedded.dataDirectory().resolve("cloud.ldif"), null));
        if (!embedOnPremises) {
            this.onPremises = null;
            return;
        }
        requireServiceAccount("resetflow.directory.on-premises", onPremisesSettings.bindDn(), onPremisesSettings.bindPassword());
        this.onPremises = new EmbeddedDirectory(new EmbeddedDirectory.Settings("on-premises", onPremisesSettings.baseDn(),
                onPremisesSettings.bindDn(), onPremisesSettings.bindPassword(), embedded.bindAddress(), embedded.onPremisesPort(),
                ON_PREMISES_LOCKOUT_ATTRIBUTE, "directory/on-premises-seed.ldif",
                embedded.dataDirectory().resolve("on-premises.ldif"),
                new EmbeddedDirectory.PasswordPolicy(embedded.onPremisesMinimumPasswordLength(), embedded.onPremisesPasswordHistory())));
    }

    @PostConstruct
    public void start() {
        cloud.start();
        if (onPremises == null) {
            return;
        }
        try {
            onPremises.start();
        } catch (RuntimeException e) {
            cloud.stop();
            throw e;
        }
    }

    @PreDestroy
    public void stop() {
        if (onPremises != null) {
            onPremises.stop();
        }
        cloud.stop();
    }

    /**
     * An outage drill: the embedded on-premises directory stops answering (its data stays on disk) until
     * {@link #restoreOnPremises()}; journeys then show how they ride out a domain controller that is away.
     */
    public void takeOnPremisesDown() {
        requireOnPremises().stop();
    }

    /** Ends the outage drill: the on-premises directory answers again, on the same port, with the same data. */
    public void restoreOnPremises() {
        requireOnPremises().start();
    }

    private EmbeddedDirectory requireOnPremises() {
        if (onPremises == null) {
            throw new IllegalStateException("the on-premises directory is not embedded in active-directory mode");
        }
        return onPremises;
    }

    /** The port the cloud directory listens on (useful when configured as 0). */
    public int cloudPort() {
        return cloud.port();
    }

    /** The port the on-premises directory listens on (useful when configured as 0). */
    public int onPremisesPort() {
        return requireOnPremises().port();
    }

    private static void requireServiceAccount(String prefix, String bindDn, String bindPassword) {
        if (!StringUtils.hasText(bindDn) || !StringUtils.hasText(bindPassword)) {
            throw new IllegalStateException("resetflow.embedded-directories.enabled=true needs " + prefix
                    + ".bind-dn and " + prefix + ".bind-password: the embedded directory creates that service account");
        }
    }
}
