package org.resetflow.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The line at the end of a test run, from runs of small fixture classes (nested, so Surefire never runs them on their
 * own) in a launcher of their own: browsers "start" by counting, and availability is what the test says.
 */
class BrowserTestSummaryTest {

    private static final AtomicInteger STARTED = new AtomicInteger();

    static boolean never() {
        return false;
    }

    /** A browser test class where there is no browser: skipped as a whole, as {@code @EnabledIf(Browsers#available)} does. */
    @EnabledIf(value = "org.resetflow.testing.BrowserTestSummaryTest#never", disabledReason = "no browser (Browsers#available)")
    static class BrowserClassWithoutABrowser {

        @Test
        void one() {
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 2})
        void twoOfAKind(int kind) {
        }
    }

    static class BrowserTestsThatRan {

        @Test
        void drivesABrowser() {
            STARTED.incrementAndGet();
        }

        @Test
        void drivesAnother() {
            STARTED.incrementAndGet();
        }

        @Test
        void needsNone() {
        }
    }

    static class ABrowserStepWithoutABrowser {

        @Test
        void skipsItself() {
            Assumptions.assumeTrue(false, "no browser to drive (Browsers#available): no Chromium at /nowhere");
        }

        @Test
        void anAssumptionForAnotherReasonIsNotCounted() {
            Assumptions.assumeTrue(false, "no database here");
        }
    }

    static class NoBrowserTests {

        @Test
        void plain() {
        }
    }

    private static String run(Optional<String> missing, Class<?>... classes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BrowserTestSummary summary = new BrowserTestSummary(STARTED::get, () -> missing, new PrintStream(out, true, StandardCharsets.UTF_8));
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build());
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        for (Class<?> fixture : classes) {
            request.selectors(selectClass(fixture));
        }
        launcher.execute(request.build(), summary);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutABrowserTheLineSaysHowManyWereSkippedWhyAndHowToGetOne() {
        String line = run(Optional.of("no Chromium at /nowhere/chromium"), BrowserClassWithoutABrowser.class, ABrowserStepWithoutABrowser.class,
                NoBrowserTests.class);

        assertThat(line).isEqualTo("Browser tests: none ran, 3 skipped: no Chromium at /nowhere/chromium. To run them, install Chromium "
                + "and its driver (apt-get install chromium chromium-driver).\n");
    }

    @Test
    void withABrowserTheLineCountsTheTestsThatStartedOne() {
        String line = run(Optional.empty(), BrowserTestsThatRan.class, NoBrowserTests.class);

        assertThat(line).isEqualTo("Browser tests: 2 ran in headless Chromium (" + Browsers.CHROMIUM + ").\n");
    }

    @Test
    void aMixedRunSaysBoth() {
        String line = run(Optional.of("no chromedriver at /nowhere/chromedriver"), BrowserTestsThatRan.class, ABrowserStepWithoutABrowser.class);

        assertThat(line).isEqualTo("Browser tests: 2 ran in headless Chromium, 1 skipped: no chromedriver at /nowhere/chromedriver.\n");
    }

    @Test
    void aRunWithoutBrowserTestsSaysNothing() {
        assertThat(run(Optional.empty(), NoBrowserTests.class)).isEmpty();
    }
}
