package org.resetflow.directory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code resetflow.directory.*}: how to reach the cloud and the on-premises directory. */
@Validated
@ConfigurationProperties("resetflow.directory")
public record DirectoryProperties(@DefaultValue @Valid @NotNull Cloud cloud, @DefaultValue @Valid @NotNull OnPremises onPremises) {


    /**
     * @param url                     LDAP URL, e.g. {@code ldap://127.0.0.1:1389}
     * @param baseDn                  the directory's base DN
     * @param bindDn                  the service account's DN
     * @param bindPassword            the service account's password
     * @param userSearchBase          where accounts live, relative to the base DN
     * @param userSearchFilter        how a login name finds an account; {0} is the name
     * @param groupSearchBase         where groups live, relative to the base DN
     * @param identitySourceAttribute attribute holding {@code cloud}, {@code synced} or {@code federated}
     * @param lockoutAttribute        attribute whose presence marks a locked-out account
     * @param mustChangeAttribute     attribute set to TRUE when the password must be changed at next sign-in
     * @param officePhoneAttribute    attribute with the office phone, maintained by administrators
     * @param timeout                 connect and read timeout
     * @param pool                    the service account's pooled connections
     */
    public record Cloud(
            @DefaultValue("ldap://127.0.0.1:1389") @NotBlank String url,
            @DefaultValue("dc=cloud,dc=example,dc=org") @NotBlank String baseDn,
            String bindDn,
            String bindPassword,
            @DefaultValue("ou=people") String userSearchBase,
            @DefaultValue("(&(objectClass=inetOrgPerson)(|(uid={0})(mail={0})))") @NotBlank String userSearchFilter,
            @DefaultValue("ou=groups") String groupSearchBase,
            @DefaultValue("employeeType") @NotBlank String identitySourceAttribute,
            @DefaultValue("pwdAccountLockedTime") @NotBlank String lockoutAttribute,
            @DefaultValue("pwdReset") @NotBlank String mustChangeAttribute,
            @DefaultValue("telephoneNumber") @NotBlank String officePhoneAttribute,
            @DefaultValue("5s") Duration timeout,
            @DefaultValue @Valid @NotNull Pool pool) {

        @Override
        public String toString() {
            return "Cloud[url=" + url + ", baseDn=" + baseDn + ", bindDn=" + bindDn + ", bindPassword=******]";
        }
    }

    /**
     * @param mode           {@code ldap} (RFC 3062 password modify) or {@code active-directory}
     * @param url            LDAP URL of the on-premises directory
     * @param baseDn         its base DN
     * @param bindDn         the service account's DN
     * @param bindPassword   the service account's password
     * @param userSearchBase where accounts live, relative to the base DN
     * @param matchAttribute the on-premises attribute that equals the cloud username ({@code uid} in {@code ldap} mode,
     *                       {@code sAMAccountName} in {@code active-directory} mode)
     * @param timeout        connect and read timeout
     * @param trustStore     the certificates to trust for LDAPS or StartTLS: a PEM file of CA certificates
     *                       ({@code .pem}, {@code .crt}) or a PKCS12/JKS trust store; empty: the JVM's own trust store
     * @param trustStorePassword the trust store's password, if it has one
     * @param startTls       upgrade a plain {@code ldap://} connection with StartTLS (false; {@code ldaps://} is TLS anyway)
     * @param verifyHostname check that the server's certificate names the host connected to (true; only a test
     *                       that connects through a proxy on another address turns it off)
     * @param protectedGroups members of these groups are never reset through writeback but go to the helpdesk, like
     *                       Active Directory accounts with {@code adminCount=1}
     * @param pool           the service account's pooled connections in {@code ldap} mode ({@code active-directory} mode
     *                       keeps its own small pool)
     */
    public record OnPremises(
            @DefaultValue("ldap") @NotNull WritebackMode mode,
            @DefaultValue("ldap://127.0.0.1:2389") @NotBlank String url,
            @DefaultValue("dc=corp,dc=example,dc=org") @NotBlank String baseDn,
            String bindDn,
            String bindPassword,
            @DefaultValue("ou=people") String userSearchBase,
            String matchAttribute,
            @DefaultValue("5s") Duration timeout,
            String trustStore,
            String trustStorePassword,
            @DefaultValue("false") boolean startTls,
            @DefaultValue("true") boolean verifyHostname,
            @DefaultValue({"Domain Admins", "Enterprise Admins", "Schema Admins", "Administrators", "Account Operators",
                    "Backup Operators", "Server Operators", "Print Operators"}) java.util.List<String> protectedGroups,
            @DefaultValue @Valid @NotNull Pool pool) {

        public OnPremises {
            if (matchAttribute == null || matchAttribute.isBlank()) {
                matchAttribute = mode == WritebackMode.ACTIVE_DIRECTORY ? "sAMAccountName" : "uid";
            }
            protectedGroups = protectedGroups == null ? java.util.List.of() : java.util.List.copyOf(protectedGroups);
            if (mode == WritebackMode.LDAP && (startTls || !verifyHostname || (trustStore != null && !trustStore.isBlank()))) {
                throw new IllegalArgumentException("trust-store, start-tls and verify-hostname apply to the active-directory mode only; "
                        + "in ldap mode use an ldaps:// URL, trusted through the JVM's trust store (-Djavax.net.ssl.trustStore)");
            }
        }

        @Override
        public String toString() {
            return "OnPremises[mode=" + mode + ", url=" + url + ", baseDn=" + baseDn + ", bindDn=" + bindDn + ", bindPassword=******]";
        }
    }

    /**
     * The service account's connections to a directory, kept open between operations instead of a connection and a bind
     * for each. A bind that checks a user's own password never uses them: it opens, binds and closes a connection of
     * its own, so a user's identity never stays on a pooled connection.
     *
     * @param enabled          keep connections open between operations (false: connect and bind for every operation)
     * @param maxActive        most connections open at once, reads and writes together
     * @param maxIdle          most unused connections kept open
     * @param maxWait          how long an operation waits for a connection while max-active are in use; then the
     *                         directory counts as unavailable
     * @param testOnBorrow     read the root DSE on a connection before each use, so that one the directory closed (a
     *                         restart, an idle time-out) is replaced rather than failing the operation
     * @param testWhileIdle    read the root DSE on unused connections every eviction-interval
     * @param evictionInterval how often unused connections are tested and those unused longer than max-idle-time closed
     * @param maxIdleTime      an unused connection is closed after this long, before a firewall or the directory's own
     *                         idle time-out drops it unnoticed
     */
    public record Pool(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("8") @Min(1) int maxActive,
            @DefaultValue("8") @Min(0) int maxIdle,
            @DefaultValue("5s") @NotNull Duration maxWait,
            @DefaultValue("true") boolean testOnBorrow,
            @DefaultValue("true") boolean testWhileIdle,
            @DefaultValue("1m") @NotNull Duration evictionInterval,
            @DefaultValue("10m") @NotNull Duration maxIdleTime) {

        public Pool {
            requirePositive("max-wait", maxWait);
            requirePositive("eviction-interval", evictionInterval);
            requirePositive("max-idle-time", maxIdleTime);
        }

        private static void requirePositive(String setting, Duration value) {
            if (value != null && (value.isNegative() || value.isZero())) {
                throw new IllegalArgumentException("pool." + setting + " must be longer than zero, not " + value);
            }
        }
    }

    public enum WritebackMode { LDAP, ACTIVE_DIRECTORY }
}
