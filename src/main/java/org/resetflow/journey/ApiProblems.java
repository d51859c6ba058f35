package org.resetflow.journey;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.resetflow.shared.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the public API's handlers (the journeys' and the "not me" reports') as an RFC 9457 problem
 * detail; never a stack trace. Framework exceptions about malformed requests answer with their 4xx status
 * ({@link ExpectedErrors}); only a fault of the server's own is a 500. Errors before a handler is found (an unknown path, a wrong method or content type) reach the error
 * page, which answers API paths with a problem detail of the same shape.
 */
@RestControllerAdvice(assignableTypes = {JourneyController.class, NotMeController.class})
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    private static final String TYPE = "https://resetflow.org/problems/";

    private final JourneyTexts texts;

    ApiProblems(JourneyTexts texts) {
        this.texts = texts;
    }

    @ExceptionHandler(JourneyExceptions.FlowNotFound.class)
    ProblemDetail notFound(JourneyExceptions.FlowNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "flow-not-found", "Journey not found", e.getMessage());
    }

    @ExceptionHandler(JourneyExceptions.NotMeLinkNotUsable.class)
    ProblemDetail notMeLinkNotUsable(JourneyExceptions.NotMeLinkNotUsable e) {
        return problem(HttpStatus.NOT_FOUND, "not-me-link-not-found", "Link not usable", e.getMessage());
    }

    @ExceptionHandler(JourneyExceptions.StaleStep.class)
    ProblemDetail stale(JourneyExceptions.StaleStep e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "stale-step", "Not the current step", e.getMessage());
        problem.setProperty("currentStatus", e.current.status());
        problem.setProperty("currentStep", e.current.step() == null ? null : e.current.step().key());
        return problem;
    }

    @ExceptionHandler(JourneyExceptions.InvalidInput.class)
    ProblemDetail invalid(JourneyExceptions.InvalidInput e, Locale locale) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-input", "Invalid input",
                "Some fields need attention; nothing was changed.");
        problem.setProperty("errors", texts.fieldErrors(e.errors, locale));
        return problem;
    }

    @ExceptionHandler(JourneyExceptions.StepRejected.class)
    ProblemDetail rejected(JourneyExceptions.StepRejected e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "step-rejected", "Step not accepted",
                "The step was not accepted; see the errors next to the fields.");
        problem.setProperty("errors", e.view.errors());
        problem.setProperty("flow", e.view);
        return problem;
    }

    @ExceptionHandler(JourneyExceptions.TooManyRequests.class)
    ResponseEntity<ProblemDetail> tooMany(JourneyExceptions.TooManyRequests e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
                        "Too many requests from your address. Try again later."));
    }

    @ExceptionHandler(JourneyExceptions.TryAgain.class)
    ResponseEntity<ProblemDetail> tryAgain(JourneyExceptions.TryAgain e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds))
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "try-again", "Try again in a moment",
                        "Too many answers are being checked right now. Nothing was changed and this attempt did not count: "
                                + "send the same step again after Retry-After seconds."));
    }

    @ExceptionHandler(ApiRequestLimits.BodyTooLarge.class)
    ProblemDetail tooLarge(ApiRequestLimits.BodyTooLarge e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "Request too large", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        ExpectedErrors.Expected expected = ExpectedErrors.of(e).orElse(null);
        if (expected == null) {
            log.error("Unexpected failure in the journey API", e);
            return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Something went wrong",
                    "Something went wrong on our side; your journey is safe. Try again in a minute."));
        }
        if (expected.databaseOutage()) {
            log.warn("Answered 503 to a journey request: {}", DatabaseUnavailable.describe(e));
            return unavailable(expected, problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Try again in a moment",
                    "ResetFlow cannot reach its database right now; your journey is safe. Send the same request again after "
                            + "Retry-After seconds."));
        }
        if (expected.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            log.warn("A directory is not reachable during a journey step: {}", e.getMessage());
            return unavailable(expected, problem(HttpStatus.SERVICE_UNAVAILABLE, "directory-unavailable", "Directory not reachable",
                    "The directory cannot be reached right now; nothing was changed. Try again in a minute."));
        }
        if (expected.status() == HttpStatus.PAYLOAD_TOO_LARGE) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge(new ApiRequestLimits.BodyTooLarge()));
        }
        log.info("Refused a malformed API request ({}): {}", expected.status().value(), expected.reason());
        return ResponseEntity.status(expected.status()).body(problem(expected.status(), "malformed-request", expected.status().getReasonPhrase(),
                "The request could not be read; nothing was changed."));
    }

    private static ResponseEntity<ProblemDetail> unavailable(ExpectedErrors.Expected expected, ProblemDetail problem) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(expected.retryAfter().toSeconds()))
                .body(problem);
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE + type));
        problem.setTitle(title);
        return problem;
    }

}
