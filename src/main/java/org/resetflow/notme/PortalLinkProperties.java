package org.resetflow.notme;

import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code resetflow.portal.base-url}: where users reach the portal from their mailbox, for the links in messages
 * ({@code http://localhost:8080}, the demo's; set it to the public address in production). The setting sits among
 * the portal's settings, where operators look for it; it is bound here, by the feature that writes the links.
 */
@ConfigurationProperties("resetflow.portal")
public record PortalLinkProperties(@DefaultValue("http://localhost:8080") String baseUrl) {

    public PortalLinkProperties {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        if (!valid(baseUrl)) {
            throw new IllegalArgumentException("resetflow.portal.base-url must be an absolute http(s) URL without query or fragment, "
                    + "such as https://password.example.org, not " + baseUrl);
        }
    }

    /** The absolute URL of a path of the portal ({@code /not-me/…}). */
    public String link(String path) {
        return baseUrl + path;
    }

    private static boolean valid(String url) {
        try {
            URI uri = new URI(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
