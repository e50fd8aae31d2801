package no.ipshub.log.indicators;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import no.ipshub.log.disclosure.MeasureGrid;
import no.ipshub.log.suppression.SmallCellSuppressor;
import no.ipshub.log.suppression.Suppression;

/**
 * An indicator table made safe to hand out: every value from fewer participants than the threshold is blank
 * and flagged, further values are blanked so that none can be worked out from the {@code ALL} row, and values that
 * together with an earlier answer would single out a small group are blanked too.
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

    /** One grid per indicator: the groups as rows of one column, with the {@code ALL} row as its total. */
    public static List<MeasureGrid> grids(IndicatorTable table) {
        List<MeasureGrid> grids = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            List<Set<String>> groups = table.groups().stream().map(r -> r.values().get(indicator).participantKeys()).toList();
            grids.add(MeasureGrid.column(indicator.id(), indicator.statistic(), groups,
                    table.total().values().get(indicator).participantKeys()));
        }
        return grids;
    }

    /** The table with the suppression decided for its {@link #grids}, one result per indicator. */
    public static PublishedIndicators of(IndicatorTable table, int minCellSize, List<SmallCellSuppressor.Result> results) {
        Indicator[] indicators = Indicator.values();
        List<IndicatorRow> rows = table.groups();
        List<Cell> cells = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < indicators.length; c++) {
                cells.add(cell(rows.get(r), indicators[c], results.get(c).cells()[r][0]));
            }
        }
        for (int c = 0; c < indicators.length; c++) {
            cells.add(cell(table.total(), indicators[c], results.get(c).columnTotals()[0]));
        }
        return new PublishedIndicators(table.from(), table.to(), table.groupBy(), minCellSize, cells);
    }

    private static Cell cell(IndicatorRow row, Indicator indicator, Suppression suppression) {
        Double value = row.values().get(indicator).value();
        Double shown = suppression != Suppression.NONE || value == null ? null : Math.round(value * 100) / 100.0;
        return new Cell(row.group(), indicator.id(), shown, suppression);
    }
}
