package no.ipshub.operations.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.ipshub.engine.supervision.LoopStatus;
import no.ipshub.engine.supervision.SupervisedLoops;
import no.ipshub.operations.deadletter.DeadLetterCounts;
import no.ipshub.operations.deadletter.DeadLetterStore;
import no.ipshub.partners.Partner;
import no.ipshub.partners.PartnerDirectory;

/**
 * Everything the dashboard and {@code /api/v1/ops/...} show, in one place, so the page and the JSON always agree.
 * Route counters and health come live (cheap); lag and throughput from the latest samples; registry and health
 * through short caches.
 */
public class OpsOverview {

    private final RouteInspector routes;
    private final OpsSampler sampler;
    private final DeadLetterStore deadLetters;
    private final PartnerDirectory partners;
    private final PartnerActivity activity;
    private final RegistryOverview registry;
    private final HealthOverview health;
    private final SupervisedLoops loops;
    private final OpsProperties properties;

    public OpsOverview(RouteInspector routes, OpsSampler sampler, DeadLetterStore deadLetters,
            PartnerDirectory partners, PartnerActivity activity, RegistryOverview registry, HealthOverview health,
            SupervisedLoops loops, OpsProperties properties) {
        this.routes = routes;
        this.sampler = sampler;
        this.deadLetters = deadLetters;
        this.partners = partners;
        this.activity = activity;
        this.registry = registry;
        this.health = health;
        this.loops = loops;
        this.properties = properties;
    }

    /**
     * One route for operators.
     *
     * @param id                   the route id
     * @param state                Started, Suspended, Stopped, ...
     * @param consumerGroup        its Kafka consumer group; null when it does not consume Kafka
     * @param topics               the topics it consumes
     * @param exchangesTotal       exchanges completed since the hub started (a batching route's exchange is a batch)
     * @param exchangesFailed      exchanges that ended with an exception
     * @param exchangesInflight    exchanges in progress
     * @param meanProcessingMillis mean processing time of an exchange
     * @param maxProcessingMillis  longest processing time of an exchange
     * @param exchangesPerSecond   exchanges per second over {@code hub.ops.rate-window}; null before two samples
     * @param recordsPerSecond     Kafka records committed per second over that window; null when not known
     * @param lag                  records its consumer group has not yet committed; null when not known
     * @param lagAlert             true when its lag on one of its topics is an alert ({@code hub.ops.lag-alert.*})
     */
    public record RouteView(String id, String state, String consumerGroup, List<String> topics, long exchangesTotal,
            long exchangesFailed, long exchangesInflight, double meanProcessingMillis, long maxProcessingMillis,
            Double exchangesPerSecond, Double recordsPerSecond, Long lag, boolean lagAlert) {
    }

    /**
     * Throughput history for the chart.
     *
     * @param intervalSeconds the sampling interval
     * @param routes          per route id, one rate per interval, oldest first
     */
    public record ThroughputView(long intervalSeconds, Map<String, List<Throughput.Rate>> routes) {
    }

    /**
     * A partner and its last activity.
     *
     * @param id               the partner id
     * @param displayName      its name for people
     * @param sector           HEALTH or NAV
     * @param organisation     organisation number or NAV unit number
     * @param tokenOrganisation the organisation number its access tokens carry; null when none
     * @param status           ACTIVE or SUSPENDED
     * @param apiKeysEnabled   whether its API keys authenticate it
     * @param lastSentAt       when its latest accepted message was recorded; null when none within the look-back
     * @param lastReceivedAt   when the hub last delivered to its inbox; null when never
     * @param lastDeadLetterAt its latest dead letter; null when none
     * @param openDeadLetters  its OPEN dead letters
     */
    public record PartnerView(String id, String displayName, String sector, String organisation,
            String tokenOrganisation, String status, boolean apiKeysEnabled, Instant lastSentAt,
            Instant lastReceivedAt, Instant lastDeadLetterAt, long openDeadLetters) {
    }

    /**
     * The partners and where their activity comes from.
     *
     * @param partners     one per partner, in the order of the partners file
     * @param lookbackDays how far back last-sent times reach
     * @param error        why activity could not be read; null when it could
     */
    public record PartnersView(List<PartnerView> partners, long lookbackDays, String error) {
    }

    public List<RouteView> routes() {
        Map<String, Throughput.Rate> rates = Throughput.recent(sampler.samples(), properties.rateWindow());
        LagSnapshot lag = sampler.lag();
        List<RouteView> views = new ArrayList<>();
        for (RouteInspector.RouteInfo r : routes.routes()) {
            Throughput.Rate rate = rates.get(r.id());
            Optional<LagSnapshot.RouteLag> routeLag = lag.routes().stream().filter(l -> l.routeId().equals(r.id()))
                    .findFirst();
            views.add(new RouteView(r.id(), r.state(), r.consumerGroup(), r.topics(),
                    r.statistics().exchangesTotal(), r.statistics().exchangesFailed(),
                    r.statistics().exchangesInflight(), r.statistics().meanProcessingMillis(),
                    r.statistics().maxProcessingMillis(),
                    rate == null ? null : rate.exchangesPerSecond(), rate == null ? null : rate.recordsPerSecond(),
                    routeLag.map(LagSnapshot.RouteLag::lag).orElse(null),
                    routeLag.map(LagSnapshot.RouteLag::alert).orElse(false)));
        }
        return views;
    }

    public Optional<RouteView> route(String id) {
        return routes().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public ThroughputView throughput() {
        return new ThroughputView(properties.sampleInterval().toSeconds(), Throughput.series(sampler.samples()));
    }

    public LagSnapshot lag() {
        return sampler.lag();
    }

    public DeadLetterCounts deadLetterCounts() {
        return DeadLetterCounts.of(deadLetters.countsByReason());
    }

    public PartnersView partners() {
        Map<String, DeadLetterStore.PartnerDeadLetters> dead = deadLetters.byPartner();
        List<PartnerView> views = new ArrayList<>();
        for (Partner p : partners.all()) {
            DeadLetterStore.PartnerDeadLetters d = dead.get(p.id());
            views.add(new PartnerView(p.id(), p.displayName(), p.sector() == null ? null : p.sector().name(),
                    p.organisation(), p.tokenOrganisation(), p.status().name(), p.apiKeysEnabled(), activity.lastSent(p.id()), activity.lastReceived(p.id()),
                    d == null ? null : d.lastFailureAt(), d == null ? 0 : d.open()));
        }
        return new PartnersView(views, activity.lookback().toDays(), activity.error());
    }

    public RegistryOverview.View registry() {
        return registry.view();
    }

    public HealthOverview.View health() {
        return health.view();
    }

    /** The hub's long-running loops (reader threads, client pools, scheduled tasks) and how each is doing, live. */
    public List<LoopStatus> loops() {
        return loops.statuses();
    }

    /** How long a loop may keep failing before it counts as degraded. */
    public Duration loopsDegradedAfter() {
        return loops.degradedAfter();
    }
}
