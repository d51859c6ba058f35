package org.resetflow.channel;

import org.resetflow.shared.ServerUnavailable;

/** A message could not be delivered now; the job that sent it is retried. Never carries the message body. */
public class DeliveryFailedException extends RuntimeException implements ServerUnavailable {
    public DeliveryFailedException(String message) {
        super(message);
    }
}
