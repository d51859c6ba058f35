package org.resetflow.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.resetflow.testing.JourneyApi;

/** A locked-out demo user unlocks the account without a new password. */
@Order(DemoJourneys.UNLOCK)
class DemoUnlockEndToEndTest extends DemoJourneys {

    @Test
    void ginaUnlocksHerAccountWithoutChangingThePassword() {
        assertThat(Directories.canBind(CLOUD_PORT, Directories.CLOUD, "gina", DEMO_PASSWORD)).as("locked at first").isFalse();
        JourneyApi.Response started = api.start("unlocks", "gina");
        assertThat(started.body().path("step").path("total").asInt()).isEqualTo(2);
        JourneyApi.Flow flow = api.flow("unlocks", started);
        choose(flow, "EMAIL", "gina.alt@example.org");
        JourneyApi.Response done = api.submit(flow, "enterCode", Map.of("code", codeSentTo("gina.alt@example.org")));
        assertThat(done.field("status")).isEqualTo("COMPLETED");
        assertThat(done.body().path("messages").get(0).path("code").asText()).isEqualTo("completed.unlock");
        assertThat(Directories.canBind(CLOUD_PORT, Directories.CLOUD, "gina", DEMO_PASSWORD)).isTrue();
    }
}
