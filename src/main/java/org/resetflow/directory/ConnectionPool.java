package org.resetflow.directory;

import javax.naming.directory.DirContext;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.ldap.NamingException;
import org.springframework.ldap.UncategorizedLdapException;
import org.springframework.ldap.core.support.LdapContextSource;
import org.springframework.ldap.pool2.DirContextType;
import org.springframework.ldap.pool2.factory.MutablePooledContextSource;
import org.springframework.ldap.pool2.factory.PoolConfig;

/**
 * The service account's connections to one directory, kept open between operations ({@code resetflow.directory.*.pool}).
 * New connections come from an unpooled {@link LdapContextSource}; a connection is checked with a read of the root DSE
 * before use and while unused ({@link RootDseValidator}), so one that a restarted directory closed is replaced, not
 * handed out.
 * <p>
 * Mutable because the on-premises writeback sends the password policy control with its password modify: request
 * controls stay on a pooled connection, so whoever sets them clears them in a {@code finally}.
 */
final class ConnectionPool extends MutablePooledContextSource {

    ConnectionPool(LdapContextSource connections, DirectoryProperties.Pool settings) {
        super(config(settings));
        setContextSource(connections);
        setDirContextValidator(new RootDseValidator());
    }

    /**
     * A failure to connect or bind surfaces as the directory's own error, as it would without the pool, so callers
     * keep one catch for Spring LDAP's exceptions; waiting in vain for a free connection is one of them too.
     */
    @Override
    protected DirContext getContext(DirContextType type) {
        try {
            return super.getContext(type);
        } catch (DataAccessResourceFailureException borrowFailed) {
            if (borrowFailed.getCause() instanceof NamingException directoryFailure) {
                throw directoryFailure;
            }
            throw new UncategorizedLdapException("No pooled connection to the directory: " + borrowFailed.getMostSpecificCause().getMessage(),
                    borrowFailed);
        }
    }

    private static PoolConfig config(DirectoryProperties.Pool settings) {
        var config = new PoolConfig();
        // Reads and writes have a pool each (Spring LDAP's keys); max-active bounds both together.
        config.setMaxTotal(settings.maxActive());
        config.setMaxTotalPerKey(settings.maxActive());
        config.setMaxIdlePerKey(settings.maxIdle());
        config.setBlockWhenExhausted(true);
        config.setMaxWaitMillis(settings.maxWait().toMillis());
        config.setTestOnBorrow(settings.testOnBorrow());
        config.setTestWhileIdle(settings.testWhileIdle());
        config.setTimeBetweenEvictionRunsMillis(settings.evictionInterval().toMillis());
        config.setMinEvictableIdleTimeMillis(settings.maxIdleTime().toMillis());
        config.setNumTestsPerEvictionRun(-1); // every unused connection, each run
        config.setJmxEnabled(false);
        return config;
    }
}
