package org.resetflow.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium from Debian's packages ({@code chromium}, {@code chromium-driver}), never a browser a
 * test tool downloads. Browser tests run where both are installed; on CI they must be ({@code .ci/run} installs them).
 * The system properties {@code resetflow.test.chromium} and {@code resetflow.test.chromedriver} point elsewhere (or
 * at nothing, to see the build without a browser). {@link BrowserTestSummary} says at the end of the run how many
 * browser tests ran, or why none did.
 */
public final class Browsers {

    public static final Path CHROMIUM = Path.of(System.getProperty("resetflow.test.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("resetflow.test.chromedriver", "/usr/bin/chromedriver"));
    /** How to get both, on Debian and Ubuntu. */
    public static final String INSTALL = "apt-get install chromium chromium-driver";

    private static final AtomicInteger STARTED = new AtomicInteger();

    private Browsers() {
    }

    /** For {@code @EnabledIf}: there is a browser to drive, or this is CI, where its absence must fail the build. */
    public static boolean available() {
        return missing().isEmpty() || "true".equals(System.getenv("CI"));
    }

    /** For a test that drives a browser in only some of its steps: skipped, with the reason, where there is none. */
    public static void assumeAvailable() {
        Assumptions.assumeTrue(available(), () -> "no browser to drive (Browsers#available): " + missing().orElse(""));
    }

    /** What is not here, such as "no Chromium at /usr/bin/chromium"; empty when both are. */
    public static Optional<String> missing() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(CHROMIUM)) {
            missing.add("no Chromium at " + CHROMIUM);
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            missing.add("no chromedriver at " + CHROMEDRIVER);
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", missing));
    }

    /** How many browsers this JVM has started, for {@link BrowserTestSummary}. */
    static int started() {
        return STARTED.get();
    }

    public static ChromeDriver start(boolean javascript, int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height, "--lang=en-GB", "--force-device-scale-factor=1");
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        STARTED.incrementAndGet();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
