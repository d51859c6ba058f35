package org.resetflow.throttling;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Bucket4j buckets in {@code rf_rate_limit_bucket}, locked with SELECT ... FOR UPDATE, in portable SQL that
 * H2 and PostgreSQL both run. Bucket4j ships PostgreSQL and MySQL managers but none for H2, and the same code
 * on both databases keeps the embedded demo honest about what production does.
 * <p>
 * Inside a running transaction (a delegate in an engine command) the bucket is read and written on that
 * transaction's own connection, within a savepoint: taking a second connection while holding one starves the pool
 * under load (every busy thread holds one and waits for another) and stalls every journey until the pool's
 * timeout. The bucket's row then stays locked until the engine commits, and a rolled-back command gives its token
 * back. Outside a transaction (the API's per-client limits) it is a short transaction of its own.
 */
class JdbcBucketProxyManager extends AbstractSelectForUpdateBasedProxyManager<String> {

    private final DataSource dataSource;

    JdbcBucketProxyManager(DataSource dataSource) {
        super(ClientSideConfig.getDefault()
                .withExpirationAfterWriteStrategy(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .withRequestTimeout(Duration.ofSeconds(5)));
        this.dataSource = dataSource;
    }

    @Override
    protected SelectForUpdateBasedTransaction allocateTransaction(String key, Optional<Long> requestTimeoutNanos) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return new Transaction(key, DataSourceUtils.getConnection(dataSource), true);
        }
        try {
            return new Transaction(key, dataSource.getConnection(), false);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("No database connection for rate limiting", e);
        }
    }

    @Override
    public void removeProxy(String key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM rf_rate_limit_bucket WHERE bucket_key = ?")) {
            delete.setString(1, key);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Cannot remove rate limit bucket", e);
        }
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    int purgeExpired() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM rf_rate_limit_bucket WHERE expires_at < ?")) {
            delete.setTimestamp(1, new Timestamp(System.currentTimeMillis()));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Cannot purge rate limit buckets", e);
        }
    }

    private final class Transaction implements SelectForUpdateBasedTransaction {

        private final String key;
        private final Connection connection;
        /** On the surrounding transaction's connection: a savepoint instead of a transaction of its own. */
        private final boolean participating;
        private Savepoint begun;

        private Transaction(String key, Connection connection, boolean participating) {
            this.key = key;
            this.connection = connection;
            this.participating = participating;
        }

        @Override
        public void begin(Optional<Long> requestTimeoutNanos) {
            if (participating) {
                run(() -> begun = connection.setSavepoint());
            } else {
                run(() -> connection.setAutoCommit(false));
            }
        }

        @Override
        public LockAndGetResult tryLockAndGet(Optional<Long> requestTimeoutNanos) {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT state FROM rf_rate_limit_bucket WHERE bucket_key = ? FOR UPDATE")) {
                applyTimeout(select, requestTimeoutNanos);
                select.setString(1, key);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return LockAndGetResult.notLocked();
                    }
                    return LockAndGetResult.locked(rows.getBytes(1));
                }
            } catch (SQLException e) {
                throw new DataAccessResourceFailureException("Cannot lock rate limit bucket", e);
            }
        }

        @Override
        public boolean tryInsertEmptyData(Optional<Long> requestTimeoutNanos) {
            Savepoint savepoint = null;
            try {
                savepoint = connection.setSavepoint();
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO rf_rate_limit_bucket (bucket_key, state, expires_at) VALUES (?, NULL, NULL)")) {
                    applyTimeout(insert, requestTimeoutNanos);
                    insert.setString(1, key);
                    return insert.executeUpdate() > 0;
                }
            } catch (SQLException e) {
                if (savepoint != null && e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                    // Another node created the bucket at the same moment; Bucket4j locks it on its next try.
                    run(connection::rollback, savepoint);
                    return false;
                }
                throw new DataAccessResourceFailureException("Cannot create rate limit bucket", e);
            }
        }

        @Override
        public void update(byte[] data, RemoteBucketState newState, Optional<Long> requestTimeoutNanos) {
            long ttlMillis = getClientSideConfig().getExpirationAfterWriteStrategy()
                    .map(strategy -> strategy.calculateTimeToLiveMillis(newState, currentTimeNanos()))
                    .orElse(Duration.ofDays(1).toMillis());
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE rf_rate_limit_bucket SET state = ?, expires_at = ? WHERE bucket_key = ?")) {
                applyTimeout(update, requestTimeoutNanos);
                update.setBytes(1, data);
                update.setTimestamp(2, new Timestamp(System.currentTimeMillis() + Math.max(ttlMillis, 0)));
                update.setString(3, key);
                update.executeUpdate();
            } catch (SQLException e) {
                throw new DataAccessResourceFailureException("Cannot update rate limit bucket", e);
            }
        }

        @Override
        public void commit(Optional<Long> requestTimeoutNanos) {
            if (participating) {
                run(() -> connection.releaseSavepoint(begun));
            } else {
                run(connection::commit);
            }
        }

        @Override
        public void rollback() {
            if (participating) {
                run(() -> connection.rollback(begun));
            } else {
                run(connection::rollback);
            }
        }

        @Override
        public void release() {
            if (participating) {
                DataSourceUtils.releaseConnection(connection, dataSource);
            } else {
                run(connection::close);
            }
        }
    }

    private interface SqlAction {
        void run() throws SQLException;
    }

    private interface SqlConsumer<T> {
        void accept(T value) throws SQLException;
    }

    private static void run(SqlAction action) {
        try {
            action.run();
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Rate limit bucket transaction failed", e);
        }
    }

    private static <T> void run(SqlConsumer<T> action, T value) {
        try {
            action.accept(value);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Rate limit bucket transaction failed", e);
        }
    }
}
