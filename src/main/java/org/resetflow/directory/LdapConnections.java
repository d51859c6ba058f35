package org.resetflow.directory;

import java.time.Duration;
import java.util.Map;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.ModificationItem;
import javax.naming.ldap.LdapContext;
import org.springframework.ldap.AuthenticationException;
import org.springframework.ldap.NamingException;
import org.springframework.ldap.core.ContextSource;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.core.support.LdapContextSource;
import org.springframework.ldap.support.LdapUtils;

/** How ResetFlow reaches an LDAP directory: a service account over pooled connections, short timeouts, no JNDI pooling. */
final class LdapConnections {

    private LdapConnections() {
    }

    /** New, unpooled connections: those the pool keeps, and one for each bind that checks a user's password. */
    static LdapContextSource contextSource(String url, String bindDn, String bindPassword, Duration timeout) {
        var source = new LdapContextSource();
        source.setUrl(url);
        source.setUserDn(bindDn == null ? "" : bindDn);
        source.setPassword(bindPassword == null ? "" : bindPassword);
        // JNDI's own pool keeps broken connections after a directory restart, and would keep users' binds too.
        source.setPooled(false);
        String millis = Long.toString(timeout.toMillis());
        source.setBaseEnvironmentProperties(Map.of(
                "com.sun.jndi.ldap.connect.timeout", millis,
                "com.sun.jndi.ldap.read.timeout", millis));
        source.afterPropertiesSet();
        return source;
    }

    /** The service account's connections for searches and writes: pooled, unless the pool is disabled. */
    static ContextSource serviceAccount(LdapContextSource connections, DirectoryProperties.Pool pool) {
        return pool.enabled() ? new ConnectionPool(connections, pool) : connections;
    }

    static LdapTemplate template(ContextSource contextSource) {
        var template = new LdapTemplate(contextSource);
        // A search limited to two results tells one match from an ambiguous one; the limit is not an error.
        template.setIgnoreSizeLimitExceededException(true);
        return template;
    }

    /** {@code relative} below {@code baseDn}; a blank {@code relative} is the base itself. */
    static String below(String baseDn, String relative) {
        return relative == null || relative.isBlank() ? baseDn : relative + "," + baseDn;
    }

    /**
     * Whether a simple bind as {@code dn} with {@code password} succeeds, on a connection of its own (never a pooled
     * one). A refused bind is {@code false}; a directory that does not answer throws.
     */
    static boolean binds(ContextSource userBinds, String dn, String password) {
        if (password == null || password.isEmpty()) {
            return false; // an empty password would be an unauthenticated bind, which many directories accept
        }
        try {
            LdapUtils.closeContext(userBinds.getContext(dn, password));
            return true;
        } catch (AuthenticationException e) {
            return false;
        }
    }

    static ModificationItem replace(String attribute, String value) {
        return new ModificationItem(DirContext.REPLACE_ATTRIBUTE, new BasicAttribute(attribute, value));
    }

    /** Removes the attribute; unlike a remove, a replace with no values is no error when it is absent (RFC 4511). */
    static ModificationItem clear(String attribute) {
        return new ModificationItem(DirContext.REPLACE_ATTRIBUTE, new BasicAttribute(attribute));
    }

    /** Deletes the attribute; unlike {@link #clear}, an error (no such attribute) when it is absent. */
    static ModificationItem remove(String attribute) {
        return new ModificationItem(DirContext.REMOVE_ATTRIBUTE, new BasicAttribute(attribute));
    }

    static LdapContext asLdapContext(DirContext context) {
        if (context instanceof LdapContext ldapContext) {
            return ldapContext;
        }
        throw new IllegalStateException("Extended operations need an LdapContext, got " + context.getClass().getName());
    }

    /** Spring LDAP's and the server's messages name hosts and result codes, never the credentials sent. */
    static DirectoryUnavailableException unavailable(String what, NamingException cause) {
        Throwable root = cause.getMostSpecificCause();
        String detail = root == cause || root.getMessage() == null || root.getMessage().equals(cause.getMessage())
                ? cause.getMessage()
                : cause.getMessage() + " (" + root.getMessage() + ")";
        return new DirectoryUnavailableException(what + ": " + detail, cause);
    }
}
