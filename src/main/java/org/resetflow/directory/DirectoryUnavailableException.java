package org.resetflow.directory;

import org.resetflow.shared.ServerUnavailable;

/** A technical directory failure (unreachable, refused credentials of the service account, timeouts): retry it. */
public class DirectoryUnavailableException extends RuntimeException implements ServerUnavailable {

    public DirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public DirectoryUnavailableException(String message) {
        super(message);
    }
}
