package no.ipshub.hub.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import no.ipshub.hub.kafka.EmbeddedKafkaBroker;
import no.ipshub.hub.kafka.HubKafkaProperties;
import no.ipshub.hub.reliability.ReliabilitySupport.CaseScript;
import no.ipshub.hub.reliability.ReliabilitySupport.DatabaseServer;
import no.ipshub.hub.reliability.ReliabilitySupport.DeliveryReport;
import no.ipshub.hub.reliability.ReliabilitySupport.HttpEdge;
import no.ipshub.hub.reliability.ReliabilitySupport.HubContext;
import no.ipshub.hub.reliability.ReliabilitySupport.Ledger;
import no.ipshub.schemas.v1.HubMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/*
 * Idempotency across instances and restarts. Two hub instances (two Spring contexts) share one broker and one
 * database, as two hubs behind a load balancer do. A partner that does not hear back in time sends the same
 * message again, and the load balancer may hand the repeat to the other instance, even while the first copy is
 * still being processed. Expected: each message is delivered once, whichever instance took which copy, and an
 * instance that restarted still knows the message ids accepted before.
 */
class IdempotencyAcrossInstancesIT {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyAcrossInstancesIT.class);

    @TempDir
    static Path dir;

    static EmbeddedKafkaBroker broker;
    static DatabaseServer database;
    static HubContext first;
    static HubContext second;

    @BeforeAll
    static void start() {
        ReliabilitySupport.quietKafkaLogs();
        broker = EmbeddedKafkaBroker.start(new HubKafkaProperties.Embedded(dir.resolve("kafka"), "127.0.0.1",
                ReliabilitySupport.freePort(), ReliabilitySupport.freePort()));
        database = new DatabaseServer(dir.resolve("db")).start();
        first = startInstance("first");
        second = startInstance("second");
    }

    /** One instance; both read the same research key file, as instances of one deployment do. */
    private static HubContext startInstance(String name) {
        List<String> arguments = new ArrayList<>(List.of(
                "--hub.kafka.brokers=" + broker.bootstrapServers(),
                "--hub.kafka.cluster-size=1",
                "--hub.research.key-file=" + dir.resolve("research.key")));
        arguments.addAll(database.hubArguments());
        return ReliabilitySupport.startHub(dir.resolve(name), arguments.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {first, second, database}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                log.warn("Could not stop {}", c, e);
            }
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void everyMessageSentToBothInstancesAtOnceIsDeliveredOnce() throws Exception {
        List<CaseScript> cases = ReliabilitySupport.conversations("two-instances", 100, 51);
        Ledger ledger = new Ledger();
        Map<String, List<Integer>> answers = new ConcurrentHashMap<>();
        HttpEdge toFirst = first.edge();
        HttpEdge toSecond = second.edge();
        ExecutorService partners = Executors.newFixedThreadPool(8);
        ExecutorService senders = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<Void>> running = new ArrayList<>();
            for (CaseScript c : cases) {
                running.add(CompletableFuture.runAsync(() -> {
                    for (HubMessage m : c.messages()) {
                        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> sendUntilAnswered(toFirst, m),
                                senders);
                        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> sendUntilAnswered(toSecond, m),
                                senders);
                        answers.put(m.getMessageId(), List.of(a.join(), b.join()));
                        ledger.acknowledged(m);
                    }
                }, partners));
            }
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(3, TimeUnit.MINUTES);
        } finally {
            partners.shutdownNow();
            senders.shutdownNow();
        }
        long bothAccepted = answers.values().stream().filter(a -> a.equals(List.of(202, 202))).count();
        log.info("Two instances: {} messages each sent to both at once; answers 202+200: {}, 202+202 (both took it "
                + "before either had recorded it): {}", answers.size(), answers.size() - bothAccepted, bothAccepted);

        assertThat(answers.values()).allSatisfy(a -> assertThat(a).containsAnyOf(202).allMatch(s -> s == 202 || s == 200));
        assertThat(ReliabilitySupport.awaitDelivery(ledger, toSecond, broker.bootstrapServers(), Duration.ofMinutes(1), true))
                .isEqualTo(DeliveryReport.exactlyOnce(ledger.acknowledgedCount()));
    }

    @Test
    void aMessageAcceptedBeforeAnInstanceRestartedIsADuplicateForItAfterwards() {
        CaseScript c = ReliabilitySupport.conversations("restart", 1, 52).get(0);
        HubMessage referral = c.messages().get(0);
        Ledger ledger = new Ledger();
        ledger.acknowledged(referral);

        assertThat(sendUntilAnswered(second.edge(), referral)).isEqualTo(202);
        second.close();
        second = startInstance("second");

        assertThat(List.of(sendUntilAnswered(second.edge(), referral), sendUntilAnswered(first.edge(), referral)))
                .containsExactly(200, 200);
        assertThat(ReliabilitySupport.awaitDelivery(ledger, first.edge(), broker.bootstrapServers(), Duration.ofMinutes(1), true))
                .isEqualTo(DeliveryReport.exactlyOnce(1));
    }

    /** The status of the first answer other than "not now" (no answer, 429, 5xx). */
    private static int sendUntilAnswered(HttpEdge edge, HubMessage m) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        int status;
        do {
            status = edge.submit(m);
            if (status > 0 && status < 500 && status != 429) {
                return status;
            }
            ReliabilitySupport.pause(100);
        } while (System.nanoTime() < deadline);
        return status;
    }
}
