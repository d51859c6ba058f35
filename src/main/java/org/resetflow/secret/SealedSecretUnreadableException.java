package org.resetflow.secret;

public class SealedSecretUnreadableException extends RuntimeException {
    public SealedSecretUnreadableException(String message, Throwable cause) {
        super(message, cause);
    }
}
