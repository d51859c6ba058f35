package org.resetflow.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Settings for running the embedded profile in a test: its own data folder and free ports, generous client limits. */
public final class EmbeddedTestDefaults {

    private EmbeddedTestDefaults() {
    }

    public static Path newDataDirectory() {
        try {
            return Files.createTempDirectory("resetflow-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, Object> properties(Path dataDirectory, int cloudPort, int onPremisesPort) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("resetflow.data-directory", dataDirectory.toString());
        properties.put("resetflow.embedded-directories.cloud-port", cloudPort);
        properties.put("resetflow.embedded-directories.on-premises-port", onPremisesPort);
        properties.put("resetflow.throttling.client-starts-per-hour", 10_000);
        properties.put("resetflow.throttling.client-requests-per-minute", 100_000);
        // every test signs in from 127.0.0.1: only the accounts' allowances are under test (RateLimitsTest has the clients')
        properties.put("resetflow.throttling.staff-sign-in.failures-per-client", 1000);
        // Retries come due within a second in tests: the job executor must not idle long.
        properties.put("camunda.bpm.job-execution.wait-time-in-millis", 200);
        properties.put("camunda.bpm.job-execution.max-wait", 500);
        return properties;
    }
}
