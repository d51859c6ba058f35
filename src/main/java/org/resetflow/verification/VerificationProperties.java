package org.resetflow.verification;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code resetflow.verification.*}: how users prove who they are.
 *
 * @param codeLength         digits in a one-time code (8; at least 6)
 * @param codeLifetime       how long a code can be entered; a BPMN timer expires it (10 minutes)
 * @param journeyIdleTimeout how long a journey may wait for the user before it expires (15 minutes)
 * @param questionsToAnswer  security questions asked at reset, drawn at random from the registered ones (3; at most 5)
 * @param sendRetryCycle     when a failed send is tried again, as a Camunda retry cycle: a list of waits with backoff
 *                           (PT5S,PT20S,PT1M) or a repeat ({@code R3/PT10S}); after the last, the user chooses another method
 */
@Validated
@ConfigurationProperties("resetflow.verification")
public record VerificationProperties(
        @DefaultValue("8") @Min(6) @Max(12) int codeLength,
        @DefaultValue("10m") Duration codeLifetime,
        @DefaultValue("15m") Duration journeyIdleTimeout,
        @DefaultValue("3") @Min(1) @Max(5) int questionsToAnswer,
        @DefaultValue("PT5S,PT20S,PT1M") String sendRetryCycle) {

    public VerificationProperties {
        if (codeLifetime.isNegative() || codeLifetime.isZero() || journeyIdleTimeout.isNegative() || journeyIdleTimeout.isZero()) {
            throw new IllegalArgumentException("resetflow.verification.code-lifetime and journey-idle-timeout must be positive");
        }
        if (!sendRetryCycle.matches("R\\d+/P\\S+|P[^,\\s]+(,\\s*P[^,\\s]+)*")) {
            throw new IllegalArgumentException("resetflow.verification.send-retry-cycle must look like PT5S,PT20S,PT1M or R3/PT10S");
        }
    }
}
