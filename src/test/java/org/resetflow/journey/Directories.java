package org.resetflow.journey;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;

/** What a user's sign-in against a directory would find: a plain LDAP simple bind. */
final class Directories {

    static final String CLOUD = "ou=people,dc=cloud,dc=example,dc=org";
    static final String ON_PREMISES = "ou=people,dc=corp,dc=example,dc=org";

    private Directories() {
    }

    static boolean canBind(int port, String base, String uid, String password) {
        try (LDAPConnection connection = new LDAPConnection("127.0.0.1", port)) {
            return connection.bind("uid=" + uid + "," + base, password).getResultCode() == ResultCode.SUCCESS;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                return false;
            }
            throw new IllegalStateException("Directory on port " + port + " failed: " + e.getResultCode(), e);
        }
    }

    /** An attribute of an entry, read as the user (after binding with the user's own password). */
    static String attribute(int port, String base, String uid, String password, String attribute) {
        try (LDAPConnection connection = new LDAPConnection("127.0.0.1", port)) {
            connection.bind("uid=" + uid + "," + base, password);
            return connection.getEntry("uid=" + uid + "," + base, attribute).getAttributeValue(attribute);
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

}
