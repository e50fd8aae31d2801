package no.ipshub.log.fidelity;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The IPS-25 evidence of a period: one row per treatment team, and a last row {@code ALL} over every case.
 *
 * @param from  first day of the period
 * @param to    last day of the period
 * @param teams one row per team, by name
 * @param total the row over every case
 */
public record FidelityTable(LocalDate from, LocalDate to, List<Row> teams, Row total) {

    public FidelityTable {
        teams = List.copyOf(teams);
    }

    /**
     * The items of one team measured from events.
     *
     * @param team  the team's partner id, or {@code ALL}
     * @param items one measure per item the events can evidence
     */
    public record Row(String team, Map<FidelityItem, ItemMeasure> items) {

        public Row {
            items = Map.copyOf(items);
        }
    }
}
