package no.ipshub.log.indicators;

import java.time.LocalDate;
import java.util.List;

/**
 * Indicators for a period, one row per group and a last row {@link IndicatorRow#ALL} over every case.
 *
 * @param from    first day of the period
 * @param to      last day of the period; events after it are not counted
 * @param groupBy how the rows are grouped
 * @param groups  one row per group, ordered by group name
 * @param total   the row over every case
 */
public record IndicatorTable(LocalDate from, LocalDate to, GroupBy groupBy, List<IndicatorRow> groups, IndicatorRow total) {

    public IndicatorTable {
        groups = List.copyOf(groups);
    }
}
