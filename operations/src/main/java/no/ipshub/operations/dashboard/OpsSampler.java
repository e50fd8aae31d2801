package no.ipshub.operations.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import no.ipshub.routes.config.HubTopics;
import no.ipshub.routes.partner.Partner;
import no.ipshub.routes.partner.PartnerDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Every {@code hub.ops.sample-interval}, reads the routes' counters and Kafka's offsets once, keeps the route
 * counters in a {@link SampleRing} for throughput, the lag as the latest {@link LagSnapshot} (with the time of each
 * route's oldest unread record and the alerts by {@code hub.ops.lag-alert.*}, also set on the {@link LagMetrics}
 * gauges and logged when they start and end), and refreshes the partners' activity. The dashboard and the JSON API
 * read these, so polling them costs nothing extra.
 *
 * <p>Starts after everything else and stops first, so it never samples a half-stopped hub.
 */
public class OpsSampler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OpsSampler.class);

    private final RouteInspector routes;
    private final KafkaOffsetsReader kafka;
    private final OldestUnreadReader oldestUnread;
    private final LagMetrics metrics;
    private final PartnerDirectory partners;
    private final HubTopics topics;
    private final PartnerActivity activity;
    private final OpsProperties properties;
    private final Clock clock;
    private final SampleRing<RouteSample> ring;
    private volatile LagSnapshot lag;
    private volatile ScheduledExecutorService scheduler;
    private volatile boolean kafkaFailing;

    public OpsSampler(RouteInspector routes, KafkaOffsetsReader kafka, OldestUnreadReader oldestUnread,
            LagMetrics metrics, PartnerDirectory partners, HubTopics topics, PartnerActivity activity,
            OpsProperties properties, Clock clock) {
        this.routes = routes;
        this.kafka = kafka;
        this.oldestUnread = oldestUnread;
        this.metrics = metrics;
        this.partners = partners;
        this.topics = topics;
        this.activity = activity;
        this.properties = properties;
        this.clock = clock;
        this.ring = new SampleRing<>(properties.ringCapacity());
        this.lag = LagSnapshot.none(properties.lagAlert());
    }

    /** Takes one sample now. */
    public void sample() {
        Instant now = clock.instant();
        List<RouteInspector.RouteInfo> routeInfos = routes.routes();
        List<Partner> partnerList = partners.all();
        Map<String, Long> positions = new HashMap<>();
        try {
            KafkaOffsets offsets = kafka.read(LagReport.topics(routeInfos, partnerList, topics),
                    LagReport.groups(routeInfos, partnerList));
            Map<RecordPosition, Instant> writtenAt = oldestUnread.writtenAt(LagReport.unread(routeInfos, offsets),
                    offsets.end());
            LagSnapshot snapshot = LagReport.of(now, routeInfos, partnerList, topics, offsets, writtenAt,
                    properties.lagAlert());
            snapshot.routes().forEach(r -> positions.put(r.routeId(),
                    r.topics().stream().mapToLong(TopicLag::position).sum()));
            logAlertChanges(lag.alerts(), snapshot.alerts());
            lag = snapshot;
            metrics.record(snapshot);
            if (kafkaFailing) {
                log.info("Operations sampling reads Kafka again");
                kafkaFailing = false;
            }
        } catch (KafkaOffsetsReader.KafkaUnavailableException e) {
            lag = lag.failed(e.getMessage());
            if (!kafkaFailing) {
                log.warn("Operations sampling cannot read Kafka offsets: {}", e.getMessage());
                kafkaFailing = true;
            }
        }
        Map<String, RouteSample.Counters> counters = new HashMap<>();
        for (RouteInspector.RouteInfo r : routeInfos) {
            counters.put(r.id(), new RouteSample.Counters(r.statistics().exchangesTotal(),
                    r.statistics().exchangesFailed(), positions.get(r.id())));
        }
        ring.add(new RouteSample(now, counters));
        activity.refresh();
    }

    /** An alert is logged when it starts and when it ends, so that log-based alerting sees it too. */
    private static void logAlertChanges(List<LagSnapshot.Alert> before, List<LagSnapshot.Alert> now) {
        Set<String> was = new HashSet<>();
        before.forEach(a -> was.add(a.routeId() + " " + a.topic()));
        Set<String> is = new HashSet<>();
        for (LagSnapshot.Alert a : now) {
            is.add(a.routeId() + " " + a.topic());
            if (!was.contains(a.routeId() + " " + a.topic())) {
                log.warn("Lag alert: route {} (group {}) on {}: {} records behind, the oldest written {} ago, {}"
                        + " deleted unread; {}", a.routeId(), a.consumerGroup(), a.topic(), a.lag(),
                        a.oldestAgeSeconds() == null ? "unknown" : a.oldestAgeSeconds() + " s", a.expired(),
                        a.reasons());
            }
        }
        for (LagSnapshot.Alert a : before) {
            if (!is.contains(a.routeId() + " " + a.topic())) {
                log.info("Lag alert over: route {} (group {}) on {}", a.routeId(), a.consumerGroup(), a.topic());
            }
        }
    }

    /** The route samples kept, oldest first. */
    public List<RouteSample> samples() {
        return ring.toList();
    }

    /** The lag of the latest sample. */
    public LagSnapshot lag() {
        return lag;
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hub-ops-sampler");
            t.setDaemon(true);
            return t;
        });
        long period = properties.sampleInterval().toMillis();
        executor.scheduleWithFixedDelay(this::sampleSafely, 0, period, TimeUnit.MILLISECONDS);
        scheduler = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = scheduler;
        scheduler = null;
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(properties.kafkaTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    private void sampleSafely() {
        try {
            sample();
        } catch (RuntimeException e) {
            // a sample must never end the schedule
            log.warn("Operations sample failed: {}", e.toString());
        }
    }
}
