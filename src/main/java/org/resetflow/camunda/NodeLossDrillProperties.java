package org.resetflow.camunda;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code resetflow.testing.*}: TEST ONLY ({@link NodeLossDrill}).
 *
 * @param drillDirectory the folder of the node-loss test's hold points and pauses, shared by the test's nodes; unset
 *                       (the default, and always in production): no drill
 */
@ConfigurationProperties("resetflow.testing")
public record NodeLossDrillProperties(Path drillDirectory) {
}
