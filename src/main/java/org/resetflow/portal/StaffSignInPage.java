package org.resetflow.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.resetflow.staff.StaffSignIn;
import org.resetflow.staff.StaffSignInThrottle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /staff/sign-in}: where a browser that opened a staff page without a session lands (a handover link from a
 * Tasklist form, copied into another browser or opened after the session ended). In the portal's look and language;
 * the sign-in itself is the staff feature's ({@link StaffSignIn}). After it, the browser goes back to the page it
 * asked for, or to Tasklist. Failures are shown on the form: a wrong password (200, as a form with a field error),
 * an account outside the staff groups (403), too many wrong passwords (429 with {@code Retry-After}).
 */
@Controller
class StaffSignInPage {

    private static final int MAX_USERNAME = 256;
    private static final int MAX_PASSWORD = 1024;

    private final StaffSignIn signIn;

    StaffSignInPage(StaffSignIn signIn) {
        this.signIn = signIn;
    }

    @GetMapping(StaffSignIn.PATH)
    String show(@RequestParam(required = false) String next, Model model) {
        return page(StaffSignIn.destination(next), "", null, model);
    }

    @PostMapping(StaffSignIn.PATH)
    String signIn(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
                  @RequestParam(required = false) String next, HttpServletRequest request, HttpServletResponse response, Model model) {
        String destination = StaffSignIn.destination(next);
        String user = username.strip();
        if (user.isEmpty() || password.isEmpty() || user.length() > MAX_USERNAME || password.length() > MAX_PASSWORD) {
            return page(destination, user.length() > MAX_USERNAME ? "" : user, "portal.staffSignIn.error.missing", model);
        }
        try {
            return switch (signIn.signIn(request, user, password)) {
                case SIGNED_IN -> "redirect:" + destination;
                case WRONG_PASSWORD -> page(destination, user, "portal.staffSignIn.error.wrong", model);
                case NOT_STAFF -> {
                    response.setStatus(HttpStatus.FORBIDDEN.value());
                    yield page(destination, user, "portal.staffSignIn.error.notStaff", model);
                }
            };
        } catch (StaffSignInThrottle.TooManySignIns throttled) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", throttled.retryAfterSeconds());
            return page(destination, user, "portal.staffSignIn.error.throttled", model);
        }
    }

    private static String page(String destination, String username, String error, Model model) {
        model.addAttribute("next", destination);
        model.addAttribute("username", username);
        model.addAttribute("error", error);
        // the language links keep the destination
        model.addAttribute("path", UriComponentsBuilder.fromPath(StaffSignIn.PATH).queryParam("next", destination).build().encode().toUriString());
        return "portal/staff-sign-in";
    }
}
