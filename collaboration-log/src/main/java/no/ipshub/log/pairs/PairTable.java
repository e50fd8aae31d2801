package no.ipshub.log.pairs;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The collaboration picture of a period: for every treatment team and NAV office pair, each measure per month,
 * with the pair's value over the whole period (row total) and each month's value over all pairs (column total).
 *
 * @param from     first day of the period
 * @param to       last day of the period
 * @param months   the calendar months of the period, {@code yyyy-MM}
 * @param pairs    the pairs, by team and NAV office
 * @param measures one table per measure, in {@link PairPictureCalculator#MEASURES} order
 */
public record PairTable(LocalDate from, LocalDate to, List<String> months, List<Pair> pairs, List<Measure> measures) {

    /**
     * A treatment team and a NAV office that share cases.
     *
     * @param team      partner id of the treatment team
     * @param navOffice partner id of the NAV office
     */
    public record Pair(String team, String navOffice) {
    }

    /**
     * One measure over pairs and months.
     *
     * @param id         the measure: an indicator id, or {@code entries.<KIND>} for a count of entries of a kind
     * @param cells      {@code [pair][month]}
     * @param pairTotals per pair, over the whole period
     * @param monthTotals per month, over all pairs
     */
    public record Measure(String id, List<List<Value>> cells, List<Value> pairTotals, List<Value> monthTotals) {
    }

    /**
     * One value and who is behind it.
     *
     * @param value           the value; null when nothing to compute it from
     * @param participantKeys the participants behind it (their number decides suppression)
     */
    public record Value(Double value, Set<String> participantKeys) {

        public Value {
            participantKeys = Set.copyOf(participantKeys);
        }
    }
}
