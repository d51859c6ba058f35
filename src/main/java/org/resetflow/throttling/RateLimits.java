package org.resetflow.throttling;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import java.time.Duration;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Token-bucket limits shared by every node: codes sent per account and per destination, and per-client limits. */
@Component
public class RateLimits {

    private final JdbcBucketProxyManager buckets;
    private final ThrottlingProperties properties;

    public RateLimits(DataSource dataSource, ThrottlingProperties properties) {
        this.buckets = new JdbcBucketProxyManager(dataSource);
        this.properties = properties;
    }

    /** Takes one code from the account's and the destination's hourly allowance; false when either is spent. */
    public boolean tryIssueCode(String accountKey, String destination) {
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

    public boolean tryStartJourney(String clientAddress) {
        return tryConsume("client:start:" + clientAddress, properties.clientStartsPerHour(), Duration.ofHours(1));
    }

    public boolean tryRequest(String clientAddress) {
        return tryConsume("client:request:" + clientAddress, properties.clientRequestsPerMinute(), Duration.ofMinutes(1));
    }

    private boolean tryConsume(String key, int capacity, Duration period) {
        return bucket(key, capacity, period).tryConsume(1);
    }

    private BucketProxy bucket(String key, int capacity, Duration period) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                .build();
        return buckets.builder().build(key, () -> configuration);
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT2M")
    void purgeExpiredBuckets() {
        buckets.purgeExpired();
    }
}
