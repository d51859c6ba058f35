package org.resetflow.journey;

import java.util.Optional;
import org.resetflow.directory.DirectoryUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * The errors that are no fault of ResetFlow's code, and the status each answers with: a malformed request is the
 * client's (4xx), an unreachable directory is a passing outage (503). Everything else is a server fault (500),
 * logged with its stack trace. One classification for every surface: the API's problems, the portal's and the staff
 * pages' error pages. The descriptions never carry what the client sent.
 */
public final class ExpectedErrors {

    /** An expected error: the status to answer with, and what went wrong in words that carry nothing the client sent. */
    public record Expected(HttpStatus status, String reason) {
        public boolean clientError() {
            return status.is4xxClientError();
        }
    }

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
            return Optional.of(new Expected(HttpStatus.SERVICE_UNAVAILABLE, "a directory is not reachable"));
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
