package no.ipshub.log.survival;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import no.ipshub.log.disclosure.MeasureGrid;
import no.ipshub.log.suppression.SmallCellSuppressor;
import no.ipshub.log.suppression.Suppression;

/**
 * The time-to-event results made safe to hand out: per measure a column of groups with the {@code ALL} row as its
 * total, suppressed like the indicators; the counts of one outcome (subjects, events, censored, at risk, status) are
 * one statistic for the arithmetic check, the curve's points another, the median a third.
 *
 * @param from        first day of the period (the cohort's referrals, the jobs' starts)
 * @param to          last day of the period
 * @param observedTo  the observation end
 * @param project     the research project
 * @param groupBy     how the groups are formed
 * @param minCellSize the threshold applied
 * @param measures    the measures, in order
 * @param cells       one per group and measure, groups by name, then {@code ALL}
 */
public record PublishedTimeToEvent(LocalDate from, LocalDate to, LocalDate observedTo, String project,
        TimeToEventGrouping groupBy, int minCellSize, List<String> measures, List<Cell> cells) {

    /**
     * One published value.
     *
     * @param group       the team, NAV office, {@code team|navOffice}, or {@code ALL}
     * @param measure     e.g. {@code firstJob.medianDays}
     * @param value       the value (days for medians, 0-1 for survival, counts otherwise), two decimals; null when
     *                    suppressed or not computable
     * @param suppression why it is blank, or NONE
     */
    public record Cell(String group, String measure, Double value, Suppression suppression) {
    }

    /** One grid per measure: the groups as rows of one column, with {@code ALL} as its total. */
    public static List<MeasureGrid> grids(TimeToEventTable table) {
        List<MeasureGrid> grids = new ArrayList<>();
        List<java.util.Map<String, TimeToEventTable.Value>> rows = table.groups().stream().map(TimeToEventTable.Group::values)
                .toList();
        java.util.Map<String, TimeToEventTable.Value> total = table.total().values();
        for (TimeToEventTable.Measure m : TimeToEventTable.measures()) {
            List<Set<String>> groups = rows.stream().map(r -> r.get(m.id()).participantKeys()).toList();
            grids.add(MeasureGrid.column(m.id(), m.statistic(), groups, total.get(m.id()).participantKeys()));
        }
        return grids;
    }

    /** The table with the suppression decided for its {@link #grids}. */
    public static PublishedTimeToEvent of(TimeToEventTable table, String project, int minCellSize,
            List<SmallCellSuppressor.Result> results) {
        List<TimeToEventTable.Measure> measures = TimeToEventTable.measures();
        List<Cell> cells = new ArrayList<>();
        List<TimeToEventTable.Group> groups = new ArrayList<>(table.groups());
        groups.add(table.total());
        for (int g = 0; g < groups.size(); g++) {
            boolean total = g == groups.size() - 1;
            java.util.Map<String, TimeToEventTable.Value> values = groups.get(g).values();
            for (int m = 0; m < measures.size(); m++) {
                SmallCellSuppressor.Result r = results.get(m);
                Suppression s = total ? r.columnTotals()[0] : r.cells()[g][0];
                Double v = values.get(measures.get(m).id()).value();
                cells.add(new Cell(groups.get(g).name(), measures.get(m).id(),
                        s == Suppression.NONE && v != null ? Math.round(v * 1000) / 1000.0 : null, s));
            }
        }
        return new PublishedTimeToEvent(table.from(), table.to(), table.observedTo(), project, table.grouping(), minCellSize,
                measures.stream().map(TimeToEventTable.Measure::id).toList(), cells);
    }
}
