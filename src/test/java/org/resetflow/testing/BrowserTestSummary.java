package org.resetflow.testing;

import java.io.PrintStream;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * One line at the end of a test run that had browser tests: how many ran, or why they were skipped and how to get a
 * browser (Surefire keeps a skipped class's reason in {@code target/surefire-reports} only). A browser test ran when
 * it started a browser through {@link Browsers#start}; it was skipped when its {@code @EnabledIf} on
 * {@code Browsers#available}, or {@link Browsers#assumeAvailable()}, said so. Registered for every JUnit Platform
 * run through {@code META-INF/services}.
 */
public final class BrowserTestSummary implements TestExecutionListener {

    /** In the reason of every skip for want of a browser: the default reason of {@code @EnabledIf} names the method. */
    static final String SKIP_MARK = "Browsers#available";

    private final IntSupplier browsersStarted;
    private final Supplier<Optional<String>> missing;
    private final PrintStream out;

    private TestPlan plan;
    private int startedBeforeTest;
    private int ran;
    private int skipped;

    public BrowserTestSummary() {
        this(Browsers::started, Browsers::missing, System.out);
    }

    BrowserTestSummary(IntSupplier browsersStarted, Supplier<Optional<String>> missing, PrintStream out) {
        this.browsersStarted = browsersStarted;
        this.missing = missing;
        this.out = out;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        ran = 0;
        skipped = 0;
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        if (test.isTest()) {
            startedBeforeTest = browsersStarted.getAsInt();
        }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (reason != null && reason.contains(SKIP_MARK)) {
            skipped += test.isTest() ? 1 : testMethodsIn(test);
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest()) {
            return;
        }
        if (browsersStarted.getAsInt() > startedBeforeTest) {
            ran++;
        } else if (result.getStatus() == TestExecutionResult.Status.ABORTED
                && result.getThrowable().map(Throwable::getMessage).filter(message -> message.contains(SKIP_MARK)).isPresent()) {
            skipped++;
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        summary().ifPresent(out::println);
    }

    Optional<String> summary() {
        if (ran == 0 && skipped == 0) {
            return Optional.empty();
        }
        String why = missing.get().orElse("see target/surefire-reports");
        if (skipped == 0) {
            return Optional.of("Browser tests: " + ran + " ran in headless Chromium (" + Browsers.CHROMIUM + ").");
        }
        if (ran == 0) {
            return Optional.of("Browser tests: none ran, " + skipped + " skipped: " + why + ". To run them, install Chromium and its driver ("
                    + Browsers.INSTALL + ").");
        }
        return Optional.of("Browser tests: " + ran + " ran in headless Chromium, " + skipped + " skipped: " + why + ".");
    }

    /** A skipped class's test methods, each counted once (a parameterised one too: its invocations never came to be). */
    private int testMethodsIn(TestIdentifier container) {
        return (int) plan.getDescendants(container).stream()
                .filter(descendant -> descendant.getSource().filter(MethodSource.class::isInstance).isPresent())
                .count();
    }
}
