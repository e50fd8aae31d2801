package no.ipshub.operations.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;

/**
 * Counts what every Camel route does (exchanges total, failed, in flight, mean and max processing time)
 * and exports it as Micrometer meters tagged with the route id. It hooks into each route as a route
 * policy, which Camel applies to every route it creates, so no route has to opt in.
 *
 * <p>{@link #statistics()} gives the same figures to the operations pages.
 */
public class CamelRouteMetrics implements RoutePolicyFactory, MeterBinder {

    private final Map<String, RouteCounters> routes = new ConcurrentHashMap<>();
    private volatile MeterRegistry registry;

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        return new CountingPolicy();
    }

    @Override
    public void bindTo(MeterRegistry meterRegistry) {
        this.registry = meterRegistry;
        routes.values().forEach(counters -> counters.register(meterRegistry));
    }

    /** The figures of every route seen so far, by route id. */
    public List<RouteStatistics> statistics() {
        List<RouteStatistics> all = new ArrayList<>();
        routes.values().forEach(counters -> all.add(counters.snapshot()));
        all.sort(Comparator.comparing(RouteStatistics::routeId));
        return all;
    }

    /** The figures of one route. */
    public Optional<RouteStatistics> statistics(String routeId) {
        return Optional.ofNullable(routes.get(routeId)).map(RouteCounters::snapshot);
    }

    /**
     * What one route has done since the hub started.
     *
     * @param routeId            the Camel route id
     * @param exchangesTotal     exchanges completed, successfully or not
     * @param exchangesFailed    exchanges that ended with an exception
     * @param exchangesInflight  exchanges being processed now
     * @param meanProcessingMillis mean processing time of completed exchanges, 0 before the first
     * @param maxProcessingMillis  longest processing time so far
     */
    public record RouteStatistics(String routeId, long exchangesTotal, long exchangesFailed,
            long exchangesInflight, double meanProcessingMillis, long maxProcessingMillis) {
    }

    private final class CountingPolicy extends RoutePolicySupport {

        @Override
        public void onInit(Route route) {
            RouteCounters counters = routes.computeIfAbsent(route.getRouteId(), RouteCounters::new);
            MeterRegistry current = registry;
            if (current != null) {
                counters.register(current);
            }
        }

        @Override
        public void onRemove(Route route) {
            RouteCounters counters = routes.remove(route.getRouteId());
            MeterRegistry current = registry;
            if (counters != null && current != null) {
                counters.unregister(current);
            }
        }

        @Override
        public void onExchangeBegin(Route route, Exchange exchange) {
            RouteCounters counters = routes.get(route.getRouteId());
            if (counters != null) {
                counters.inflight.incrementAndGet();
            }
        }

        @Override
        public void onExchangeDone(Route route, Exchange exchange) {
            RouteCounters counters = routes.get(route.getRouteId());
            if (counters != null) {
                counters.done(exchange.getClock().elapsed(), exchange.isFailed());
            }
        }
    }

    private static final class RouteCounters {
        private final String routeId;
        private final LongAdder total = new LongAdder();
        private final LongAdder failed = new LongAdder();
        private final AtomicLong inflight = new AtomicLong();
        private final LongAdder processingMillis = new LongAdder();
        private final LongAccumulator maxMillis = new LongAccumulator(Math::max, 0);
        private final List<Meter> meters = new ArrayList<>();

        RouteCounters(String routeId) {
            this.routeId = routeId;
        }

        void done(long elapsedMillis, boolean hasFailed) {
            inflight.decrementAndGet();
            total.increment();
            if (hasFailed) {
                failed.increment();
            }
            processingMillis.add(Math.max(0, elapsedMillis));
            maxMillis.accumulate(elapsedMillis);
        }

        double meanMillis() {
            long count = total.sum();
            return count == 0 ? 0 : (double) processingMillis.sum() / count;
        }

        RouteStatistics snapshot() {
            return new RouteStatistics(routeId, total.sum(), failed.sum(), Math.max(0, inflight.get()),
                    meanMillis(), maxMillis.get());
        }

        synchronized void register(MeterRegistry registry) {
            unregister(registry);
            meters.add(FunctionCounter.builder("camel.route.exchanges", total, LongAdder::doubleValue)
                .tag("route", routeId).description("Exchanges completed by the route").register(registry));
            meters.add(FunctionCounter.builder("camel.route.exchanges.failed", failed, LongAdder::doubleValue)
                .tag("route", routeId).description("Exchanges that ended with an exception").register(registry));
            meters.add(Gauge.builder("camel.route.exchanges.inflight", inflight, AtomicLong::doubleValue)
                .tag("route", routeId).description("Exchanges being processed now").register(registry));
            meters.add(TimeGauge.builder("camel.route.processing.mean", this, TimeUnit.MILLISECONDS,
                    RouteCounters::meanMillis)
                .tag("route", routeId).description("Mean processing time of an exchange").register(registry));
            meters.add(TimeGauge.builder("camel.route.processing.max", maxMillis, TimeUnit.MILLISECONDS,
                    LongAccumulator::doubleValue)
                .tag("route", routeId).description("Longest processing time of an exchange").register(registry));
        }

        synchronized void unregister(MeterRegistry registry) {
            meters.forEach(registry::remove);
            meters.clear();
        }
    }
}
