package org.resetflow.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.resetflow.journey.ClientAddresses;
import org.resetflow.journey.JourneyExceptions;
import org.resetflow.journey.NotMeReports;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The page a "this was not me" link opens. Opening it only asks (mail scanners and link previews open links too);
 * the button, a form with the portal's CSRF token, reports. A link that cannot be used, for whatever reason, gets
 * the same page and a 404.
 */
@Controller
class PortalNotMeController {

    private final NotMeReports reports;
    private final ClientAddresses clients;

    PortalNotMeController(NotMeReports reports, ClientAddresses clients) {
        this.reports = reports;
        this.clients = clients;
    }

    @GetMapping("/not-me/reported")
    String reported(HttpServletRequest request, Model model) {
        return page("reported", request, model);
    }

    @GetMapping("/not-me/{token}")
    String confirm(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        clients.checkRequest(clients.of(request));
        if (!reports.canReport(token)) {
            return gone(request, response, model);
        }
        model.addAttribute("token", token);
        return page("confirm", request, model);
    }

    @PostMapping("/not-me/{token}")
    String report(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        String client = clients.of(request);
        clients.checkRequest(client);
        if (!reports.report(token, client)) {
            return gone(request, response, model);
        }
        return "redirect:/not-me/reported";
    }

    @ExceptionHandler(JourneyExceptions.TooManyRequests.class)
    String tooMany(JourneyExceptions.TooManyRequests e, HttpServletResponse response, Model model) {
        return PortalController.tooManyRequestsPage(e, response, model);
    }

    private static String gone(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return page("gone", request, model);
    }

    private static String page(String state, HttpServletRequest request, Model model) {
        model.addAttribute("state", state);
        // the language links stay on this page
        model.addAttribute("path", request.getRequestURI());
        return "portal/not-me";
    }
}
