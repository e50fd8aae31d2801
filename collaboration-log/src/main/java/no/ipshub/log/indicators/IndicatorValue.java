package no.ipshub.log.indicators;

/**
 * One indicator of one group.
 *
 * @param value        the indicator; null when there is nothing to compute it from
 * @param participants how many distinct participants the value is based on (decides suppression)
 */
public record IndicatorValue(Double value, long participants) {

    static IndicatorValue of(Double value, long participants) {
        return new IndicatorValue(value, participants);
    }
}
