package org.resetflow.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.resetflow.shared.Helpdesk;
import org.resetflow.shared.OrganisationProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;

/** What every portal page shows: the organisation, the helpdesk, the language switch. */
@ControllerAdvice(assignableTypes = {PortalController.class, ErrorPages.class, PortalNotMeController.class, StaffSignInPage.class})
class PortalModel {

    record Branding(String name, String logoUrl, String helpdeskText, String helpdeskUrl, String signInUrl) {
    }

    private final OrganisationProperties organisation;
    private final PortalProperties portal;
    private final Helpdesk helpdesk;

    PortalModel(OrganisationProperties organisation, PortalProperties portal, Helpdesk helpdesk) {
        this.organisation = organisation;
        this.portal = portal;
        this.helpdesk = helpdesk;
    }

    @ModelAttribute("branding")
    Branding branding(Locale locale) {
        return new Branding(organisation.name(), portal.logoUrl(), helpdesk.text(locale), helpdesk.url(),
                portal.signInUrl().isBlank() ? null : portal.signInUrl());
    }

    @ModelAttribute("lang")
    String language(Locale locale) {
        return locale.getLanguage();
    }

    @ModelAttribute("path")
    String path(HttpServletRequest request) {
        String path = request.getRequestURI();
        // After a POST the page shows the journey; the language links lead to the journey's page.
        int steps = path.indexOf('/', 1);
        return steps > 0 ? path.substring(0, steps) : path;
    }

    /** {@code /portal/theme.css}: the brand colour, as a stylesheet, so that no inline style is needed. */
    @RestController
    static class Theme {

        private final PortalProperties portal;

        Theme(PortalProperties portal) {
            this.portal = portal;
        }

        @GetMapping(path = "/portal/theme.css", produces = "text/css")
        ResponseEntity<String> theme() {
            return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                    .body(":root { --brand: " + portal.brandColour() + "; }\n");
        }
    }
}
