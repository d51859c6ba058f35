package org.resetflow.testing;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/** On the tests' console appender ({@code logback-test.xml}): what a running test expects ({@link ExpectedLog}) stays off it. */
public final class ExpectedLogFilter extends Filter<ILoggingEvent> {

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return ExpectedLog.heldBack(event) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
