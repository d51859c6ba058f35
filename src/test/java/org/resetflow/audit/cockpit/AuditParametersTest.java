package org.resetflow.audit.cockpit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the audit accepts as a window, a search and paging, and the 400 it gives for anything else. */
class AuditParametersTest {

    static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void theDefaultWindowIsTheLast30CalendarDaysWithToday() {
        Window window = Window.lastDays(null, NOW, ZoneOffset.UTC);
        assertThat(window.days()).isEqualTo(30);
        assertThat(window.from()).isEqualTo(Instant.parse("2025-01-31T00:00:00Z"));
        assertThat(window.until()).isEqualTo(NOW);
        assertThat(window.dates()).hasSize(30).first().hasToString("2025-01-31");
        assertThat(window.dates()).last().hasToString("2025-03-01");
    }

    @Test
    void daysBeginAtMidnightInTheServersZone() {
        Window window = Window.lastDays("1", NOW, ZoneId.of("Europe/Berlin"));
        assertThat(window.from()).isEqualTo(Instant.parse("2025-02-28T23:00:00Z"));
        assertThat(window.dates()).singleElement().hasToString("2025-03-01");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5", "0", "367", "1e9", "10^9", "thirty", "2147483648"})
    void aWindowOutsideOneToAYearIsABadRequest(String days) {
        assertThatThrownBy(() -> Window.lastDays(days, NOW, ZoneOffset.UTC))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getStatus().getStatusCode()).isEqualTo(400))
                .hasMessage("'days' must be a whole number from 1 to 366");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice' OR '1'='1", "alice;--", "a%", "a b", "<script>", "x\\y"})
    void aSearchWithAnythingButNameCharactersIsABadRequest(String search) {
        assertThatThrownBy(() -> search(search, null, null, null)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("'search'");
    }

    @Test
    void aSearchFindsAnyPartOfAUsernameWithUnderscoresTakenLiterally() {
        assertThat(search("  Jane_Doe@Example.org ", null, null, null).usernamePattern()).isEqualTo("%jane!_doe@example.org%");
        assertThat(search("2001:db8::1", null, null, null).search()).isEqualTo("2001:db8::1");
        assertThat(search("Émile", null, null, null).search()).isEqualTo("Émile");
        assertThat(search("", null, null, null).usernamePattern()).isNull();
        assertThatThrownBy(() -> search("a".repeat(101), null, null, null)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void filtersTakeTheirValuesIgnoringCase() {
        JourneySearch search = search(null, "locked_out", "UNLOCK", "sms");
        assertThat(List.of(search.outcome(), search.journey(), search.method())).containsExactly("LOCKED_OUT", "unlock", "SMS");
        assertThat(search(null, "CANCELLED", null, null).outcome()).isEqualTo("CANCELLED");
        assertThatThrownBy(() -> search(null, "DONE", null, null)).hasMessageContaining("'outcome' must be one of ACTIVE, COMPLETED");
        assertThatThrownBy(() -> search(null, null, "reset%", null)).hasMessage("'journey' must be one of reset, unlock, registration");
        assertThatThrownBy(() -> search(null, null, null, "PIGEON")).hasMessageContaining("'method'");
    }

    @Test
    void pagingIsBounded() {
        assertThat(RequestParameters.integer("maxResults", null, 25, 1, 200)).isEqualTo(25);
        assertThat(RequestParameters.integer("maxResults", " 200 ", 25, 1, 200)).isEqualTo(200);
        assertThatThrownBy(() -> RequestParameters.integer("maxResults", "1000000000", 25, 1, 200))
                .hasMessage("'maxResults' must be a whole number from 1 to 200");
    }

    private static JourneySearch search(String search, String outcome, String journey, String method) {
        return JourneySearch.of(Window.lastDays(null, NOW, ZoneOffset.UTC), search, outcome, journey, method);
    }
}
