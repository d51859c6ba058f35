package org.resetflow.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a test makes the application log on purpose (a refused request, a failing job, a server it took down): kept
 * off the console while the test runs, for the test to assert, and printed after the test if it fails. Everything
 * else, and these loggers outside the test, reaches the console as ever. The console appender of
 * {@code logback-test.xml} asks {@link ExpectedLogFilter}, which asks this.
 *
 * <pre>
 * &#64;RegisterExtension
 * final ExpectedLog log = ExpectedLog.of(HashingQueue.class);            // during each test
 * &#64;RegisterExtension
 * static final ExpectedLog log = ExpectedLog.of("org.camunda.bpm");      // and in &#64;BeforeAll, &#64;AfterAll
 * try (ExpectedLog outage = ExpectedLog.capture("org.resetflow")) {   // during a block of a test
 *     ...
 * }
 * </pre>
 *
 * A block ({@link #capture}) cannot tell whether its test fails: its lines are for its own assertions.
 */
public final class ExpectedLog implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, AutoCloseable {

    /** One line as the test saw it: level, logger, message and, if there was one, the stack trace. */
    public record Line(Level level, String logger, String message, String stackTrace) {

        public boolean hasStackTrace() {
            return stackTrace != null;
        }

        @Override
        public String toString() {
            return level + " " + logger + " " + message + (stackTrace == null ? "" : "\n" + stackTrace);
        }
    }

    private static final List<ExpectedLog> ACTIVE = new CopyOnWriteArrayList<>();

    private final List<String> loggers;
    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private int testStart;
    private boolean classScoped;

    private ExpectedLog(List<String> loggers) {
        this.loggers = List.copyOf(loggers);
    }

    /** Loggers by name, each with the loggers below it ({@code org.camunda.bpm} holds {@code org.camunda.bpm.engine.context}). */
    public static ExpectedLog of(String... loggers) {
        return new ExpectedLog(Arrays.asList(loggers));
    }

    /** The loggers of these classes. */
    public static ExpectedLog of(Class<?>... classes) {
        return new ExpectedLog(Arrays.stream(classes).map(Class::getName).toList());
    }

    /** Keeps what these loggers log from now until {@link #close()}, from any thread. */
    public static ExpectedLog capture(String... loggers) {
        ExpectedLog log = of(loggers);
        ACTIVE.add(log);
        return log;
    }

    @Override
    public void close() {
        ACTIVE.remove(this);
    }

    /** What these loggers logged since the extension became active (the class, or the test). */
    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** The lines at this level or above. */
    public List<Line> lines(Level atLeast) {
        return lines.stream().filter(line -> line.level().isGreaterOrEqual(atLeast)).toList();
    }

    /** For {@link ExpectedLogFilter}: true when some active test expects this event, which it then keeps. */
    static boolean heldBack(ILoggingEvent event) {
        boolean held = false;
        for (ExpectedLog expected : ACTIVE) {
            if (expected.covers(event.getLoggerName())) {
                expected.lines.add(new Line(event.getLevel(), event.getLoggerName(), event.getFormattedMessage(),
                        event.getThrowableProxy() == null ? null : ThrowableProxyUtil.asString(event.getThrowableProxy())));
                held = true;
            }
        }
        return held;
    }

    private boolean covers(String logger) {
        for (String name : loggers) {
            if (logger.equals(name) || logger.startsWith(name) && logger.charAt(name.length()) == '.') {
                return true;
            }
        }
        return false;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        classScoped = true;
        lines.clear();
        ACTIVE.add(this);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        classScoped = false;
        ACTIVE.remove(this);
        context.getExecutionException().ifPresent(failure -> print(context.getDisplayName(), lines()));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!ACTIVE.contains(this)) {
            lines.clear();
            ACTIVE.add(this);
        }
        testStart = lines.size();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<Line> ofThisTest = new ArrayList<>(lines.subList(Math.min(testStart, lines.size()), lines.size()));
        if (!classScoped) {
            ACTIVE.remove(this);
        }
        context.getExecutionException().ifPresent(failure -> print(context.getDisplayName(), ofThisTest));
    }

    private static void print(String test, List<Line> held) {
        if (held.isEmpty()) {
            return;
        }
        StringBuilder out = new StringBuilder("---- log lines held back during the failed " + test + " ----\n");
        held.forEach(line -> out.append(line).append('\n'));
        System.out.print(out.append("---- end of the held-back lines ----\n"));
    }
}
