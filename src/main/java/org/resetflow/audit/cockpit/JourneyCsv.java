package org.resetflow.audit.cockpit;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The journey list as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted where needed). Usernames and
 * client addresses come from anonymous users, so a cell that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, a tab or a carriage return) is prefixed with a single quote.
 */
final class JourneyCsv {

    static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

    private record Column(String header, Function<Journey, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("flow id", Journey::flowId),
            new Column("process instance", Journey::processInstanceId),
            new Column("user", Journey::username),
            new Column("journey", Journey::journey),
            new Column("started", Journey::started),
            new Column("ended", Journey::ended),
            new Column("methods tried", journey -> String.join(" ", journey.methods())),
            new Column("verified by", journey -> String.join(" ", journey.verifiedMethods())),
            new Column("outcome", Journey::outcome),
            new Column("reason", Journey::reason),
            new Column("node", Journey::node),
            new Column("client address", Journey::clientAddress),
            new Column("account known", Journey::accountKnown));

    private JourneyCsv() {
    }

    static String write(List<Journey> journeys) {
        StringBuilder csv = new StringBuilder();
        line(csv, COLUMNS.stream().map(Column::header).toList());
        for (Journey journey : journeys) {
            line(csv, COLUMNS.stream().map(column -> Objects.toString(column.value().apply(journey), "")).toList());
        }
        return csv.toString();
    }

    /** A name made only of safe characters: the date the window ends and its length. */
    static String fileName(Window window) {
        return "resetflow-journeys-" + LocalDate.ofInstant(window.until(), window.zone()) + "-" + window.days() + "d.csv";
    }

    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quoted = safe.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return quoted ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    private static void line(StringBuilder csv, List<String> values) {
        csv.append(String.join(",", values.stream().map(JourneyCsv::cell).toList())).append("\r\n");
    }
}
