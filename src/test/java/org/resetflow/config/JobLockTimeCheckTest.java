package org.resetflow.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resetflow.channel.ChannelProperties;
import org.resetflow.directory.DirectoryProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.env.MockEnvironment;

class JobLockTimeCheckTest {

    private static final Map<String, String> SHIPPED = Map.of(
            JobLockTimeCheck.LOCK_TIME, "60000",
            "spring.mail.host", "smtp.example.org",
            "spring.mail.properties.mail.smtp.connectiontimeout", "5000",
            "spring.mail.properties.mail.smtp.timeout", "5000",
            "spring.mail.properties.mail.smtp.writetimeout", "5000",
            "resetflow.channels.twilio.account-sid", "AC123",
            "resetflow.channels.twilio.auth-token", "token",
            "resetflow.channels.twilio.from-number", "+12025550100");

    @Test
    void theShippedTimeoutsFitTheShippedLockTime() {
        assertThatCode(() -> check(SHIPPED)).doesNotThrowAnyException();
    }

    @Test
    void theShippedTimeoutsFitInActiveDirectoryModeToo() {
        assertThatCode(() -> check(with(Map.of("resetflow.directory.on-premises.mode", "active-directory")))).doesNotThrowAnyException();
    }

    @Test
    void camundasDefaultLockTimeAppliesWhenNoneIsSet() {
        Map<String, String> values = new HashMap<>(SHIPPED);
        values.remove(JobLockTimeCheck.LOCK_TIME);
        values.put("resetflow.directory.cloud.timeout", "60s");
        assertThatCode(() -> check(values)).doesNotThrowAnyException();
    }

    @Test
    void aDirectoryTimeoutTooCloseToTheLockTimeStopsTheStart() {
        assertThatThrownBy(() -> check(with(Map.of("resetflow.directory.cloud.timeout", "15s"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("resetflow.directory.cloud.timeout (PT15S) x 2 (connect, read) + pool.max-wait (PT5S) = 35000 ms")
                .hasMessageContaining("more than half the job lock time (30000 ms)")
                .hasMessageContaining("camunda.bpm.job-execution.lock-time-in-millis = 60000 ms");
    }

    @Test
    void aShorterLockTimeNeedsShorterTimeouts() {
        assertThatThrownBy(() -> check(with(Map.of(JobLockTimeCheck.LOCK_TIME, "20000"))))
                .hasMessageContaining("resetflow.directory.on-premises.timeout (PT5S)")
                .hasMessageContaining("resetflow.channels.twilio.timeout (PT10S) x 2 (connect, read) = 20000 ms")
                .hasMessageContaining("spring.mail.properties.mail.smtp.{connectiontimeout (5000 ms) + timeout (5000 ms) + writetimeout (5000 ms)} = 15000 ms");
    }

    @Test
    void activeDirectoryCountsTheRetryOnANewConnection() {
        assertThatThrownBy(() -> check(with(Map.of("resetflow.directory.on-premises.mode", "active-directory",
                "resetflow.directory.on-premises.timeout", "8s"))))
                .hasMessageContaining("resetflow.directory.on-premises.timeout (PT8S) x 4 (connect, read, and both again on a new connection) = 32000 ms");
    }

    @Test
    void anSmtpServerWithoutATimeoutStopsTheStart() {
        Map<String, String> values = new HashMap<>(SHIPPED);
        values.remove("spring.mail.properties.mail.smtp.timeout");
        assertThatThrownBy(() -> check(values))
                .hasMessageContaining("spring.mail.properties.mail.smtp.timeout (not set: JavaMail waits forever)");
    }

    @Test
    void mailTimeoutsDoNotMatterWithoutAnSmtpServer() {
        Map<String, String> values = new HashMap<>(SHIPPED);
        values.remove("spring.mail.host");
        values.remove("spring.mail.properties.mail.smtp.timeout");
        assertThatCode(() -> check(values)).doesNotThrowAnyException();
    }

    private static Map<String, String> with(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(SHIPPED);
        values.putAll(overrides);
        return values;
    }

    private static void check(Map<String, String> values) {
        MockEnvironment environment = new MockEnvironment();
        values.forEach(environment::setProperty);
        Binder binder = new Binder(new MapConfigurationPropertySource(values));
        new JobLockTimeCheck(environment,
                binder.bindOrCreate("resetflow.directory", DirectoryProperties.class),
                binder.bindOrCreate("resetflow.channels", ChannelProperties.class));
    }
}
