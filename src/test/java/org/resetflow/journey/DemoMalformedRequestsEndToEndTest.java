package org.resetflow.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.resetflow.testing.RawHttp;

/**
 * A fuzz test of the HTTP layer: generated malformed requests ({@link MalformedRequests}) against the running
 * application, none of which may get a 5xx or an ERROR in the log. Briefly in the default build
 * ({@code resetflow.fuzz.tries}: 500 requests, a few seconds), long in the {@code integration} profile (20,000).
 * A failure names the seed; {@code -Dresetflow.fuzz.seed=...} generates the same requests again.
 */
@Order(DemoJourneys.BAD_REQUESTS)
class DemoMalformedRequestsEndToEndTest extends DemoJourneys {

    @Test
    void noGeneratedMalformedRequestGetsA5xxOrAnErrorInTheLog() {
        int tries = Integer.getInteger("resetflow.fuzz.tries", 500);
        long seed = Long.getLong("resetflow.fuzz.seed", System.nanoTime());
        MalformedRequests requests = new MalformedRequests(seed);
        RawHttp http = new RawHttp(port);
        List<String> failures = new ArrayList<>();
        int mark = log.mark();
        for (int i = 0; i < tries && failures.size() < 5; i++) {
            MalformedRequests.Request request = requests.next();
            RawHttp.Answer answer = http.send(request.head(), request.body());
            if (answer.status() >= 500) {
                failures.add("request " + (i + 1) + " got " + answer.status() + ":\n" + request.describe());
            }
        }
        assertThat(failures).as("seed %d (-Dresetflow.fuzz.seed=%d to repeat), %d tries", seed, seed, tries).isEmpty();
        assertThat(log.since(mark)).as("seed %d: what the requests logged", seed)
                .noneMatch(line -> line.startsWith("ERROR ")).noneMatch(line -> line.contains("\tat "));
    }
}
