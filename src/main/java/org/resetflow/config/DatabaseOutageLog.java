package org.resetflow.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.resetflow.shared.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * One line, without a stack trace, for a log event of a library that fails because the database is away (PostgreSQL
 * restarting or failing over): the job executor's "Exception during job acquisition" (ENGINE-14019, at ERROR, with its
 * trace, at every attempt), Spring's "Application exception overridden by rollback exception" (a rollback on a
 * connection the outage closed). ResetFlow answers and retries what such an outage breaks ({@link DatabaseUnavailable}),
 * so these events say nothing their one line does not. Their statements stay out of the log too (MyBatis's messages
 * quote them). Only events that carry a throwable whose causes show the outage are replaced; ResetFlow's own loggers
 * are left alone, they already log outages in one line.
 */
@Component
class DatabaseOutageLog extends TurboFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageLog.class);
    private static final String NAME = "resetflow-database-outage";

    DatabaseOutageLog() {
        setName(NAME);
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getTurboFilterList().stream().noneMatch(filter -> NAME.equals(filter.getName()))) {
            // one for the JVM: the logging context outlives a Spring context (the tests start several)
            context.addTurboFilter(this);
            start();
        }
    }

    @Override
    public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level == null || !level.isGreaterOrEqual(Level.WARN) || logger.getName().startsWith("org.resetflow")) {
            return FilterReply.NEUTRAL;
        }
        Throwable failure = t != null ? t : lastThrowable(params);
        if (failure == null || !DatabaseUnavailable.causedBy(failure)) {
            return FilterReply.NEUTRAL;
        }
        log.warn("{} failed: {}", logger.getName(), DatabaseUnavailable.describe(failure));
        return FilterReply.DENY;
    }

    private static Throwable lastThrowable(Object[] params) {
        return params != null && params.length > 0 && params[params.length - 1] instanceof Throwable throwable ? throwable : null;
    }
}
