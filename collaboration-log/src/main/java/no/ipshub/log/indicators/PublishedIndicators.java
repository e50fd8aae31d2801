package no.ipshub.log.indicators;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.ipshub.log.suppression.SmallCellSuppressor;
import no.ipshub.log.suppression.Suppression;

/**
 * An indicator table made safe to hand out: every value from fewer participants than the threshold is blank
 * and flagged, and further values are blanked so that none can be worked out from the {@code ALL} row.
 *
 * @param from        first day of the period
 * @param to          last day of the period
 * @param groupBy     how the rows are grouped
 * @param minCellSize the threshold applied
 * @param cells       one cell per group and indicator, groups in table order, then the {@code ALL} row
 */
public record PublishedIndicators(LocalDate from, LocalDate to, GroupBy groupBy, int minCellSize, List<Cell> cells) {

    /**
     * One published value.
     *
     * @param group       the group, or {@code ALL}
     * @param indicator   the indicator's id
     * @param value       the value, rounded to two decimals; null when suppressed or not computable
     * @param suppression why it is blank, or NONE
     */
    public record Cell(String group, String indicator, Double value, Suppression suppression) {
    }

    /** Applies small-cell suppression, with the ALL row as the published total of each indicator. */
    public static PublishedIndicators of(IndicatorTable table, SmallCellSuppressor suppressor) {
        Indicator[] indicators = Indicator.values();
        List<IndicatorRow> rows = table.groups();
        long[][] participants = new long[rows.size()][indicators.length];
        long[] totals = new long[indicators.length];
        for (int c = 0; c < indicators.length; c++) {
            for (int r = 0; r < rows.size(); r++) {
                participants[r][c] = rows.get(r).values().get(indicators[c]).participants();
            }
            totals[c] = table.total().values().get(indicators[c]).participants();
        }
        SmallCellSuppressor.Result result = suppressor.suppress(participants, null, totals);
        List<Cell> cells = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < indicators.length; c++) {
                cells.add(cell(rows.get(r), indicators[c], result.cells()[r][c]));
            }
        }
        for (int c = 0; c < indicators.length; c++) {
            cells.add(cell(table.total(), indicators[c], result.columnTotals()[c]));
        }
        return new PublishedIndicators(table.from(), table.to(), table.groupBy(), suppressor.minCellSize(), cells);
    }

    private static Cell cell(IndicatorRow row, Indicator indicator, Suppression suppression) {
        Double value = row.values().get(indicator).value();
        Double shown = suppression != Suppression.NONE || value == null ? null : Math.round(value * 100) / 100.0;
        return new Cell(row.group(), indicator.id(), shown, suppression);
    }
}
