package org.resetflow.journey;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/not-me-reports}: a client that shows the notices itself (a mail app, a sign-in screen) reports
 * a recovery as not the user's with the token of the notice's link, in the body rather than in a URL.
 */
@RestController
class NotMeController {

    /** The answer to a report: what the user is told. */
    record Reported(String status, List<FlowView.Message> messages) {
    }

    private final NotMeReports reports;
    private final ClientAddresses clients;
    private final JourneyTexts texts;

    NotMeController(NotMeReports reports, ClientAddresses clients, JourneyTexts texts) {
        this.reports = reports;
        this.clients = clients;
        this.texts = texts;
    }

    @PostMapping(path = "/api/v1/not-me-reports", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Reported report(@RequestBody JsonNode body, HttpServletRequest request, Locale locale) {
        String token = JourneyController.onlyTextField(body, "token");
        if (token == null || !reports.report(token, clients.of(request))) {
            throw new JourneyExceptions.NotMeLinkNotUsable();
        }
        return new Reported("REPORTED", List.of(texts.message("notMe.reported", locale), texts.helpdesk(locale)));
    }
}
