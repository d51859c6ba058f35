package org.resetflow.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The log lines a failure-case test expects, kept out of the console while it is open and kept here for the test to
 * check: a test that takes a directory down should see one WARN line per failed attempt, not print them.
 */
public final class ExpectedLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final List<String> lines = new ArrayList<>();
    private final List<Logger> loggers = new ArrayList<>();
    private final List<Boolean> additivity = new ArrayList<>();

    /** Captures what these loggers (and those below them) log, instead of printing it, until {@link #close()}. */
    public static ExpectedLog capture(String... loggerNames) {
        ExpectedLog log = new ExpectedLog();
        for (String name : loggerNames) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            if (log.getContext() == null) {
                log.setContext(logger.getLoggerContext());
                log.setName("expected-log");
                log.start();
            }
            log.loggers.add(logger);
            log.additivity.add(logger.isAdditive());
            logger.addAppender(log);
            logger.setAdditive(false);
        }
        return log;
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        lines.add(event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : " [" + event.getThrowableProxy().getClassName() + "]"));
    }

    /** Each line as {@code LEVEL logger message}, with the class of an exception logged with it in brackets. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).detachAppender(this);
            loggers.get(i).setAdditive(additivity.get(i));
        }
        stop();
    }
}
