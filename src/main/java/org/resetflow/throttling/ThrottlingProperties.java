package org.resetflow.throttling;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code resetflow.throttling.*}. Every counter lives in the database, so all nodes share it.
 *
 * @param maxFailedProofs           failed proofs (wrong codes, wrong answers, wrong current password) per account
 *                                  within {@code failedProofWindow} that lock the account out of self-service (5)
 * @param failedProofWindow         the window in which failed proofs are counted (24h)
 * @param lockoutDuration           how long self-service stays locked for the account (24h)
 * @param codesPerAccountPerHour    one-time codes sent per account per hour (10)
 * @param codesPerDestinationPerHour one-time codes sent to one address or number per hour (10)
 * @param clientStartsPerHour       journeys one client address may start per hour (60)
 * @param clientRequestsPerMinute   public API requests one client address may make per minute (120)
 * @param staffSignIn               failed staff sign-ins allowed per account and per client address
 */
@Validated
@ConfigurationProperties("resetflow.throttling")
public record ThrottlingProperties(
        @DefaultValue("5") @Min(1) int maxFailedProofs,
        @DefaultValue("24h") Duration failedProofWindow,
        @DefaultValue("24h") Duration lockoutDuration,
        @DefaultValue("10") @Min(1) int codesPerAccountPerHour,
        @DefaultValue("10") @Min(1) int codesPerDestinationPerHour,
        @DefaultValue("60") @Min(1) int clientStartsPerHour,
        @DefaultValue("120") @Min(1) int clientRequestsPerMinute,
        @DefaultValue @Valid @NotNull StaffSignIn staffSignIn) {

    /**
     * {@code resetflow.throttling.staff-sign-in.*}: wrong staff passwords, on the webapps' login and on HTTP Basic
     * ({@code /engine-rest}, {@code /staff}). Once either allowance is spent, sign-ins for that account (or from that
     * client) are refused without checking the password until the window has refilled it.
     *
     * @param failuresPerAccount wrong passwords per account within the window (5)
     * @param failuresPerClient  wrong passwords from one client address within the window, whatever the account (20)
     * @param window             the window, refilled evenly (15m)
     */
    public record StaffSignIn(
            @DefaultValue("5") @Min(1) int failuresPerAccount,
            @DefaultValue("20") @Min(1) int failuresPerClient,
            @DefaultValue("15m") @NotNull Duration window) {
    }
}
