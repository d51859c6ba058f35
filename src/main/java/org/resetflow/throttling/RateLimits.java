package org.resetflow.throttling;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Token-bucket limits shared by every node: codes sent per account and per destination, and per-client limits. */
@Component
public class RateLimits {

    private static final int REMEMBERED_CLIENTS = 10_000;

    private final JdbcBucketProxyManager buckets;
    private final ThrottlingProperties properties;
    /** The per-client request buckets with their local counts, the most recently used clients only. */
    private final Map<String, BucketProxy> requestBuckets = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, BucketProxy> eldest) {
            return size() > REMEMBERED_CLIENTS;
        }
    });

    public RateLimits(DataSource dataSource, ThrottlingProperties properties) {
        this.buckets = new JdbcBucketProxyManager(dataSource);
        this.properties = properties;
    }

    /** Takes one code from the account's and the destination's hourly allowance; false when either is spent. */
    public boolean tryIssueCode(String accountKey, String destination) {
        return answered(() -> issueCode(accountKey, destination));
    }

    private boolean issueCode(String accountKey, String destination) {
        BucketProxy account = bucket("codes:account:" + accountKey, properties.codesPerAccountPerHour(), Duration.ofHours(1));
        if (!account.tryConsume(1)) {
            return false;
        }
        if (destination == null
                || bucket("codes:to:" + destination.toLowerCase(Locale.ROOT), properties.codesPerDestinationPerHour(), Duration.ofHours(1)).tryConsume(1)) {
            return true;
        }
        // Refused for the destination: the account's allowance was not used after all.
        account.addTokens(1);
        return false;
    }

    /**
     * Whether a staff sign-in may be tried: neither the account's nor the client's allowance of wrong passwords is
     * spent. Asks without taking anything; {@link #staffSignInFailed} takes.
     */
    public boolean staffSignInAllowed(String account, String clientAddress) {
        ThrottlingProperties.StaffSignIn limits = properties.staffSignIn();
        return answered(() -> staffAccountBucket(account, limits).getAvailableTokens() > 0
                && staffClientBucket(clientAddress, limits).getAvailableTokens() > 0);
    }

    /** A wrong staff password: takes one from the account's and the client's allowance. */
    public void staffSignInFailed(String account, String clientAddress) {
        ThrottlingProperties.StaffSignIn limits = properties.staffSignIn();
        answered(() -> {
            staffAccountBucket(account, limits).tryConsume(1);
            staffClientBucket(clientAddress, limits).tryConsume(1);
            return true;
        });
    }

    private BucketProxy staffAccountBucket(String account, ThrottlingProperties.StaffSignIn limits) {
        return bucket("staff:account:" + (account == null ? "" : account.trim().toLowerCase(Locale.ROOT)), limits.failuresPerAccount(), limits.window());
    }

    private BucketProxy staffClientBucket(String clientAddress, ThrottlingProperties.StaffSignIn limits) {
        return bucket("staff:client:" + clientAddress, limits.failuresPerClient(), limits.window());
    }

    public boolean tryStartJourney(String clientAddress) {
        return answered(() -> tryConsume("client:start:" + clientAddress, properties.clientStartsPerHour(), Duration.ofHours(1)));
    }

    /**
     * Every API request counts, so this bucket is not read and written in the database on every request: each node
     * counts locally and settles with the database once a tenth of the limit or a second has gone by. A client may
     * briefly exceed its limit by that tenth on each node; the shared count catches up within the second.
     */
    public boolean tryRequest(String clientAddress) {
        return answered(() -> request(clientAddress));
    }

    private boolean request(String clientAddress) {
        String key = "client:request:" + clientAddress;
        BucketProxy bucket = requestBuckets.computeIfAbsent(key, k -> buckets.builder()
                .withOptimization(Optimizations.delaying(new DelayParameters(
                        Math.max(1, properties.clientRequestsPerMinute() / 10), Duration.ofSeconds(1))))
                .build(k, () -> configuration(properties.clientRequestsPerMinute(), Duration.ofMinutes(1))));
        try {
            return bucket.tryConsume(1);
        } catch (RuntimeException e) {
            if (!causedByMissingBucket(e)) {
                throw e;
            }
            // Concurrent first requests of a new client are batched by the optimisation, which then cannot create the
            // bucket; the plain proxy creates it, and the optimised one finds it from then on.
            return tryConsume(key, properties.clientRequestsPerMinute(), Duration.ofMinutes(1));
        }
    }

    /**
     * Bucket4j gives up on a bucket after its request timeout ({@link JdbcBucketProxyManager}, 5 s) with an exception
     * of its own that names no database failure; when the database is away (restarting, failing over) that is what a
     * request meets. It becomes the connection failure it stands for, which the API answers with 503 and Retry-After.
     */
    static boolean answered(BooleanSupplier operation) {
        try {
            return operation.getAsBoolean();
        } catch (io.github.bucket4j.TimeoutException timedOut) {
            throw new RateLimitStoreUnavailable(timedOut);
        }
    }

    /** The rate limits' table did not answer in time. */
    static final class RateLimitStoreUnavailable extends RuntimeException {
        RateLimitStoreUnavailable(io.github.bucket4j.TimeoutException timedOut) {
            super("The rate limits could not be read in time", new SQLTransientConnectionException(
                    "The rate limits' table did not answer within the request timeout", "08001", timedOut));
        }
    }

    private static boolean causedByMissingBucket(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BucketNotFoundException) {
                return true;
            }
        }
        return false;
    }

    private boolean tryConsume(String key, int capacity, Duration period) {
        return bucket(key, capacity, period).tryConsume(1);
    }

    private BucketProxy bucket(String key, int capacity, Duration period) {
        return buckets.builder().build(key, () -> configuration(capacity, period));
    }

    private static BucketConfiguration configuration(int capacity, Duration period) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                .build();
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT2M")
    void purgeExpiredBuckets() {
        buckets.purgeExpired();
    }
}
