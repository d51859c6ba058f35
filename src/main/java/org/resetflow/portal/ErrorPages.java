package org.resetflow.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.resetflow.journey.ExpectedErrors;
import org.resetflow.staff.StaffSignIn;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /error}, where the servlet container sends every error that no handler answered itself: a status sent by a
 * filter (401 from a staff sign-in, 403 for a missing CSRF token, 413, 415), by Spring MVC (404, 405) or by a client
 * error that {@link ExpectedErrorResolver} recognised. API and staff API paths, and clients that ask for JSON and not
 * for HTML, get a problem detail; everything else a page in the portal's look, in the user's language, for every
 * status. A request for {@code /error} itself is answered 404: there is no page at that address.
 */
@Controller
class ErrorPages implements ErrorController {

    /** Paths whose clients read JSON: the public API, the development outbox, the staff APIs, the engine. */
    private static final List<String> JSON_PATHS = List.of("/api/", "/dev/", "/staff/api/", "/engine-rest/", "/camunda/api/", "/actuator/");
    /** Statuses with their own heading and text; the others take the generic 4xx or 5xx ones. */
    private static final List<Integer> OWN_TEXTS = List.of(400, 401, 403, 404, 405, 413, 415, 429, 503);

    /** The details of API problems, in English as the API's other problems. */
    private static final Map<Integer, String> DETAILS = Map.of(
            400, "The request could not be read; nothing was changed.",
            401, "Sign in first.",
            403, "This request is not allowed.",
            404, "There is nothing at this address.",
            405, "This address does not take this method.",
            413, "The request body is larger than allowed.",
            415, "This content type or content coding is not accepted.",
            503, "A service this request needs is not reachable right now; nothing was changed. Try again in a minute.");

    private final ObjectMapper json;

    ErrorPages(ObjectMapper json) {
        this.json = json;
    }

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatus status = status(request);
        String path = originalPath(request);
        response.setStatus(status.value());
        if (JSON_PATHS.stream().anyMatch(path::startsWith) || asksForJson(request)) {
            writeProblem(status, response);
            return null;
        }
        return new ModelAndView(TEMPLATE, page(status, path), status);
    }

    static final String TEMPLATE = "portal/error";

    /** What the error page shows for this status, after a request to this path. */
    static Map<String, Object> page(HttpStatus status, String path) {
        String texts = OWN_TEXTS.contains(status.value()) ? Integer.toString(status.value()) : status.is4xxClientError() ? "4xx" : "5xx";
        return Map.of(
                "status", status.value(),
                "texts", texts,
                "staffSignIn", status == HttpStatus.UNAUTHORIZED && path.startsWith("/staff/"),
                // the staff sign-in leads back to this page, if it is one a browser may be sent back to
                "staffPage", StaffSignIn.destination(path),
                // the language links lead to the start page: the address that failed may not take a GET
                "path", "/");
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(code instanceof Integer value)) {
            return HttpStatus.NOT_FOUND;
        }
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable error) {
            var expected = ExpectedErrors.of(error);
            if (expected.isPresent()) {
                return expected.get().status();
            }
        }
        HttpStatus status = HttpStatus.resolve(value);
        return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    /**
     * A client that asks for JSON and not for HTML ({@code Accept: application/json}, a script anywhere): a problem
     * detail, as on the API. A browser asks for HTML; a header that cannot be read asks for nothing.
     */
    static boolean asksForJson(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            List<MediaType> accepted = MediaType.parseMediaTypes(accept).stream()
                    .filter(type -> type.getQualityValue() > 0 && !type.isWildcardType() && !type.isWildcardSubtype()).toList();
            return accepted.stream().anyMatch(ErrorPages::isJson) && accepted.stream().noneMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML));
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    private static boolean isJson(MediaType type) {
        return "application".equals(type.getType()) && ("json".equals(type.getSubtype()) || "json".equals(type.getSubtypeSuffix()));
    }

    private static String originalPath(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String value ? value : "";
        return path.substring(Math.min(path.length(), request.getContextPath().length()));
    }

    /** Written here, not negotiated: the client's {@code Accept} header may be what was wrong with the request. */
    private void writeProblem(HttpStatus status, HttpServletResponse response) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, DETAILS.getOrDefault(status.value(),
                status.is4xxClientError() ? "The request was not accepted." : "Something went wrong on our side. Try again in a minute."));
        problem.setTitle(status.getReasonPhrase());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
