package org.resetflow.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.resetflow.channel.ChannelProperties;
import org.resetflow.directory.DirectoryProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when a remote call that a job makes could still be waiting when the job's lock expires. Camunda's
 * job executor locks a job for {@code camunda.bpm.job-execution.lock-time-in-millis}; when the lock expires, another
 * node (or this one) runs the job again. The lock is kept short so that a job whose node died is taken over soon
 * (docs/deployment.md, Cluster), so every server a job waits for must give up well before that: each call's timeout
 * times its attempts (connect and read, a connection pool's wait, a retry on a new connection) must stay within half
 * the lock time, leaving the other half for the job's other calls and its commit.
 */
@Component
class JobLockTimeCheck {

    static final String LOCK_TIME = "camunda.bpm.job-execution.lock-time-in-millis";
    static final long CAMUNDA_DEFAULT_LOCK_TIME_MILLIS = 300_000;
    private static final String SMTP = "spring.mail.properties.mail.smtp.";

    JobLockTimeCheck(Environment environment, DirectoryProperties directories, ChannelProperties channels) {
        Duration lockTime = Duration.ofMillis(environment.getProperty(LOCK_TIME, Long.class, CAMUNDA_DEFAULT_LOCK_TIME_MILLIS));
        List<String> problems = problems(lockTime, waits(environment, directories, channels));
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems) + ". A job still waiting for a server when its lock ("
                    + LOCK_TIME + " = " + lockTime.toMillis() + " ms) expires is run a second time by another node: lower the "
                    + "timeout, or raise the lock time (which delays the take-over of a dead node's jobs; docs/deployment.md)");
        }
    }

    /** The longest one call to a server may wait, and how that bound is made up. */
    record Wait(String what, Duration longest) {
    }

    static List<Wait> waits(Environment environment, DirectoryProperties directories, ChannelProperties channels) {
        List<Wait> waits = new ArrayList<>();
        var cloud = directories.cloud();
        waits.add(new Wait("resetflow.directory.cloud.timeout (" + cloud.timeout() + ") x 2 (connect, read) + pool.max-wait ("
                + cloud.pool().maxWait() + ")", cloud.timeout().multipliedBy(2).plus(cloud.pool().enabled() ? cloud.pool().maxWait() : Duration.ZERO)));
        var onPremises = directories.onPremises();
        if (onPremises.mode() == DirectoryProperties.WritebackMode.ACTIVE_DIRECTORY) {
            waits.add(new Wait("resetflow.directory.on-premises.timeout (" + onPremises.timeout()
                    + ") x 4 (connect, read, and both again on a new connection)", onPremises.timeout().multipliedBy(4)));
        } else {
            waits.add(new Wait("resetflow.directory.on-premises.timeout (" + onPremises.timeout() + ") x 2 (connect, read) + pool.max-wait ("
                    + onPremises.pool().maxWait() + ")", onPremises.timeout().multipliedBy(2)
                    .plus(onPremises.pool().enabled() ? onPremises.pool().maxWait() : Duration.ZERO)));
        }
        if (environment.containsProperty("spring.mail.host")) {
            Duration smtp = Duration.ZERO;
            StringBuilder parts = new StringBuilder();
            for (String timeout : List.of("connectiontimeout", "timeout", "writetimeout")) {
                Long millis = environment.getProperty(SMTP + timeout, Long.class);
                if (millis == null || millis <= 0) {
                    waits.add(new Wait(SMTP + timeout + " (not set: JavaMail waits forever)", null));
                    continue;
                }
                smtp = smtp.plusMillis(millis);
                parts.append(parts.isEmpty() ? "" : " + ").append(timeout).append(" (").append(millis).append(" ms)");
            }
            waits.add(new Wait(SMTP + "{" + parts + "}", smtp));
        }
        if (!channels.twilio().accountSid().isBlank()) {
            waits.add(new Wait("resetflow.channels.twilio.timeout (" + channels.twilio().timeout() + ") x 2 (connect, read)",
                    channels.twilio().timeout().multipliedBy(2)));
        }
        return waits;
    }

    static List<String> problems(Duration lockTime, List<Wait> waits) {
        Duration half = lockTime.dividedBy(2);
        List<String> problems = new ArrayList<>();
        for (Wait wait : waits) {
            if (wait.longest() == null) {
                problems.add(wait.what());
            } else if (wait.longest().compareTo(half) > 0) {
                problems.add(wait.what() + " = " + wait.longest().toMillis() + " ms is more than half the job lock time ("
                        + half.toMillis() + " ms)");
            }
        }
        return problems;
    }
}
