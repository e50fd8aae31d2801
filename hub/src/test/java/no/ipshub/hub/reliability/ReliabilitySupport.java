package no.ipshub.hub.reliability;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import no.ipshub.hub.HubApplication;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.registry.serde.AvroWireCodec;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.identifiers.SyntheticIdentifiers;
import no.ipshub.schemas.json.HubMessageJson;
import no.ipshub.schemas.v1.DeadLetter;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.HubMessage;
import no.ipshub.schemas.v1.OutcomeKind;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the hub's fault tests share: the demo partners and their published keys, IPS cases as partners send
 * them, partners that send over HTTP or Kafka and send again, with the same message id, whatever the hub did
 * not acknowledge, a ledger of what the hub acknowledged, and every inbox read back through the HTTP API.
 */
final class ReliabilitySupport {

    static final List<String> TEAMS = List.of("haukeland-tsb", "nordland-ips", "unn-ips");
    static final List<String> NAV_OFFICES = List.of("nav-bergenhus", "nav-arstad", "nav-bodo", "nav-tromso");
    static final List<String> PARTNERS = concat(TEAMS, NAV_OFFICES);
    static final String OPERATOR_KEY = "demo-key-operator";
    static final String DEAD_LETTER_TOPIC = "ips.deadletter-v1";
    static final String INGRESS_GROUP = "ips-hub-ingress";

    /**
     * Arguments every hub in these tests gets: the edge's per-partner request throttle is off, since these
     * tests send thousands of messages a second on purpose and measure delivery, not the throttle.
     */
    static final List<String> COMMON_ARGUMENTS = List.of("--hub.http.rate-limit.enabled=false");

    private static final Logger log = LoggerFactory.getLogger(ReliabilitySupport.class);
    private static final HubMessageJson MESSAGE_JSON = new HubMessageJson();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReliabilitySupport() {
    }

    /**
     * Keeps brokers and clients started by the test itself (before or without a hub context, which sets the
     * same levels in logback-spring.xml) from logging every setting at INFO.
     */
    static void quietKafkaLogs() {
        for (String name : List.of("kafka", "org.apache.kafka", "state.change.logger")) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(name)).setLevel(Level.WARN);
        }
    }

    static String apiKey(String partner) {
        return "demo-key-" + partner;
    }

    static String ingressTopic(String partner) {
        return "ips.ingress." + partner + "-v1";
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    // ---------------------------------------------------------------------------------------------------
    // Cases

    /** One IPS case as its two partners send it; a message is valid only once the ones before it were accepted. */
    record CaseScript(String caseId, List<HubMessage> messages) {
    }

    /**
     * Cases that go back and forth between a team and a NAV office: referral, acceptance by NAV, an employer
     * contact, a NAV collaboration meeting and a job start. Five messages per case.
     */
    static List<CaseScript> conversations(String prefix, int count, long seed) {
        SyntheticIdentifiers ids = new SyntheticIdentifiers(seed);
        List<CaseScript> cases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String team = TEAMS.get(i % TEAMS.size());
            String nav = NAV_OFFICES.get(i % NAV_OFFICES.size());
            String caseId = prefix + "-" + i;
            String person = ids.nationalId();
            cases.add(new CaseScript(caseId, List.of(
                    HubMessages.referral().caseId(caseId).sender(team).recipient(nav)
                            .referral(r -> r.setParticipantNationalId(person)).build(),
                    HubMessages.followUp(FollowUpKind.REFERRAL_ACCEPTED).caseId(caseId).sender(nav).recipient(team).build(),
                    HubMessages.followUp(FollowUpKind.EMPLOYER_CONTACT).caseId(caseId).sender(team).recipient(nav).build(),
                    HubMessages.followUp(FollowUpKind.NAV_COLLABORATION_MEETING).caseId(caseId).sender(nav).recipient(team)
                            .build(),
                    HubMessages.outcome(OutcomeKind.JOB_STARTED).caseId(caseId).sender(team).recipient(nav).build())));
        }
        return cases;
    }

    /**
     * Cases a team sends alone on its Kafka ingress topic (one topic, keyed by case, so the broker keeps their
     * order): referral, employer contact, treatment-team meeting, job start. Four messages per case.
     */
    static List<CaseScript> teamReports(String prefix, int count, long seed) {
        SyntheticIdentifiers ids = new SyntheticIdentifiers(seed);
        List<CaseScript> cases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String team = TEAMS.get(i % TEAMS.size());
            String nav = NAV_OFFICES.get((i / TEAMS.size()) % NAV_OFFICES.size());
            String caseId = prefix + "-" + i;
            String person = ids.nationalId();
            cases.add(new CaseScript(caseId, List.of(
                    HubMessages.referral().caseId(caseId).sender(team).recipient(nav)
                            .referral(r -> r.setParticipantNationalId(person)).build(),
                    HubMessages.followUp(FollowUpKind.EMPLOYER_CONTACT).caseId(caseId).sender(team).recipient(nav).build(),
                    HubMessages.followUp(FollowUpKind.TREATMENT_TEAM_MEETING).caseId(caseId).sender(team).recipient(nav)
                            .build(),
                    HubMessages.outcome(OutcomeKind.JOB_STARTED).caseId(caseId).sender(team).recipient(nav).build())));
        }
        return cases;
    }

    // ---------------------------------------------------------------------------------------------------
    // What the hub acknowledged

    /** Every message the hub acknowledged, with its recipient, and what went wrong on the way. */
    static final class Ledger {

        private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
        private final Map<String, String> rejected = new ConcurrentHashMap<>();
        private final Map<String, String> abandoned = new ConcurrentHashMap<>();
        private final AtomicLong attempts = new AtomicLong();
        private final AtomicLong resends = new AtomicLong();
        private final AtomicLong duplicateAnswers = new AtomicLong();

        void attempted() {
            attempts.incrementAndGet();
        }

        void resent() {
            resends.incrementAndGet();
        }

        void acknowledged(HubMessage m) {
            acknowledged.put(m.getMessageId(), m.getRecipient());
        }

        void answeredDuplicate() {
            duplicateAnswers.incrementAndGet();
        }

        void rejected(HubMessage m, String why) {
            rejected.put(m.getMessageId(), why);
        }

        void abandoned(HubMessage m, String why) {
            abandoned.put(m.getMessageId(), why);
        }

        int acknowledgedCount() {
            return acknowledged.size();
        }

        Map<String, String> acknowledged() {
            return Map.copyOf(acknowledged);
        }

        /** Valid messages the hub refused for good (4xx): each is a fault the test must report. */
        Map<String, String> rejected() {
            return Map.copyOf(rejected);
        }

        /** Messages a partner gave up on because the hub did not acknowledge them in time. */
        Map<String, String> abandoned() {
            return Map.copyOf(abandoned);
        }

        long attempts() {
            return attempts.get();
        }

        long resends() {
            return resends.get();
        }

        long duplicateAnswers() {
            return duplicateAnswers.get();
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // HTTP

    /**
     * A partner system's view of the hub's HTTP edge: send a message with the sender's key, read an inbox. With
     * several instances it goes round them, as a load balancer does, and passes over one that does not answer.
     */
    static final class HttpEdge {

        private final List<String> baseUrls;
        private final String baseUrl;
        private final AtomicLong next = new AtomicLong();
        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();

        HttpEdge(String baseUrl) {
            this(List.of(baseUrl));
        }

        HttpEdge(List<String> baseUrls) {
            this.baseUrls = List.copyOf(baseUrls);
            this.baseUrl = baseUrls.get(0);
        }

        /**
         * The HTTP status of {@code POST /api/v1/messages} on the next instance (the others in turn when it does not
         * answer), or -1 when none answered (connection refused or cut).
         */
        int submit(HubMessage message) {
            int first = (int) (next.getAndIncrement() % baseUrls.size());
            for (int i = 0; i < baseUrls.size(); i++) {
                int status = submit(baseUrls.get((first + i) % baseUrls.size()), message);
                if (status != -1) {
                    return status;
                }
            }
            return -1;
        }

        private int submit(String instance, HubMessage message) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(instance + "/api/v1/messages"))
                    .timeout(Duration.ofSeconds(40))
                    .header("Authorization", "Bearer " + apiKey(message.getSender()))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(MESSAGE_JSON.toJson(message)))
                    .build();
            try {
                return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        /** The message ids in the partner's inbox in cursor order, read page by page to the end. */
        List<String> inbox(String partner) {
            List<String> ids = new ArrayList<>();
            String cursor = "0";
            while (true) {
                JsonNode page = JSON.readTree(get("/api/v1/inbox?after=" + cursor + "&limit=500", apiKey(partner)));
                JsonNode messages = page.path("messages");
                if (messages.isEmpty()) {
                    return ids;
                }
                for (JsonNode entry : messages) {
                    ids.add(entry.path("message").path("messageId").asString());
                }
                cursor = page.path("nextCursor").asString();
            }
        }

        /** Every partner's inbox. */
        Map<String, List<String>> inboxes(Collection<String> partners) {
            Map<String, List<String>> all = new LinkedHashMap<>();
            partners.forEach(p -> all.put(p, inbox(p)));
            return all;
        }

        /** The body of a GET that must answer 200. */
        String get(String path, String apiKey) {
            HttpResponse<String> response = send(path, apiKey);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        }

        /** The status of a GET without credentials. */
        int status(String path) {
            return send(path, null).statusCode();
        }

        /** The body of a GET whatever its status (a health endpoint answers 503 when DOWN). */
        String getAnyStatus(String path, String apiKey) {
            return send(path, apiKey).body();
        }

        private HttpResponse<String> send(String path, String apiKey) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30)).GET();
            if (apiKey != null) {
                request.header("Authorization", "Bearer " + apiKey);
            }
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException("GET " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /**
     * Partners sending whole cases over HTTP from several concurrent clients. Each message is sent until the
     * hub answers 202 or 200; no answer, 429 and 5xx mean "not acknowledged" and the same message (same id)
     * goes again after a back-off, as a partner system would do. A case moves on only after an acknowledgement.
     */
    static final class HttpTraffic implements AutoCloseable {

        private static final long MAX_BACKOFF_MS = 1_000;

        private final HttpEdge edge;
        private final Ledger ledger;
        private final Duration giveUpAfter;
        private final int clientCount;
        private final ExecutorService clients;
        private final List<Future<?>> running = new ArrayList<>();

        HttpTraffic(HttpEdge edge, Ledger ledger, int clientCount, Duration giveUpAfter) {
            this.edge = edge;
            this.ledger = ledger;
            this.giveUpAfter = giveUpAfter;
            this.clients = Executors.newFixedThreadPool(clientCount);
            this.clientCount = clientCount;
        }

        /** Starts the clients; the cases are dealt out to them round-robin. */
        HttpTraffic start(List<CaseScript> cases) {
            for (int c = 0; c < clientCount; c++) {
                List<CaseScript> mine = new ArrayList<>();
                for (int i = c; i < cases.size(); i += clientCount) {
                    mine.add(cases.get(i));
                }
                running.add(clients.submit(() -> mine.forEach(this::sendCase)));
            }
            return this;
        }

        boolean finished() {
            return running.stream().allMatch(Future::isDone);
        }

        private void sendCase(CaseScript script) {
            for (HubMessage message : script.messages()) {
                if (!sendUntilAnswered(message)) {
                    return;
                }
            }
        }

        /** True when the hub acknowledged the message; false when it refused it or the client gave up. */
        private boolean sendUntilAnswered(HubMessage message) {
            long deadline = System.nanoTime() + giveUpAfter.toNanos();
            long backoff = 50;
            int status = 0;
            for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
                if (attempt > 0) {
                    ledger.resent();
                    pause(backoff);
                    backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
                }
                ledger.attempted();
                status = edge.submit(message);
                if (status == 202 || status == 200) {
                    ledger.acknowledged(message);
                    if (status == 200) {
                        ledger.answeredDuplicate();
                    }
                    return true;
                }
                if (status >= 400 && status < 500 && status != 429) {
                    ledger.rejected(message, "HTTP " + status);
                    return false;
                }
            }
            ledger.abandoned(message, "last answer " + status);
            return false;
        }

        @Override
        public void close() {
            clients.shutdownNow();
        }
    }

    /** A partner waits before it sends again. */
    static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // Kafka

    /** Settings of a plain Kafka client against {@code bootstrapServers}. */
    static Map<String, Object> kafkaClient(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return config;
    }

    /** A partner's Kafka producer: idempotent, acks=all, large enough for the oversized-message test. */
    static KafkaProducer<byte[], byte[]> partnerProducer(String bootstrapServers) {
        Map<String, Object> config = kafkaClient(bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        // a send that cannot be acknowledged fails within seconds, so the partner sends it again itself
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * Partners sending cases on their Kafka ingress topics, in Confluent wire format with the schema ids of the
     * hub's registry. A group of cases goes round by round: message {@code k} of every case in the group is
     * sent, and each one the broker did not acknowledge is sent again (same id) until it is, before message
     * {@code k + 1} of any case goes out, so a follow-up never overtakes its referral.
     */
    static final class KafkaTraffic implements AutoCloseable {

        private final KafkaProducer<byte[], byte[]> producer;
        private final AvroWireCodec codec;
        private final Ledger ledger;
        private final int casesPerGroup;
        private final Duration giveUpAfter;
        private final ExecutorService worker = Executors.newSingleThreadExecutor();
        private double messagesPerSecond = Double.POSITIVE_INFINITY;
        private Future<?> running;

        KafkaTraffic(String bootstrapServers, SchemaRegistryClient registry, Ledger ledger, int casesPerGroup,
                Duration giveUpAfter) {
            this.producer = partnerProducer(bootstrapServers);
            this.codec = new AvroWireCodec(registry, false, false);
            this.ledger = ledger;
            this.casesPerGroup = casesPerGroup;
            this.giveUpAfter = giveUpAfter;
        }

        /** The message in the wire format of its sender's ingress topic. */
        byte[] wireBytes(HubMessage m) {
            return codec.encode(ingressTopic(m.getSender()), m);
        }

        /** Spreads the messages over time at about this rate instead of sending them as fast as the broker takes them. */
        KafkaTraffic paced(double rate) {
            this.messagesPerSecond = rate;
            return this;
        }

        KafkaTraffic start(List<CaseScript> cases) {
            // encode everything up front: the schema lookups happen now, while the registry is certainly there
            Map<String, byte[]> encoded = new HashMap<>();
            cases.forEach(c -> c.messages().forEach(m -> encoded.put(m.getMessageId(), wireBytes(m))));
            running = worker.submit(() -> {
                long started = System.nanoTime();
                long sent = 0;
                for (int from = 0; from < cases.size(); from += casesPerGroup) {
                    List<CaseScript> group = cases.subList(from, Math.min(cases.size(), from + casesPerGroup));
                    int rounds = group.stream().mapToInt(c -> c.messages().size()).max().orElse(0);
                    for (int k = 0; k < rounds; k++) {
                        int round = k;
                        List<HubMessage> batch = group.stream().filter(c -> c.messages().size() > round)
                                .map(c -> c.messages().get(round)).toList();
                        if (!sendUntilAcknowledged(batch, encoded)) {
                            return;
                        }
                        sent += batch.size();
                    }
                    long aheadMs = (long) (sent * 1000 / messagesPerSecond)
                            - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                    if (aheadMs > 0) {
                        pause(aheadMs);
                    }
                }
            });
            return this;
        }

        boolean finished() {
            return running != null && running.isDone();
        }

        private boolean sendUntilAcknowledged(List<HubMessage> batch, Map<String, byte[]> encoded) {
            long deadline = System.nanoTime() + giveUpAfter.toNanos();
            List<HubMessage> pending = batch;
            boolean first = true;
            while (!pending.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    pending.forEach(m -> ledger.abandoned(m, "the broker did not acknowledge it"));
                    return false;
                }
                if (!first) {
                    pause(500);
                }
                List<Future<RecordMetadata>> acks = new ArrayList<>(pending.size());
                for (HubMessage m : pending) {
                    if (!first) {
                        ledger.resent();
                    }
                    ledger.attempted();
                    acks.add(send(m, encoded.get(m.getMessageId())));
                }
                List<HubMessage> failed = new ArrayList<>();
                for (int i = 0; i < pending.size(); i++) {
                    try {
                        acks.get(i).get(30, TimeUnit.SECONDS);
                        ledger.acknowledged(pending.get(i));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    } catch (Exception e) {
                        failed.add(pending.get(i));
                    }
                }
                pending = failed;
                first = false;
            }
            return true;
        }

        private Future<RecordMetadata> send(HubMessage m, byte[] value) {
            try {
                return producer.send(new ProducerRecord<>(ingressTopic(m.getSender()),
                        m.getCaseId().getBytes(StandardCharsets.UTF_8), value));
            } catch (RuntimeException e) {
                // metadata not available within max.block.ms: the broker is away; counted as not acknowledged
                return CompletableFuture.failedFuture(e);
            }
        }

        @Override
        public void close() {
            worker.shutdownNow();
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** How many committed records the topic holds (the hub's topics are never trimmed in a test). */
    static long recordCount(String bootstrapServers, String topic) {
        AtomicLong count = new AtomicLong();
        readToEnd(bootstrapServers, topic, r -> count.incrementAndGet());
        return count.get();
    }

    /** Every dead letter on the dead-letter topic (committed), read from its beginning to its current end. */
    static List<DeadLetter> deadLetters(String bootstrapServers, SchemaRegistryClient registry) {
        AvroWireCodec codec = new AvroWireCodec(registry, false, false);
        List<DeadLetter> found = new ArrayList<>();
        readToEnd(bootstrapServers, DEAD_LETTER_TOPIC, r -> found.add(codec.decode(r.value(), DeadLetter.class)));
        return found;
    }

    // ---------------------------------------------------------------------------------------------------
    // Checking the inboxes

    /**
     * What the inboxes hold against what the hub acknowledged.
     *
     * @param acknowledged messages the hub acknowledged
     * @param delivered    acknowledged messages found in their recipient's inbox
     * @param lost         acknowledged messages in no inbox
     * @param duplicates   inbox entries beyond the first of a message id
     * @param misdelivered messages found in an inbox other than their recipient's
     * @param unexpected   inbox entries of messages the hub never acknowledged
     */
    record DeliveryReport(int acknowledged, int delivered, int lost, int duplicates, int misdelivered, int unexpected) {

        static DeliveryReport of(Map<String, String> acknowledged, Map<String, List<String>> inboxes) {
            int delivered = 0;
            int duplicates = 0;
            int misdelivered = 0;
            int unexpected = 0;
            Set<String> seen = new TreeSet<>();
            for (Map.Entry<String, List<String>> inbox : inboxes.entrySet()) {
                for (String id : inbox.getValue()) {
                    String recipient = acknowledged.get(id);
                    if (!seen.add(id)) {
                        duplicates++;
                    } else if (recipient == null) {
                        unexpected++;
                    } else if (!recipient.equals(inbox.getKey())) {
                        misdelivered++;
                    } else {
                        delivered++;
                    }
                }
            }
            int lost = (int) acknowledged.keySet().stream().filter(id -> !seen.contains(id)).count();
            return new DeliveryReport(acknowledged.size(), delivered, lost, duplicates, misdelivered, unexpected);
        }

        /** What the inboxes must hold for {@code n} acknowledged messages: each once, where it belongs. */
        static DeliveryReport exactlyOnce(int n) {
            return new DeliveryReport(n, n, 0, 0, 0, 0);
        }
    }

    /**
     * Reads the partners' inboxes until every acknowledged message is in one, then waits until the hub's ingress
     * consumer group has committed everything on its topics (so a second copy of a message, still on its way,
     * would be in the inbox too), and reports what the inboxes hold; when messages are still
     * missing after {@code atMost}, the report says how many. With {@code ledgerOnly}
     * the inboxes are narrowed to the ledger's messages, for tests that share a hub with other tests.
     */
    static DeliveryReport awaitDelivery(Ledger ledger, HttpEdge edge, String bootstrapServers, Duration atMost,
            boolean ledgerOnly) {
        Map<String, String> acknowledged = ledger.acknowledged();
        AtomicReference<DeliveryReport> report = new AtomicReference<>();
        Supplier<DeliveryReport> read = () -> {
            Map<String, List<String>> inboxes = edge.inboxes(PARTNERS);
            if (ledgerOnly) {
                inboxes.replaceAll((partner, ids) -> ids.stream().filter(acknowledged::containsKey).toList());
            }
            return DeliveryReport.of(acknowledged, inboxes);
        };
        try {
            Awaitility.await("every acknowledged message in an inbox").atMost(atMost)
                    .pollInterval(Duration.ofSeconds(2)).until(() -> {
                        report.set(read.get());
                        return report.get().lost() == 0;
                    });
        } catch (ConditionTimeoutException e) {
            // what is still missing shows in the report the caller asserts on
            return report.get();
        }
        Awaitility.await("the hub's consumer groups at the end of their topics").atMost(atMost)
                .pollInterval(Duration.ofSeconds(1)).until(() -> caughtUp(bootstrapServers));
        return read.get();
    }

    /**
     * What the partners' inbox topics hold, as a Kafka-native partner reads them (committed records only), against
     * what the hub acknowledged; call after {@link #awaitDelivery}. With {@code ledgerOnly} narrowed to the
     * ledger's messages.
     */
    static DeliveryReport inboxTopicsReport(Ledger ledger, String bootstrapServers, SchemaRegistryClient registry,
            boolean ledgerOnly) {
        Map<String, String> acknowledged = ledger.acknowledged();
        AvroWireCodec codec = new AvroWireCodec(registry, false, false);
        Map<String, List<String>> topics = new LinkedHashMap<>();
        for (String partner : PARTNERS) {
            List<String> ids = new ArrayList<>();
            readToEnd(bootstrapServers, "ips.inbox." + partner + "-v1",
                    r -> ids.add(codec.decode(r.value(), HubMessage.class).getMessageId()));
            topics.put(partner, ledgerOnly ? ids.stream().filter(acknowledged::containsKey).toList() : ids);
        }
        return DeliveryReport.of(acknowledged, topics);
    }

    /** Hands every committed record of {@code topic}, from its beginning to its end now, to {@code each}. */
    static void readToEnd(String bootstrapServers, String topic,
            java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each) {
        Map<String, Object> config = kafkaClient(bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(each);
            }
        }
    }

    /** True when the hub's ingress group has committed up to the end of every partition it reads. */
    static boolean caughtUp(String bootstrapServers) {
        Map<String, List<String>> groups = Map.of(
                INGRESS_GROUP, PARTNERS.stream().map(ReliabilitySupport::ingressTopic).toList());
        try (Admin admin = Admin.create(kafkaClient(bootstrapServers))) {
            for (Map.Entry<String, List<String>> group : groups.entrySet()) {
                Map<TopicPartition, OffsetSpec> request = new HashMap<>();
                admin.describeTopics(group.getValue()).allTopicNames().get(30, TimeUnit.SECONDS)
                        .forEach((topic, description) -> description.partitions().forEach(
                                p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets(group.getKey()).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                Map<TopicPartition, Long> ends = new HashMap<>();
                admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
                for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                    OffsetAndMetadata at = committed.get(end.getKey());
                    if ((at == null ? 0 : at.offset()) < end.getValue()) {
                        return false;
                    }
                }
            }
            return true;
        } catch (Exception e) {
            throw new IllegalStateException("cannot compare the hub's committed offsets with the end offsets", e);
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // A database the test can take away

    /**
     * An H2 database behind its own TCP server, in PostgreSQL mode as the hub runs H2: several hubs can share
     * it, and the test can stop the server (connections are cut and refused) and start it again on the same
     * port and files.
     */
    static final class DatabaseServer implements AutoCloseable {

        private final Path baseDir;
        private final int port;
        private org.h2.tools.Server server;

        DatabaseServer(Path baseDir) {
            this.baseDir = baseDir;
            this.port = freePort();
        }

        /** The hub's {@code spring.datasource.*} arguments for this database. */
        List<String> hubArguments() {
            return List.of(
                    "--spring.datasource.url=jdbc:h2:tcp://127.0.0.1:" + port + "/hub;MODE=PostgreSQL;"
                            + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                    "--spring.datasource.username=sa",
                    "--spring.datasource.password=");
        }

        DatabaseServer start() {
            try {
                server = org.h2.tools.Server.createTcpServer("-tcpPort", String.valueOf(port), "-baseDir",
                        baseDir.toString(), "-ifNotExists").start();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot start the database server", e);
            }
            return this;
        }

        /** Stops the server: open connections are cut, new ones refused. */
        void stop() {
            if (server != null) {
                server.stop();
                server = null;
            }
        }

        @Override
        public void close() {
            stop();
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // A hub in this JVM

    /** A hub running as a Spring context in the test's JVM. */
    record HubContext(ConfigurableApplicationContext context, int httpPort) implements AutoCloseable {

        String baseUrl() {
            return "http://127.0.0.1:" + httpPort;
        }

        HttpEdge edge() {
            return new HttpEdge(baseUrl());
        }

        <T> T bean(Class<T> type) {
            return context.getBean(type);
        }

        @Override
        public void close() {
            context.close();
        }
    }

    /** Starts the hub application with these command-line arguments (plus a free HTTP port and the common ones). */
    static HubContext startHub(Path dataDir, String... arguments) {
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--hub.data-dir=" + dataDir));
        all.addAll(COMMON_ARGUMENTS);
        all.addAll(List.of(arguments));
        long started = System.nanoTime();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(HubApplication.class)
                .run(HubApplication.springArguments(all.toArray(String[]::new)));
        int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
        log.info("Hub on port {} started in {} ms", port, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return new HubContext(context, port);
    }
}
