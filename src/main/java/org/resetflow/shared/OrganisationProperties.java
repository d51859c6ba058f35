package org.resetflow.shared;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code resetflow.organisation.*}: who runs this ResetFlow and whom users contact when self-service cannot help.
 *
 * @param name         the organisation's name, shown to users and in messages (default {@code Example Org})
 * @param helpdeskText how to reach the helpdesk, in one sentence, in every language; when not set, the translated
 *                     default text {@code organisation.helpdesk-text} of the message bundles ("Contact the IT helpdesk.")
 * @param helpdeskUrl  a link to the helpdesk (default {@code https://helpdesk.example.org})
 */
@Validated
@ConfigurationProperties("resetflow.organisation")
public record OrganisationProperties(
        @DefaultValue("Example Org") @NotBlank String name,
        String helpdeskText,
        @DefaultValue("https://helpdesk.example.org") @NotBlank String helpdeskUrl) {
}
