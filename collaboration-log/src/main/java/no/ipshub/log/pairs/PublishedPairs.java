package no.ipshub.log.pairs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import no.ipshub.log.disclosure.MeasureGrid;
import no.ipshub.log.indicators.IndicatorRow;
import no.ipshub.log.suppression.SmallCellSuppressor;
import no.ipshub.log.suppression.Suppression;

/**
 * The collaboration picture made safe to hand out: per measure a table of pairs by months with both totals,
 * suppressed like any table with row and column totals, plus the differencing check.
 *
 * @param from        first day of the period
 * @param to          last day of the period
 * @param minCellSize the threshold applied
 * @param months      the months of the period
 * @param pairs       the team and NAV office pairs
 * @param measures    the measures, indicators first
 * @param cells       per measure, pair and month; {@code month = ALL} is the pair over the period, {@code team =
 *                    navOffice = ALL} the month over all pairs
 */
public record PublishedPairs(LocalDate from, LocalDate to, int minCellSize, List<String> months, List<PairTable.Pair> pairs,
        List<String> measures, List<Cell> cells) {

    /**
     * One published value.
     *
     * @param team        the team, or ALL
     * @param navOffice   the NAV office, or ALL
     * @param month       {@code yyyy-MM}, or ALL
     * @param measure     the measure
     * @param value       the value, two decimals; null when suppressed or not computable
     * @param suppression why it is blank, or NONE
     */
    public record Cell(String team, String navOffice, String month, String measure, Double value, Suppression suppression) {
    }

    /** One grid per measure. */
    public static List<MeasureGrid> grids(PairTable table) {
        return table.measures().stream().map(m -> new MeasureGrid(m.id(), PairPictureCalculator.statistic(m.id()),
                m.cells().stream().map(row -> row.stream().map(PairTable.Value::participantKeys).toList()).toList(),
                participants(m.pairTotals()), participants(m.monthTotals()))).toList();
    }

    private static List<Set<String>> participants(List<PairTable.Value> values) {
        return values.stream().map(PairTable.Value::participantKeys).toList();
    }

    /** The picture with the suppression decided for its {@link #grids}. */
    public static PublishedPairs of(PairTable table, int minCellSize, List<SmallCellSuppressor.Result> results) {
        List<Cell> cells = new ArrayList<>();
        for (int m = 0; m < table.measures().size(); m++) {
            PairTable.Measure measure = table.measures().get(m);
            SmallCellSuppressor.Result result = results.get(m);
            for (int p = 0; p < table.pairs().size(); p++) {
                PairTable.Pair pair = table.pairs().get(p);
                for (int month = 0; month < table.months().size(); month++) {
                    cells.add(cell(pair.team(), pair.navOffice(), table.months().get(month), measure.id(),
                            measure.cells().get(p).get(month), result.cells()[p][month]));
                }
                cells.add(cell(pair.team(), pair.navOffice(), IndicatorRow.ALL, measure.id(), measure.pairTotals().get(p),
                        result.rowTotals()[p]));
            }
            for (int month = 0; month < table.months().size(); month++) {
                cells.add(cell(IndicatorRow.ALL, IndicatorRow.ALL, table.months().get(month), measure.id(),
                        measure.monthTotals().get(month), result.columnTotals()[month]));
            }
        }
        return new PublishedPairs(table.from(), table.to(), minCellSize, table.months(), table.pairs(),
                table.measures().stream().map(PairTable.Measure::id).toList(), cells);
    }

    private static Cell cell(String team, String navOffice, String month, String measure, PairTable.Value value,
            Suppression suppression) {
        Double shown = suppression != Suppression.NONE || value.value() == null ? null
                : Math.round(value.value() * 100) / 100.0;
        return new Cell(team, navOffice, month, measure, shown, suppression);
    }
}
