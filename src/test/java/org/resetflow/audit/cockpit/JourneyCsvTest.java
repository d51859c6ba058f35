package org.resetflow.audit.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JourneyCsvTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "=1+1|'=1+1",
            "+1 202 555|'+1 202 555",
            "-bob|'-bob",
            "@SUM(A1)|'@SUM(A1)",
            "alice|alice",
            "a=b|a=b",
            "2001:db8::1|2001:db8::1"})
    void aCellThatASpreadsheetWouldRunIsDefused(String value, String cell) {
        assertThat(JourneyCsv.cell(value)).isEqualTo(cell);
    }

    @Test
    void tabsAndCarriageReturnsAtTheStartAreDefusedToo() {
        assertThat(JourneyCsv.cell("\t=cmd")).isEqualTo("'\t=cmd");
        assertThat(JourneyCsv.cell("\r=cmd")).isEqualTo("\"'\r=cmd\"");
    }

    @Test
    void commasQuotesAndLineBreaksAreQuoted() {
        assertThat(JourneyCsv.cell("Doe, Jane")).isEqualTo("\"Doe, Jane\"");
        assertThat(JourneyCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(JourneyCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(JourneyCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(JourneyCsv.cell("")).isEmpty();
    }

    @Test
    void oneLinePerJourneyAfterTheHeaderWithCrlfEnds() {
        Journey journey = new Journey("pi-1", "flow-1", "alice", "reset", Instant.parse("2025-03-01T10:00:00Z"), null,
                List.of("EMAIL", "SMS"), List.of("EMAIL"), "ACTIVE", "USER", null, "127.0.0.1", true);
        String csv = JourneyCsv.write(List.of(journey, journey));
        assertThat(csv.split("\r\n", -1)).hasSize(4).endsWith("");
        assertThat(csv).contains("\r\nflow-1,pi-1,alice,reset,2025-03-01T10:00:00Z,,EMAIL SMS,EMAIL,ACTIVE,USER,,127.0.0.1,true\r\n");
    }

    @Test
    void theFileNameHoldsOnlySafeCharacters() {
        Window window = new Window(7, Instant.parse("2025-02-23T00:00:00Z"), Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);
        assertThat(JourneyCsv.fileName(window)).isEqualTo("resetflow-journeys-2025-03-01-7d.csv").matches("[a-z0-9.-]+");
    }
}
