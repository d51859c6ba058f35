package org.resetflow.config;

import java.util.logging.Logger;
import org.apache.catalina.connector.ClientAbortException;
import org.springframework.stereotype.Component;

/**
 * A client that closes its connection while its answer is written (a browser that leaves a Cockpit or Tasklist page
 * while a call of the engine's REST API is answered) is no server error, and Tomcat and Spring treat it as none. Jersey,
 * which serves that API, logs it at ERROR with a 70-line stack trace ("An I/O error has occurred while writing a
 * response message entity"). That one line is dropped from Jersey's log; everything else Jersey logs stays.
 */
@Component
class ClientDisconnects {

    /** Jersey's logger (java.util.logging, bridged to the application's log) of the failure to write an answer. */
    static final String JERSEY_RESPONDER = "org.glassfish.jersey.server.ServerRuntime$Responder";

    /** Held here: java.util.logging keeps its loggers, and so their filters, only while someone refers to them. */
    private static final Logger RESPONDER = Logger.getLogger(JERSEY_RESPONDER);

    ClientDisconnects() {
        RESPONDER.setFilter(entry -> !closedByTheClient(entry.getThrown()));
    }

    static boolean closedByTheClient(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ClientAbortException) {
                return true;
            }
        }
        return false;
    }
}
