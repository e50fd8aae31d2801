package no.ipshub.log.indicators;

import java.util.Set;

/**
 * One indicator of one group.
 *
 * @param value          the indicator; null when there is nothing to compute it from
 * @param participantKeys the distinct participants the value is based on (their number decides suppression; the
 *                        set itself lets a later query be checked for differencing against this one)
 */
public record IndicatorValue(Double value, Set<String> participantKeys) {

    public IndicatorValue {
        participantKeys = Set.copyOf(participantKeys);
    }

    public static IndicatorValue of(Double value, Set<String> participantKeys) {
        return new IndicatorValue(value, participantKeys);
    }

    /** How many distinct participants the value is based on. */
    public long participants() {
        return participantKeys.size();
    }
}
