package no.ipshub.operations.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import no.ipshub.engine.kafka.BatchConsumerEndpoint;
import no.ipshub.operations.metrics.CamelRouteMetrics.RouteStatistics;
import no.ipshub.operations.metrics.CamelRouteMetrics;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.spi.RouteController;

/**
 * The hub's Camel routes as operators see them: state, counters, and for Kafka consumers their group and
 * topics. Suspends and resumes routes; a suspended Kafka route keeps its partitions but stops polling, so its
 * lag grows until it is resumed.
 */
public class RouteInspector {

    private final CamelContext camel;
    private final CamelRouteMetrics metrics;

    public RouteInspector(CamelContext camel, CamelRouteMetrics metrics) {
        this.camel = camel;
        this.metrics = metrics;
    }

    /**
     * One route now.
     *
     * @param id            the route id
     * @param state         Camel's status, e.g. Started or Suspended (Suspending while a Kafka consumer is pausing)
     * @param consumerGroup the Kafka consumer group of a route that consumes Kafka; null otherwise
     * @param topics        the topics it consumes; empty for a route that does not consume Kafka
     * @param statistics    its counters since the hub started
     */
    public record RouteInfo(String id, String state, String consumerGroup, List<String> topics,
            RouteStatistics statistics) {

        /** True when the route consumes Kafka with a consumer group. */
        public boolean consumesKafka() {
            return consumerGroup != null;
        }
    }

    /** Every route, by id. */
    public List<RouteInfo> routes() {
        List<RouteInfo> routes = new ArrayList<>();
        RouteController controller = camel.getRouteController();
        for (Route route : camel.getRoutes()) {
            String id = route.getRouteId();
            ServiceStatus status = controller.getRouteStatus(id);
            String group = null;
            List<String> topics = List.of();
            if (route.getEndpoint() instanceof BatchConsumerEndpoint kafka) {
                group = kafka.groupId();
                topics = kafka.topics();
            }
            RouteStatistics stats = metrics.statistics(id).orElse(new RouteStatistics(id, 0, 0, 0, 0, 0));
            routes.add(new RouteInfo(id, state(route, status), group, topics, stats));
        }
        routes.sort(Comparator.comparing(RouteInfo::id));
        return routes;
    }

    /**
     * Camel's status, except that a suspended Kafka route reads "Suspending" until its Kafka consumers have
     * actually paused: Camel pauses them at their next poll, and a batch already fetched is still processed.
     */
    private static String state(Route route, ServiceStatus status) {
        if (status == null) {
            return "Unknown";
        }
        if (status == ServiceStatus.Suspended && route.getEndpoint() instanceof BatchConsumerEndpoint kafka
                && !kafka.isPaused()) {
            return "Suspending";
        }
        return status.name();
    }

    /** The route with this id. */
    public Optional<RouteInfo> route(String id) {
        return routes().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * Suspends a route: it stops taking new work and keeps its resources. Routes whose consumer cannot be
     * suspended are stopped instead, which Camel reports as Stopped.
     *
     * @return false when there is no such route
     */
    public boolean suspend(String id) throws Exception {
        if (camel.getRoute(id) == null) {
            return false;
        }
        camel.getRouteController().suspendRoute(id);
        return true;
    }

    /**
     * Resumes a suspended route, or starts a stopped one.
     *
     * @return false when there is no such route
     */
    public boolean resume(String id) throws Exception {
        if (camel.getRoute(id) == null) {
            return false;
        }
        RouteController controller = camel.getRouteController();
        if (controller.getRouteStatus(id) == ServiceStatus.Stopped) {
            controller.startRoute(id);
        } else {
            controller.resumeRoute(id);
        }
        return true;
    }
}
