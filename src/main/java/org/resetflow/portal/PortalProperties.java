package org.resetflow.portal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code resetflow.portal.*}: the look of the self-service portal.
 *
 * @param logoUrl       the organisation's logo, an absolute URL or a path on this server ({@code /portal/logo.svg})
 * @param brandColour   the accent colour of buttons and links, as {@code #rrggbb}; pick one with a contrast of at
 *                      least 4.5:1 on white ({@code #0b5cad})
 * @param signInUrl     where "Back to sign-in" leads after a journey ends; empty: no such link (empty)
 * @param secureCookies mark the flow cookie {@code Secure} (true; the embedded demo, served over plain HTTP on
 *                      localhost, turns it off)
 */
@Validated
@ConfigurationProperties("resetflow.portal")
public record PortalProperties(
        @DefaultValue("/portal/logo.svg") @NotBlank String logoUrl,
        @DefaultValue("#0b5cad") @Pattern(regexp = "#[0-9a-fA-F]{6}") String brandColour,
        @DefaultValue("") String signInUrl,
        @DefaultValue("true") boolean secureCookies) {

    /** The origin of an absolute logo URL, which the Content-Security-Policy must allow; empty for a local path. */
    public String logoOrigin() {
        if (!logoUrl.startsWith("https://") && !logoUrl.startsWith("http://")) {
            return "";
        }
        int slash = logoUrl.indexOf('/', logoUrl.indexOf("//") + 2);
        return slash < 0 ? logoUrl : logoUrl.substring(0, slash);
    }
}
