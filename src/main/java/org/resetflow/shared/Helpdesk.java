package org.resetflow.shared;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** How users reach the helpdesk: the configured sentence, or the translated default, and the link. */
@Component
public class Helpdesk {

    private final OrganisationProperties organisation;
    private final MessageSource messages;

    public Helpdesk(OrganisationProperties organisation, MessageSource messages) {
        this.organisation = organisation;
        this.messages = messages;
    }

    public String text(Locale locale) {
        String configured = organisation.helpdeskText();
        return configured == null || configured.isBlank()
                ? messages.getMessage("organisation.helpdesk-text", null, locale)
                : configured;
    }

    public String url() {
        return organisation.helpdeskUrl();
    }

    /** The sentence and the link, for messages that name both. */
    public String textAndUrl(Locale locale) {
        return text(locale) + " " + url();
    }
}
