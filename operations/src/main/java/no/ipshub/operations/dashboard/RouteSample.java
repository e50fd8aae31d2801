package no.ipshub.operations.dashboard;

import java.time.Instant;
import java.util.Map;

/**
 * The cumulative counters of every route at one moment; rates come from the difference of two samples.
 *
 * @param at     when the sample was taken
 * @param routes counters by route id
 */
public record RouteSample(Instant at, Map<String, Counters> routes) {

    public RouteSample {
        routes = Map.copyOf(routes);
    }

    /**
     * One route's counters.
     *
     * @param exchanges        exchanges completed since the hub started
     * @param failed           exchanges that failed since the hub started
     * @param committedRecords sum of the committed offsets of the route's consumer group over its topics: records
     *                         the route has finished; null for a route that does not consume Kafka, or when Kafka
     *                         did not answer
     */
    public record Counters(long exchanges, long failed, Long committedRecords) {
    }
}
