package org.resetflow.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.resetflow.testing.JourneyApi;

/** No account enumeration: unknown usernames and mismatched contacts look, and take, the same as known ones. */
@Order(DemoJourneys.NO_ENUMERATION)
class DemoNoEnumerationEndToEndTest extends DemoJourneys {

    @Test
    void anUnknownUsernameGetsTheSameAnswersAsARegisteredUser() {
        JourneyApi.Response known = api.start("resets", "alice");
        JourneyApi.Response unknown = api.start("resets", "nobody.at.all");
        assertThat(unknown.status()).isEqualTo(known.status()).isEqualTo(201);
        assertThat(fieldNames(unknown.body())).isEqualTo(fieldNames(known.body()));
        assertThat(unknown.body().path("step").path("form")).isEqualTo(known.body().path("step").path("form"));
        assertThat(unknown.body().path("step").path("total")).isEqualTo(known.body().path("step").path("total"));

        JourneyApi.Response knownSent = choose(api.flow("resets", known), "EMAIL", "alice.alt@example.org");
        JourneyApi.Response unknownSent = choose(api.flow("resets", unknown), "EMAIL", "nobody@example.org");
        assertThat(unknownSent.status()).isEqualTo(knownSent.status());
        assertThat(unknownSent.body().path("step")).isEqualTo(knownSent.body().path("step"));
        assertThat(api.outbox("nobody@example.org")).isEmpty();
        JourneyApi.Response guess = api.submit(api.flow("resets", unknown), "enterCode", Map.of("code", "12345678"));
        assertThat(guess.status()).isEqualTo(422);
        assertThat(guess.body().path("errors").get(0).path("code").asText()).isEqualTo("CODE_WRONG");
    }

    @Test
    void aContactThatDoesNotMatchSendsNothingAndLooksTheSame() {
        int before = api.outbox("bob.alt@example.org").size();
        JourneyApi.Flow flow = api.flow("resets", api.start("resets", "bob"));
        JourneyApi.Response mismatch = choose(flow, "EMAIL", "someone.else@example.org");
        assertThat(mismatch.status()).isEqualTo(200);
        assertThat(mismatch.stepKey()).isEqualTo("enterCode");
        assertThat(mismatch.body().path("messages")).isEmpty();
        assertThat(api.outbox("someone.else@example.org")).isEmpty();
        assertThat(api.outbox("bob.alt@example.org")).hasSize(before);

        JourneyApi.Flow again = api.flow("resets", api.start("resets", "bob"));
        choose(again, "EMAIL", "BOB.ALT@EXAMPLE.ORG");
        assertThat(api.outbox("bob.alt@example.org")).hasSize(before + 1);
        codeSentTo("bob.alt@example.org");

        int texts = api.outbox("+12025550102").size();
        choose(api.flow("resets", api.start("resets", "bob")), "SMS", "+12025550102");
        choose(api.flow("resets", api.start("resets", "bob")), "VOICE_MOBILE", "+1 202 555 0102");
        assertThat(api.outbox("+12025550102")).hasSize(texts + 2);
        codeSentTo("+12025550102");
    }

    @Test
    void anUnknownUsernameTakesAboutAsLongAsAKnownOne() {
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int round = 0; round < 12; round++) {
            known.add(timeStart("alice"));
            unknown.add(timeStart("nobody-" + round));
        }
        long knownMedian = median(known);
        long unknownMedian = median(unknown);
        assertThat(Math.abs(knownMedian - unknownMedian)).as("median start times %d ms and %d ms", knownMedian, unknownMedian)
                .isLessThan(100);
    }

    private long timeStart(String username) {
        long start = System.nanoTime();
        assertThat(api.start("resets", username).status()).isEqualTo(201);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
