package org.resetflow.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GatherEscalationFactsDelegateTest {

    /** The throttling window, as the helpdesk reads it after "3 failed proofs in the last ...". */
    @ParameterizedTest(name = "{0} reads \"{1}\"")
    @CsvSource({
            "PT24H, 24 hours",
            "P1D, 24 hours",
            "P2D, 2 days",
            "PT1H, hour",
            "PT6H, 6 hours",
            "PT30M, 30 minutes",
            "PT90M, 90 minutes",
            "PT36H, 36 hours",
    })
    void theThrottlingWindowReadsAsPlainWords(Duration window, String words) {
        assertThat(GatherEscalationFactsDelegate.readable(window)).isEqualTo(words);
    }
}
