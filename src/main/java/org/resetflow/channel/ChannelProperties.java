package org.resetflow.channel;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code resetflow.channels.*}.
 *
 * @param mailFrom the sender address of every email (resetflow@example.org)
 */
@Validated
@ConfigurationProperties("resetflow.channels")
public record ChannelProperties(@DefaultValue("resetflow@example.org") @NotBlank String mailFrom) {
}
