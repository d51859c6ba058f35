package org.resetflow.channel;

/** A message could not be delivered now; the job that sent it is retried. Never carries the message body. */
public class DeliveryFailedException extends RuntimeException {
    public DeliveryFailedException(String message) {
        super(message);
    }
}
