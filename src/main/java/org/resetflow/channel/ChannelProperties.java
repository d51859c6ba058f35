package org.resetflow.channel;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code resetflow.channels.*}.
 *
 * @param mailFrom        the sender address of every email (resetflow@example.org)
 * @param templatesFolder a folder whose email templates replace the built-in ones of the same name, read at every
 *                        send, so that they can be changed without rebuilding (empty: the built-in ones only)
 * @param twilio          text messages and calls through Twilio; active when {@code account-sid} is set
 */
@Validated
@ConfigurationProperties("resetflow.channels")
public record ChannelProperties(
        @DefaultValue("resetflow@example.org") @NotBlank String mailFrom,
        @DefaultValue("") String templatesFolder,
        @DefaultValue @Valid Twilio twilio) {

    /**
     * @param accountSid the account SID (AC…); empty: Twilio is off
     * @param authToken  the auth token (or an API key secret), kept like a password
     * @param fromNumber the Twilio number messages and calls come from, E.164
     * @param baseUrl    Twilio's REST API ({@code https://api.twilio.com}); tests point it at a local server
     * @param timeout    connect and read timeout of each request (10s)
     */
    public record Twilio(
            @DefaultValue("") String accountSid,
            @DefaultValue("") String authToken,
            @DefaultValue("") String fromNumber,
            @DefaultValue("https://api.twilio.com") @NotBlank String baseUrl,
            @DefaultValue("10s") Duration timeout) {

        @Override
        public String toString() {
            return "Twilio[accountSid=" + accountSid + ", fromNumber=" + fromNumber + ", baseUrl=" + baseUrl + "]";
        }
    }
}
