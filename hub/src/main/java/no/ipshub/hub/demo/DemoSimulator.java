package no.ipshub.hub.demo;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import no.ipshub.connectors.security.ApiKeyHasher;
import no.ipshub.engine.supervision.LoopFailures;
import no.ipshub.engine.supervision.LoopHandle;
import no.ipshub.engine.supervision.LoopKind;
import no.ipshub.engine.supervision.SupervisedLoops;
import no.ipshub.partners.Partner;
import no.ipshub.partners.PartnerDirectory;
import no.ipshub.routes.time.HubZone;
import no.ipshub.schemas.identifiers.SyntheticIdentifiers;
import no.ipshub.schemas.json.HubMessageJson;
import no.ipshub.schemas.v1.HubMessage;
import no.ipshub.schemas.v1.Sector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;

/**
 * Plays IPS case flows between the demo partners through the hub's public HTTP edge, with each partner's
 * demo API key, so that a first-time user sees a hub at work: messages in inboxes, routes counting, a
 * collaboration log filling up. Identifiers are synthetic (checksum-valid, no real person can have them).
 *
 * <p>A partner takes part when its published demo key ({@code demo-key-<partner id>}) matches its hash in
 * the partners file; with real keys in the file the simulator finds nobody and says so.
 */
public class DemoSimulator implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoSimulator.class);

    /** The prefix of the published demo keys; the partner id follows it. */
    public static final String DEMO_KEY_PREFIX = "demo-key-";

    /** Teams and the NAV offices of their area, so that cases stay between neighbours. */
    private static final Map<String, List<String>> NEIGHBOURS = Map.of(
            "haukeland-tsb", List.of("nav-bergenhus", "nav-arstad"),
            "nordland-ips", List.of("nav-bodo"),
            "unn-ips", List.of("nav-tromso"));

    private static final Duration MIN_GAP_PER_CASE = Duration.ofSeconds(2);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final Duration SUMMARY_EVERY = Duration.ofMinutes(1);
    /** The simulator's name in the loops registry. */
    static final String LOOP = "demo-traffic";

    private final DemoProperties properties;
    private final PartnerDirectory partners;
    private final Environment environment;
    private final Counter accepted;
    private final Counter refused;
    private final HubMessageJson json = new HubMessageJson();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final SupervisedLoops loops;
    private final Clock clock;
    private ScheduledExecutorService executor;
    private LoopHandle loop;
    private volatile boolean running;

    // Touched only by the single simulator thread.
    private final Map<String, DemoCase> openCases = new LinkedHashMap<>();
    private final Map<String, Instant> notBefore = new LinkedHashMap<>();
    private final Map<String, String> keys = new LinkedHashMap<>();
    private final List<String> teams = new ArrayList<>();
    private final List<String> offices = new ArrayList<>();
    private Random random;
    private SyntheticIdentifiers ids;
    private URI messagesUri;
    private int caseCounter;
    private long closed;
    private Instant nextSummary = Instant.EPOCH;

    public DemoSimulator(DemoProperties properties, PartnerDirectory partners, Environment environment,
            MeterRegistry meters, SupervisedLoops loops, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.loops = loops;
        this.partners = partners;
        this.environment = environment;
        this.accepted = Counter.builder("hub.demo.messages").tag("outcome", "accepted")
            .description("Demo messages the hub accepted").register(meters);
        this.refused = Counter.builder("hub.demo.messages").tag("outcome", "refused")
            .description("Demo messages the hub refused for good").register(meters);
    }

    @Override
    public synchronized void start() {
        long seed = properties.seed() != 0 ? properties.seed() : new SecureRandom().nextLong();
        random = new Random(seed);
        ids = new SyntheticIdentifiers(seed);
        messagesUri = URI.create(baseUrl() + "/api/v1/messages");
        loop = loops.register(LOOP, LoopKind.SCHEDULE);
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hub-demo");
            thread.setDaemon(true);
            return thread;
        });
        long periodMicros = Math.max(1_000, Math.round(1_000_000 / properties.messagesPerSecond()));
        executor.execute(this::findDemoPartners);
        executor.scheduleAtFixedRate(this::tick, 1_000_000, periodMicros, TimeUnit.MICROSECONDS);
        running = true;
        log.info("Demo traffic starting: {} messages per second towards {}", properties.messagesPerSecond(),
                messagesUri);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (loop != null) {
            loop.stopped();
        }
        log.info("Demo traffic stopped after {} messages ({} refused, {} cases closed)", (long) accepted.count(),
                (long) refused.count(), closed);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Started after everything else, the HTTP server included, and stopped before anything else. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    private String baseUrl() {
        String configured = properties.baseUrl();
        if (configured != null && !configured.isBlank()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://127.0.0.1:" + port;
    }

    private void findDemoPartners() {
        for (Partner partner : partners.all()) {
            String key = DEMO_KEY_PREFIX + partner.id();
            if (partner.apiKeyHashes().stream().anyMatch(hash -> ApiKeyHasher.matches(key, hash))) {
                keys.put(partner.id(), key);
                (partner.sector() == Sector.HEALTH ? teams : offices).add(partner.id());
            }
        }
        if (teams.isEmpty() || offices.isEmpty()) {
            log.warn("Demo traffic has nobody to simulate: no treatment team and NAV office in the partners file "
                    + "uses its published demo key. Use the demo partners file or switch the demo off.");
            return;
        }
        log.info("Demo traffic between {} and {}", teams, offices);
    }

    private void tick() {
        try {
            if (teams.isEmpty() || offices.isEmpty()) {
                return;
            }
            Instant now = clock.instant();
            DemoCase next = openCases.size() < properties.openCases() && (openCases.isEmpty() || random.nextInt(4) == 0)
                    ? openCase()
                    : readyCase(now);
            if (next != null) {
                send(next, now);
            }
            summarise(now);
            loop.running();
        } catch (Throwable e) {
            // A failing tick must not end the schedule: the next one comes at the demo's rate anyway.
            loop.failed(e, Duration.ofNanos(Math.round(1_000_000_000 / properties.messagesPerSecond())));
            log.warn("Demo traffic tick failed: {}", LoopFailures.describe(e));
        }
    }

    private DemoCase openCase() {
        String team = teams.get(random.nextInt(teams.size()));
        List<String> near = NEIGHBOURS.getOrDefault(team, List.of()).stream().filter(offices::contains).toList();
        List<String> candidates = near.isEmpty() ? offices : near;
        String office = candidates.get(random.nextInt(candidates.size()));
        String caseId = "demo-" + team + "-" + Long.toString(clock.millis(), 36) + "-" + (++caseCounter);
        DemoCase demoCase = new DemoCase(caseId, team, office, ids, random);
        openCases.put(caseId, demoCase);
        return demoCase;
    }

    private DemoCase readyCase(Instant now) {
        List<DemoCase> ready = new ArrayList<>();
        for (DemoCase demoCase : openCases.values()) {
            if (!now.isBefore(notBefore.getOrDefault(demoCase.caseId(), Instant.EPOCH))) {
                ready.add(demoCase);
            }
        }
        return ready.isEmpty() ? null : ready.get(random.nextInt(ready.size()));
    }

    private void send(DemoCase demoCase, Instant now) {
        LocalDate today = earliestToday(now);
        DemoCase.Step step = demoCase.nextStep(ids, random, now, today);
        HubMessage message = step.message();
        HttpRequest request = HttpRequest.newBuilder(messagesUri)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + keys.get(message.getSender()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.toJson(message)))
                .build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            notBefore.put(demoCase.caseId(), now.plus(RETRY_AFTER));
            log.debug("Demo message {} not delivered, retrying: {}", message.getMessageId(), e.toString());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (status == 200 || status == 202) {
            accepted.increment();
            demoCase.apply(step);
            notBefore.put(demoCase.caseId(), now.plus(MIN_GAP_PER_CASE));
        } else if (status == 429 || status >= 500) {
            notBefore.put(demoCase.caseId(), now.plus(RETRY_AFTER));
        } else {
            refused.increment();
            log.warn("Demo message {} of case {} refused with HTTP {}; the case ends", message.getMessageId(),
                    demoCase.caseId(), status);
            demoCase.abandon();
        }
        if (demoCase.isClosed()) {
            closed++;
            openCases.remove(demoCase.caseId());
            notBefore.remove(demoCase.caseId());
        }
    }

    private void summarise(Instant now) {
        if (now.isBefore(nextSummary)) {
            return;
        }
        if (nextSummary != Instant.EPOCH) {
            log.info("Demo traffic: {} messages accepted, {} refused, {} open cases, {} cases closed",
                    (long) accepted.count(), (long) refused.count(), openCases.size(), closed);
        }
        nextSummary = now.plus(SUMMARY_EVERY);
    }

    /** Today in whichever of UTC and Oslo is behind, so that no date is in the future for the hub. */
    private static LocalDate earliestToday(Instant now) {
        LocalDate utc = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate oslo = LocalDate.ofInstant(now, HubZone.NORWAY);
        return utc.isBefore(oslo) ? utc : oslo;
    }
}
