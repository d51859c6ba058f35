package org.resetflow.journey;

import java.time.Duration;
import java.util.Optional;
import org.resetflow.directory.DirectoryUnavailableException;
import org.resetflow.shared.DatabaseUnavailable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * The errors that are no fault of ResetFlow's code, and the status each answers with: a malformed request is the
 * client's (4xx), an unreachable directory or database is a passing outage (503, with {@code Retry-After}). Everything
 * else is a server fault (500),
 * logged with its stack trace. One classification for every surface: the API's problems, the portal's and the staff
 * pages' error pages. The descriptions never carry what the client sent.
 */
public final class ExpectedErrors {

    /**
     * An expected error: the status to answer with, what went wrong in words that carry nothing the client sent, and
     * for an outage when to try again (null for a client's error).
     */
    public record Expected(HttpStatus status, String reason, Duration retryAfter) {

        Expected(HttpStatus status, String reason) {
            this(status, reason, null);
        }

        public boolean clientError() {
            return status.is4xxClientError();
        }

        /** The database is away (restarting, failing over): its own problem type and text. */
        public boolean databaseOutage() {
            return DATABASE.equals(reason);
        }
    }

    /** A database restart takes seconds: a client that tries again after this mostly finds it back. */
    public static final Duration DATABASE_RETRY_AFTER = Duration.ofSeconds(5);
    /** A directory outage lasts longer; the journeys' own retries of directory steps start at ten seconds. */
    public static final Duration DIRECTORY_RETRY_AFTER = Duration.ofSeconds(30);
    private static final String DATABASE = "the database is not reachable";

    private ExpectedErrors() {
    }

    public static Optional<Expected> of(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            Optional<Expected> expected = direct(cause);
            if (expected.isPresent()) {
                return expected;
            }
        }
        return Optional.empty();
    }

    private static Optional<Expected> direct(Throwable error) {
        if (error instanceof RequestRejectedException) {
            // its message quotes the rejected header, parameter or path: never log it
            return Optional.of(new Expected(HttpStatus.BAD_REQUEST, "the request firewall refused a header, parameter or path"));
        }
        if (error instanceof ApiRequestLimits.BodyTooLarge || error instanceof MaxUploadSizeExceededException) {
            return Optional.of(new Expected(HttpStatus.PAYLOAD_TOO_LARGE, "the body is larger than allowed"));
        }
        if (error instanceof HttpMessageNotReadableException) {
            return Optional.of(new Expected(HttpStatus.BAD_REQUEST, "a body that could not be read"));
        }
        if (error instanceof MultipartException) {
            return Optional.of(new Expected(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "a multipart body, which nothing here accepts"));
        }
        if (error instanceof DirectoryUnavailableException) {
            return Optional.of(new Expected(HttpStatus.SERVICE_UNAVAILABLE, "a directory is not reachable", DIRECTORY_RETRY_AFTER));
        }
        if (DatabaseUnavailable.causedBy(error)) {
            return Optional.of(new Expected(HttpStatus.SERVICE_UNAVAILABLE, DATABASE, DATABASE_RETRY_AFTER));
        }
        if (error instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            return Optional.of(new Expected(status(response.getStatusCode()), error.getClass().getSimpleName()));
        }
        return Optional.empty();
    }

    private static HttpStatus status(HttpStatusCode code) {
        HttpStatus status = HttpStatus.resolve(code.value());
        return status == null ? HttpStatus.BAD_REQUEST : status;
    }
}
