package org.resetflow.audit;

import jakarta.validation.constraints.NotNull;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code resetflow.audit.*}: the JSON audit log, one line per event, for a SIEM.
 *
 * @param directory where the daily files {@code audit-YYYY-MM-DD.jsonl} are written
 * @param retention how long a day's file is kept before it is deleted
 * @param node      this node's name in every event (default: the host name)
 * @param alsoLog   also write every line to the application log (logger {@code resetflow.audit}), for log pipelines
 */
@Validated
@ConfigurationProperties("resetflow.audit")
public record AuditProperties(
        @DefaultValue("./logs/audit") @NotNull Path directory,
        @DefaultValue("90d") @NotNull Duration retention,
        String node,
        @DefaultValue("false") boolean alsoLog) {

    public AuditProperties {
        if (node == null || node.isBlank()) {
            node = hostName();
        }
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
