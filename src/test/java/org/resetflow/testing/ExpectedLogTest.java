package org.resetflow.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.slf4j.LoggerFactory;

/**
 * The console of the tests ({@code logback-test.xml}) keeps back what a running test expects, and only that; a test
 * that fails prints it. Fixture classes (nested, so Surefire never runs them on their own) run in a launcher of their own
 * and log below {@code org.resetflow.testing.fixture}, which writes only to a stand-in console: an appender with the
 * same filter.
 */
class ExpectedLogTest {

    private static final String EXPECTED = "org.resetflow.testing.fixture.expected";
    private static final String OTHER = "org.resetflow.testing.fixture.other";
    private static final AtomicReference<List<ExpectedLog.Line>> SEEN = new AtomicReference<>();

    private final ListAppender<ILoggingEvent> console = new ListAppender<>();
    private final Logger fixtures = (Logger) LoggerFactory.getLogger("org.resetflow.testing.fixture");

    @BeforeEach
    void standInConsole() {
        console.setContext(fixtures.getLoggerContext());
        console.addFilter(new ExpectedLogFilter());
        console.start();
        fixtures.addAppender(console);
        fixtures.setAdditive(false);
    }

    @AfterEach
    void removeIt() {
        fixtures.setAdditive(true);
        fixtures.detachAppender(console);
    }

    static class LogsWhatItExpects {

        @RegisterExtension
        final ExpectedLog log = ExpectedLog.of(EXPECTED);

        @Test
        void refusesSomething() {
            LoggerFactory.getLogger(EXPECTED + ".Refusals").warn("Refused: {}", "a reason", new IllegalStateException("expected"));
            LoggerFactory.getLogger(OTHER).warn("Something nobody expects");
            SEEN.set(log.lines());
        }

        @Test
        void failsAfterItsExpectedLine() {
            LoggerFactory.getLogger(EXPECTED).error("The line that explains the failure");
            throw new AssertionError("the test failed");
        }
    }

    private String run(String method) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            SummaryGeneratingListener summary = new SummaryGeneratingListener();
            LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build()).execute(
                    LauncherDiscoveryRequestBuilder.request().selectors(selectMethod(LogsWhatItExpects.class, method)).build(), summary);
            assertThat(summary.getSummary().getTestsStartedCount()).isEqualTo(1);
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void whatTheTestExpectsIsKeptForItAndOffTheConsoleAndEverythingElseShows() {
        String printed = run("refusesSomething");

        assertThat(printed).isEmpty();
        assertThat(SEEN.get()).singleElement().satisfies(line -> {
            assertThat(line.level()).isEqualTo(Level.WARN);
            assertThat(line.logger()).isEqualTo(EXPECTED + ".Refusals");
            assertThat(line.message()).isEqualTo("Refused: a reason");
            assertThat(line.stackTrace()).contains("IllegalStateException: expected");
        });
        assertThat(console.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("Something nobody expects");

        LoggerFactory.getLogger(EXPECTED).warn("After the test");
        assertThat(console.list).extracting(ILoggingEvent::getFormattedMessage).as("outside the test the logger shows again")
                .containsExactly("Something nobody expects", "After the test");
    }

    @Test
    void aTestThatFailsPrintsWhatWasKeptBack() {
        String printed = run("failsAfterItsExpectedLine");

        assertThat(printed).contains("log lines held back during the failed failsAfterItsExpectedLine()")
                .contains("ERROR " + EXPECTED + " The line that explains the failure");
        assertThat(console.list).isEmpty();
    }

    @Test
    void theTestsConsoleHasTheFilter() {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getAppender("CONSOLE")).as("logback-test.xml's console").isNotNull();
        assertThat(root.getAppender("CONSOLE").getCopyOfAttachedFiltersList()).hasAtLeastOneElementOfType(ExpectedLogFilter.class);
    }
}
