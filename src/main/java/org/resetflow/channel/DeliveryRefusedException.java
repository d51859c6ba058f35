package org.resetflow.channel;

/**
 * The provider refused the message for good (an invalid or unreachable number, a blocked recipient): retrying would
 * not help. Never carries the message body.
 */
public class DeliveryRefusedException extends RuntimeException {
    public DeliveryRefusedException(String message) {
        super(message);
    }
}
