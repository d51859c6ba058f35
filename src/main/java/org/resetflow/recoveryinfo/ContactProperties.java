package org.resetflow.recoveryinfo;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code resetflow.contacts.*}.
 *
 * @param defaultRegion ISO 3166 region for phone numbers typed without a country code (US)
 */
@Validated
@ConfigurationProperties("resetflow.contacts")
public record ContactProperties(@DefaultValue("US") @Pattern(regexp = "[A-Z]{2}") String defaultRegion) {
}
