package no.ipshub.log.disclosure;

import java.util.List;
import java.util.Set;

/**
 * One measure of an answer as a table to be suppressed: the participants behind each inner cell, and behind the
 * published totals of its rows and columns where there are any.
 *
 * @param measure      what the cells measure, e.g. the indicator {@code referrals}; a line of the table with a shown
 *                     total and one blank cell takes a second blank (secondary suppression)
 * @param statistic    what the measure's values count or sum: values of one statistic, across measures and answers,
 *                     are checked together for arithmetic that would single out a small group (usually the measure
 *                     itself; {@code tte.firstJob.participants} for every count of the time-to-event answer)
 * @param cells        participants per inner cell, {@code [row][column]}
 * @param rowTotals    participants per row total; null when rows have no published total
 * @param columnTotals participants per column total; null when columns have none
 */
public record MeasureGrid(String measure, String statistic, List<List<Set<String>>> cells, List<Set<String>> rowTotals,
        List<Set<String>> columnTotals) {

    /** A grid whose statistic is the measure itself. */
    public MeasureGrid(String measure, List<List<Set<String>>> cells, List<Set<String>> rowTotals,
            List<Set<String>> columnTotals) {
        this(measure, measure, cells, rowTotals, columnTotals);
    }

    /** A grid of one column with a published total: groups of a table and its {@code ALL} row. */
    public static MeasureGrid column(String measure, List<Set<String>> groups, Set<String> total) {
        return column(measure, measure, groups, total);
    }

    /** A grid of one column with a published total, of the given statistic. */
    public static MeasureGrid column(String measure, String statistic, List<Set<String>> groups, Set<String> total) {
        return new MeasureGrid(measure, statistic, groups.stream().map(List::of).toList(), null, List.of(total));
    }

    int rows() {
        return cells.size();
    }

    int columns() {
        return cells.isEmpty() ? (columnTotals == null ? 0 : columnTotals.size()) : cells.get(0).size();
    }

    long[][] counts() {
        long[][] counts = new long[rows()][columns()];
        for (int r = 0; r < rows(); r++) {
            for (int c = 0; c < columns(); c++) {
                counts[r][c] = cells.get(r).get(c).size();
            }
        }
        return counts;
    }

    static long[] sizes(List<Set<String>> totals) {
        return totals == null ? null : totals.stream().mapToLong(Set::size).toArray();
    }
}
