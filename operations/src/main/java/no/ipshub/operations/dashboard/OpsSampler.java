package no.ipshub.operations.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.ipshub.engine.supervision.LoopKind;
import no.ipshub.engine.supervision.LoopSchedule;
import no.ipshub.engine.supervision.SupervisedLoops;
import no.ipshub.partners.Partner;
import no.ipshub.partners.PartnerDirectory;
import no.ipshub.partners.topics.HubTopics;
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
 * <p>Two supervised loops ({@link LoopSchedule}): {@value #LOOP} (route counters and Kafka offsets; Kafka being
 * away is kept as the lag's error, not a failure) and {@value #ACTIVITY_LOOP} (the partners' activity table). A
 * run that fails is followed by the next, later when runs keep failing.
 *
 * <p>Starts after everything else and stops first, so it never samples a half-stopped hub.
 */
public class OpsSampler implements SmartLifecycle {

    /** The sampler's name in the loops registry and of its thread. */
    public static final String LOOP = "ops-sampler";
    /** The partner activity refresh's name in the loops registry and of its thread. */
    public static final String ACTIVITY_LOOP = "partner-activity-refresh";
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
    private final SupervisedLoops loops;
    private final SampleRing<RouteSample> ring;
    private volatile LagSnapshot lag;
    private volatile List<LoopSchedule> schedules = List.of();
    private volatile boolean kafkaFailing;

    public OpsSampler(RouteInspector routes, KafkaOffsetsReader kafka, OldestUnreadReader oldestUnread,
            LagMetrics metrics, PartnerDirectory partners, HubTopics topics, PartnerActivity activity,
            OpsProperties properties, Clock clock, SupervisedLoops loops) {
        this.routes = routes;
        this.kafka = kafka;
        this.oldestUnread = oldestUnread;
        this.metrics = metrics;
        this.partners = partners;
        this.topics = topics;
        this.activity = activity;
        this.properties = properties;
        this.clock = clock;
        this.loops = loops;
        this.ring = new SampleRing<>(properties.ringCapacity());
        this.lag = LagSnapshot.none(properties.lagAlert());
    }

    /** Takes one sample of the routes and Kafka now (the partners' activity is refreshed on its own schedule). */
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
        Duration interval = properties.sampleInterval();
        schedules = List.of(
                LoopSchedule.start(loops.register(LOOP, LoopKind.SCHEDULE), Duration.ZERO, interval, this::sample),
                LoopSchedule.start(loops.register(ACTIVITY_LOOP, LoopKind.SCHEDULE), Duration.ZERO, interval,
                        activity::refresh));
    }

    @Override
    public void stop() {
        List<LoopSchedule> running = schedules;
        schedules = List.of();
        running.forEach(schedule -> schedule.stop(properties.kafkaTimeout().multipliedBy(2)));
    }

    @Override
    public boolean isRunning() {
        return !schedules.isEmpty();
    }
}
