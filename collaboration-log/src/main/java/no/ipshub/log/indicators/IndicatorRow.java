package no.ipshub.log.indicators;

import java.util.Map;

/**
 * The indicators of one group: a team, a NAV office, a month ({@code yyyy-MM}), or {@link #ALL} for the
 * whole period.
 *
 * @param group  the group's name
 * @param values every indicator of the group
 */
public record IndicatorRow(String group, Map<Indicator, IndicatorValue> values) {

    /** The group of the row over all cases. */
    public static final String ALL = "ALL";

    public IndicatorRow {
        values = Map.copyOf(values);
    }
}
