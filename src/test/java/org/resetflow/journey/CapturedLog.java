package org.resetflow.journey;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.LoggerFactory;

/** Everything logged from any thread while attached, message and stack traces, for scanning. */
final class CapturedLog extends AppenderBase<ILoggingEvent> {

    private final Queue<String> lines = new ConcurrentLinkedQueue<>();

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
    protected void append(ILoggingEvent event) {
        lines.add(event.getLoggerName() + " " + event.getFormattedMessage());
        if (event.getThrowableProxy() != null) {
            lines.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
    }

    String text() {
        return String.join("\n", lines);
    }
}
