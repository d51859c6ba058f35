package org.resetflow.testing;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The OpenLDAP server of {@code .ci/openldap} (Debian's slapd with the ppolicy overlay): the shared, real cloud
 * directory of the integration tests. Its settings arrive as {@code RESETFLOW_IT_OPENLDAP_*} environment variables
 * (or system properties of the same names); on CI ({@code CI=true}) they must, so a missing server fails the build
 * instead of skipping the tests that need it.
 */
public final class OpenLdap {

    public static final String URL_VARIABLE = "RESETFLOW_IT_OPENLDAP_URL";

    private OpenLdap() {
    }

    /** For {@code @EnabledIf("org.resetflow.testing.OpenLdap#configuredOrRequired")}. */
    public static boolean configuredOrRequired() {
        return value(URL_VARIABLE) != null || "true".equals(System.getenv("CI"));
    }

    public static String url() {
        return require(URL_VARIABLE);
    }

    public static String baseDn() {
        return require("RESETFLOW_IT_OPENLDAP_BASE_DN");
    }

    /** The directory's administrator (slapd's root DN, which no ACL and no password policy binds): for setting up tests. */
    public static String adminDn() {
        return require("RESETFLOW_IT_OPENLDAP_BIND_DN");
    }

    public static String adminPassword() {
        return require("RESETFLOW_IT_OPENLDAP_BIND_PASSWORD");
    }

    /** ResetFlow's service account, with only the rights docs/cloud-directory.md gives it. */
    public static String serviceDn() {
        return require("RESETFLOW_IT_OPENLDAP_SERVICE_DN");
    }

    public static String servicePassword() {
        return require("RESETFLOW_IT_OPENLDAP_SERVICE_PASSWORD");
    }

    public static String host() {
        return ldapUrl().getHost();
    }

    public static int port() {
        return ldapUrl().getPort();
    }

    /** {@code resetflow.directory.cloud.*} pointing ResetFlow at this server, as its service account. */
    public static Map<String, Object> cloudDirectoryProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("resetflow.directory.cloud.url", url());
        properties.put("resetflow.directory.cloud.base-dn", baseDn());
        properties.put("resetflow.directory.cloud.bind-dn", serviceDn());
        properties.put("resetflow.directory.cloud.bind-password", servicePassword());
        return properties;
    }

    /** A connection bound as the administrator. */
    public static LDAPConnection admin() throws LDAPException {
        LDAPConnection connection = new LDAPConnection(host(), port());
        try {
            connection.bind(adminDn(), adminPassword());
            return connection;
        } catch (LDAPException e) {
            connection.close();
            throw e;
        }
    }

    /** Whether a simple bind as {@code dn} with {@code password} succeeds (as a user signing in would try). */
    public static boolean canBind(String dn, String password) throws LDAPException {
        try (LDAPConnection connection = new LDAPConnection(host(), port())) {
            connection.bind(dn, password);
            return true;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                return false;
            }
            throw e;
        }
    }

    private static LDAPURL ldapUrl() {
        try {
            return new LDAPURL(url());
        } catch (LDAPException e) {
            throw new IllegalStateException(URL_VARIABLE + " is not an LDAP URL: " + url(), e);
        }
    }

    private static String require(String variable) {
        String value = value(variable);
        if (value == null) {
            throw new IllegalStateException(variable + " is not set: start OpenLDAP with '.ci/openldap start <folder>' and "
                    + "source <folder>/env (.ci/run does both)");
        }
        return value;
    }

    private static String value(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            value = System.getProperty(variable);
        }
        return value == null || value.isBlank() ? null : value;
    }
}
