package org.resetflow.audit.cockpit;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code resetflow.staff.*} as far as the audit needs it.
 *
 * @param processOwnerGroup the Camunda group whose members may use the ResetFlow audit in Cockpit, besides Camunda
 *                          administrators ({@code process-owners})
 */
@Validated
@ConfigurationProperties("resetflow.staff")
public record ProcessOwnerProperties(
        @DefaultValue("process-owners") @Pattern(regexp = "[a-zA-Z0-9][a-zA-Z0-9._@-]*", message = "must be a Camunda group id")
        String processOwnerGroup) {
}
