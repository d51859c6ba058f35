package org.resetflow.journey;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Everything logged from any thread while attached, message and stack traces, for scanning. */
final class CapturedLog extends AppenderBase<ILoggingEvent> {

    private final List<String> lines = new ArrayList<>();

    /** Attaches to the root logger (after Spring has set logging up) and logs ResetFlow at DEBUG. */
    static CapturedLog attach() {
        CapturedLog log = new CapturedLog();
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        log.setContext(root.getLoggerContext());
        log.setName("captured-for-secret-scan");
        log.start();
        root.addAppender(log);
        ((Logger) LoggerFactory.getLogger("org.resetflow")).setLevel(Level.DEBUG);
        return log;
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        lines.add(event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage());
        if (event.getThrowableProxy() != null) {
            lines.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
    }

    synchronized String text() {
        return String.join("\n", lines);
    }

    /** Where the log stands now, for {@link #since(int)}. */
    synchronized int mark() {
        return lines.size();
    }

    /** What was logged after a {@link #mark()}, each entry (a line, or a stack trace) on its own. */
    synchronized List<String> since(int mark) {
        return List.copyOf(lines.subList(mark, lines.size()));
    }
}
