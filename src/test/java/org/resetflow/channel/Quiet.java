package org.resetflow.channel;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;

/** Keeps the warnings a test expects (a provider that fails on purpose) out of the console while it runs. */
final class Quiet implements AutoCloseable {

    private final Map<Logger, Level> levels = new LinkedHashMap<>();

    private Quiet(String... loggers) {
        for (String name : loggers) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            levels.put(logger, logger.getLevel());
            logger.setLevel(Level.OFF);
        }
    }

    /** The send step's "could not be delivered" and the job executor's "job failed, retried". */
    static Quiet expectedDeliveryFailures() {
        return new Quiet("org.resetflow.verification.SendCodeDelegate", "org.resetflow.camunda.JobFailureLog");
    }

    @Override
    public void close() {
        levels.forEach(Logger::setLevel);
    }
}
