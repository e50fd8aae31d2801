package no.ipshub.connectors.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import no.ipshub.connectors.webhook.WebhookDeliveryStore.ClaimedDelivery;
import no.ipshub.connectors.webhook.WebhookDeliveryStore.DueDelivery;
import no.ipshub.engine.error.FailureClassifier;
import no.ipshub.engine.kafka.HubWireCodec;
import no.ipshub.engine.supervision.LoopFailures;
import no.ipshub.engine.supervision.LoopHandle;
import no.ipshub.engine.supervision.LoopKind;
import no.ipshub.engine.supervision.SupervisedLoops;
import no.ipshub.routes.validation.MessageIds;
import no.ipshub.schemas.json.HubMessageJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due webhook deliveries: claims them in the outbox (so no other instance sends them meanwhile), POSTs
 * each on a small pool of its own ({@code hub.webhooks.concurrency}, at most
 * {@code concurrency-per-partner} per partner), and records the outcome: delivered, retry after back-off, or
 * parked once {@code max-attempts} are spent. A slow or dead endpoint costs its own deliveries' time, never the
 * Kafka consumer's.
 *
 * <p>Two supervised loops: {@value #DISPATCH_LOOP} (looking for due deliveries: RESTARTING while that fails, e.g.
 * the database away; the next nudge tries again) and {@value #SENDERS_LOOP} (the pool: anything escaping an
 * attempt is reported there; the delivery's lease runs out and it is tried again).
 */
public class WebhookDispatcher implements AutoCloseable {

    /** The route id under which deliveries are logged. */
    static final String ROUTE_ID = WebhookDeliveryRoute.ROUTE_ID;
    /** Looking for due deliveries, in the loops registry. */
    public static final String DISPATCH_LOOP = "webhook-dispatch";
    /** The senders' pool, in the loops registry. */
    public static final String SENDERS_LOOP = "webhook-senders";
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    private final WebhookDeliveryStore deliveries;
    private final WebhookEndpointStore endpoints;
    private final Supplier<WebhookSecretCipher> cipher;
    private final WebhookSender sender;
    private final HubWireCodec codec;
    private final HubMessageJson json;
    private final WebhookProperties properties;
    private final WebhookBackoff backoff;
    private final WebhookStatistics statistics;
    private final Clock clock;
    private final String owner = "hub-" + UUID.randomUUID();
    private final ExecutorService pool;
    private final LoopHandle dispatchLoop;
    private final LoopHandle sendersLoop;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ConcurrentMap<String, AtomicInteger> inFlightPerPartner = new ConcurrentHashMap<>();

    public WebhookDispatcher(WebhookDeliveryStore deliveries, WebhookEndpointStore endpoints,
            Supplier<WebhookSecretCipher> cipher, WebhookSender sender, HubWireCodec codec, HubMessageJson json,
            WebhookProperties properties, WebhookStatistics statistics, Clock clock, SupervisedLoops loops) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.cipher = cipher;
        this.sender = sender;
        this.codec = codec;
        this.json = json;
        this.properties = properties;
        this.backoff = new WebhookBackoff(properties.initialBackoff(), properties.backoffMultiplier(),
                properties.maxBackoff());
        this.statistics = statistics;
        this.clock = clock;
        this.dispatchLoop = loops.register(DISPATCH_LOOP, LoopKind.SCHEDULE);
        this.sendersLoop = loops.register(SENDERS_LOOP, LoopKind.POOL);
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(properties.concurrency(), task -> {
            Thread thread = new Thread(task, "webhook-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Claims as many due deliveries as there are free senders and hands them to the pool; returns at once.
     * Called by the {@code webhook-dispatch} timer and after each batch the {@code webhook-delivery} route queued.
     *
     * @return how many deliveries were handed to the pool
     */
    public synchronized int dispatchDue() {
        int free = properties.concurrency() - inFlight.get();
        if (free <= 0 || pool.isShutdown()) {
            return 0;
        }
        Instant now = clock.instant();
        Instant leaseUntil = now.plus(properties.connectTimeout()).plus(properties.requestTimeout()).plus(LEASE_MARGIN);
        int started = 0;
        for (DueDelivery due : deliveries.due(now, free * 4)) {
            if (started == free) {
                break;
            }
            AtomicInteger partnerLoad = inFlightPerPartner.computeIfAbsent(due.partnerId(), p -> new AtomicInteger());
            if (partnerLoad.get() >= properties.concurrencyPerPartner()) {
                continue;
            }
            Optional<ClaimedDelivery> claimed = deliveries.claim(due.id(), owner, now, leaseUntil);
            if (claimed.isEmpty()) {
                continue;
            }
            partnerLoad.incrementAndGet();
            inFlight.incrementAndGet();
            started++;
            pool.execute(() -> {
                try {
                    attempt(claimed.get());
                    sendersLoop.running();
                } catch (Throwable t) {
                    // attempt() records every ordinary failure itself: what gets here left the delivery claimed
                    // until its lease runs out, and it is tried again then
                    sendersLoop.failed(t, Duration.between(now, leaseUntil));
                    log.error("Route {}: a webhook sender failed on delivery {}", ROUTE_ID, claimed.get().id(), t);
                } finally {
                    partnerLoad.decrementAndGet();
                    inFlight.decrementAndGet();
                }
            });
        }
        return started;
    }

    /**
     * Runs {@link #dispatchDue()} and only reports a failure (log and loops registry): a nudge must never fail the
     * caller's batch. The dispatch timer nudges again after {@code hub.webhooks.poll-interval}.
     */
    public void nudge() {
        try {
            dispatchDue();
            dispatchLoop.running();
        } catch (Throwable e) {
            dispatchLoop.failed(e, properties.pollInterval());
            log.warn("Route {} could not look for due webhook deliveries: {}", ROUTE_ID, LoopFailures.describe(e));
        }
    }

    /** Deliveries being sent by this instance right now. */
    public int inFlight() {
        return inFlight.get();
    }

    private void attempt(ClaimedDelivery delivery) {
        String messageId = MessageIds.loggable(delivery.messageId());
        try {
            Optional<WebhookEndpoint> endpoint = endpoints.find(delivery.partnerId());
            if (endpoint.isEmpty()) {
                park(delivery, null, "no webhook registered", false);
                return;
            }
            String secret;
            try {
                secret = cipher.get().open(delivery.partnerId(), endpoint.get().sealedSecret(), endpoint.get().keyId());
            } catch (WebhookKeyException e) {
                log.error("Route {} cannot open the webhook secret of {}: {}", ROUTE_ID, delivery.partnerId(),
                        e.getMessage());
                park(delivery, null, "signing secret cannot be opened with this hub's key", false);
                return;
            }
            byte[] body = json.toJson(codec.decodeMessage(delivery.wireBytes())).getBytes(StandardCharsets.UTF_8);
            Instant now = clock.instant();
            WebhookSender.Attempt attempt = sender.send(endpoint.get().url(), secret, delivery.messageId(), body, now);
            if (attempt.delivered()) {
                deliveries.delivered(delivery.id(), owner, clock.instant(), attempt.status());
                statistics.delivered(delivery.partnerId());
                log.debug("Route {} delivered message {} to the webhook of {} ({})", ROUTE_ID, messageId,
                        delivery.partnerId(), attempt.status());
                return;
            }
            failed(delivery, attempt.status(), attempt.error());
        } catch (RuntimeException e) {
            // the registry or the database away while preparing the attempt: counts as a failed attempt
            String error = (FailureClassifier.isTransient(e) ? "hub dependency unavailable: " : "hub error: ")
                    + e.getClass().getSimpleName();
            log.warn("Route {} could not attempt webhook delivery {} of message {}: {}", ROUTE_ID, delivery.id(),
                    messageId, e.toString());
            try {
                failed(delivery, null, error);
            } catch (RuntimeException again) {
                // the lease runs out and another attempt is made then
                log.warn("Route {} could not record the outcome of webhook delivery {}: {}", ROUTE_ID, delivery.id(),
                        again.toString());
            }
        }
    }

    private void failed(ClaimedDelivery delivery, Integer status, String error) {
        int failures = delivery.attempts() + 1;
        if (failures >= properties.maxAttempts()) {
            park(delivery, status, error, true);
            return;
        }
        Instant now = clock.instant();
        Duration wait = backoff.after(failures);
        deliveries.retryLater(delivery.id(), owner, now, status, error, now.plus(wait));
        statistics.retried(delivery.partnerId());
        log.debug("Route {}: webhook delivery {} of message {} to {} failed ({}), attempt {} of {}, next in {} ms",
                ROUTE_ID, delivery.id(), MessageIds.loggable(delivery.messageId()), delivery.partnerId(), error, failures,
                properties.maxAttempts(), wait.toMillis());
    }

    private void park(ClaimedDelivery delivery, Integer status, String error, boolean countsAsAttempt) {
        deliveries.park(delivery.id(), owner, clock.instant(), status, error, countsAsAttempt);
        statistics.parked(delivery.partnerId());
        log.warn("Route {} parked webhook delivery {} of message {} to {} after {} attempts: {}", ROUTE_ID,
                delivery.id(), MessageIds.loggable(delivery.messageId()), delivery.partnerId(),
                delivery.attempts() + (countsAsAttempt ? 1 : 0), error);
    }

    @Override
    public void close() throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(properties.requestTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS)) {
            pool.shutdownNow();
        }
    }
}
