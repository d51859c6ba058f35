package org.resetflow.shared;

/**
 * Marks a failure of a server ResetFlow relies on (a directory, a mail or text-message provider) that a later attempt
 * may not meet: the engine retries the step, and the failure's message says what failed where, so a log line needs no
 * stack trace.
 */
public interface ServerUnavailable {
}
