package org.resetflow.directory;

/** A technical directory failure (unreachable, refused credentials of the service account, timeouts): retry it. */
public class DirectoryUnavailableException extends RuntimeException {

    public DirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public DirectoryUnavailableException(String message) {
        super(message);
    }
}
