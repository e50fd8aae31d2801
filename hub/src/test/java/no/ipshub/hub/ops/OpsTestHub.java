package no.ipshub.hub.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import no.ipshub.engine.kafka.HubProducer;
import no.ipshub.engine.kafka.HubWireCodec;
import no.ipshub.hub.HubApplication;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.registry.kafka.KafkaClientSettings;
import no.ipshub.routes.deadletter.DeadLetterPublisher;
import no.ipshub.routes.inbox.InboxCursor;
import no.ipshub.routes.inbox.InboxReader;
import no.ipshub.schemas.identifiers.SyntheticIdentifiers;
import no.ipshub.schemas.v1.DeadLetter;
import no.ipshub.schemas.v1.DeadLetterReason;
import no.ipshub.schemas.v1.HubMessage;
import no.ipshub.schemas.v1.Referral;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One whole hub (embedded broker and registry, H2 file database, HTTP server, all routes) shared by the
 * operations ITs, started on free ports and a temporary data directory when a test first asks for it and
 * stopped when the test run ends (see {@link Extension}). Partners and keys are the published demo ones of
 * {@code partners-demo.yml}. Each test makes its own case and message ids, so tests do not see each other's
 * messages.
 */
public final class OpsTestHub implements AutoCloseable {

    public static final String TEAM = "haukeland-tsb";
    public static final String TEAM_KEY = "demo-key-haukeland-tsb";
    public static final String NAV_OFFICE = "nav-bergenhus";
    public static final String NAV_OFFICE_KEY = "demo-key-nav-bergenhus";
    public static final String OPERATOR = "demo-operator";
    public static final String OPERATOR_KEY = "demo-key-operator";
    public static final String RESEARCHER_KEY = "demo-key-researcher";
    public static final String TABLE_READER_KEY = "demo-key-table-reader";
    public static final String INGRESS_GROUP = "ips-hub-ingress";
    public static final String INGRESS_ROUTE = "partner-ingress";
    /** {@code hub.ops.lag-alert.oldest-age} of the shared hub. */
    public static final Duration LAG_ALERT_AGE = Duration.ofSeconds(3);

    /** A synthetic fødselsnummer (birth month plus 80, so no real person has it) with valid control digits. */
    public static final String NATIONAL_ID = new SyntheticIdentifiers(4711).nationalId();

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private static volatile Holder holder;

    private final ConfigurableApplicationContext context;
    private final Path dataDir;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final KafkaProducer<byte[], byte[]> producer;

    private OpsTestHub(ConfigurableApplicationContext context, Path dataDir) {
        this.context = context;
        this.dataDir = dataDir;
        this.httpPort = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
        Map<String, Object> config = bean(KafkaClientSettings.class).commonProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** The shared hub, started on the first call; the test class must use {@link Extension}. */
    public static OpsTestHub shared() {
        Holder current = holder;
        if (current == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(OpsTestHub.Extension.class)");
        }
        return current.hub();
    }

    /**
     * Keeps the shared hub in JUnit's root store, which closes it when the whole run is over. The hub itself
     * starts only when a test first asks for it, so a class that skips costs nothing.
     */
    public static final class Extension implements BeforeAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            holder = context.getRoot().getStore(ExtensionContext.Namespace.create(OpsTestHub.class))
                    .computeIfAbsent(Holder.class, k -> new Holder(), Holder.class);
        }
    }

    /** Starts the hub once and stops it when JUnit closes the store. */
    private static final class Holder implements AutoCloseable {

        private OpsTestHub hub;

        synchronized OpsTestHub hub() {
            if (hub == null) {
                hub = start();
            }
            return hub;
        }

        @Override
        public synchronized void close() {
            if (hub != null) {
                hub.close();
                hub = null;
            }
        }
    }

    private static OpsTestHub start() {
        try {
            Path dataDir = Files.createTempDirectory("ops-it-");
            ConfigurableApplicationContext context = new SpringApplicationBuilder(HubApplication.class).run(
                    "--server.port=0",
                    "--hub.data-dir=" + dataDir,
                    "--hub.kafka.embedded.port=" + freePort(),
                    "--hub.kafka.embedded.controller-port=" + freePort(),
                    "--hub.ops.sample-interval=1s",
                    // a record unread for 3 s is a lag alert, so that a test sees one without waiting 15 minutes
                    "--hub.ops.lag-alert.oldest-age=" + LAG_ALERT_AGE.toSeconds() + "s",
                    "--hub.ops.page-refresh=2s",
                    "--hub.ops.health-refresh=1s",
                    "--hub.ops.registry-refresh=2s",
                    // a loop counts as degraded from its first failure, so a test sees DEGRADED without waiting
                    "--hub.supervision.degraded-after=0s");
            return new OpsTestHub(context, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        context.close();
        try (var files = Files.walk(dataDir)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind does no harm
        }
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The bean of this name and type. */
    public <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public HubTopics topics() {
        return bean(HubTopics.class);
    }

    // ---- HTTP ----

    /** GET with a bearer key; no key when {@code apiKey} is null. */
    public HttpResponse<String> get(String path, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return send(request);
    }

    /** POST of a JSON body with a bearer key; no key when {@code apiKey} is null. */
    public HttpResponse<String> post(String path, String apiKey, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return send(request);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The body of a 200 answer as JSON; fails the test on any other status. */
    public JsonNode getJson(String path) {
        HttpResponse<String> response = get(path, OPERATOR_KEY);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** The operator's view of one dead letter, or null when it is not indexed (yet). */
    public JsonNode deadLetter(String id) {
        HttpResponse<String> response = get("/api/v1/ops/deadletters/" + id, OPERATOR_KEY);
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    /** Suspends a route through the operations API and waits until it is suspended. */
    public void suspendRoute(String routeId) {
        HttpResponse<String> answer = post("/api/v1/ops/routes/" + routeId + "/suspend", OPERATOR_KEY, "");
        if (answer.statusCode() != 200) {
            throw new AssertionError("suspending " + routeId + " answered " + answer.statusCode() + ": " + answer.body());
        }
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> getJson("/api/v1/ops/routes/" + routeId).path("state").asString(), "Suspended"::equals);
    }

    /** Resumes a route through the operations API; returns its state as the answer gives it. */
    public String resumeRoute(String routeId) {
        HttpResponse<String> answer = post("/api/v1/ops/routes/" + routeId + "/resume", OPERATOR_KEY, "");
        return JSON.readTree(answer.body()).path("state").asString();
    }

    /** The lines of {@code /actuator/prometheus} of one metric whose labels include {@code label="value"}. */
    public List<String> prometheus(String metric, String label, String value) {
        String body = get("/actuator/prometheus", null).body();
        String wanted = label + "=\"" + value + "\"";
        return body.lines().filter(l -> l.startsWith(metric + "{") && l.contains(wanted)).toList();
    }

    // ---- Kafka and messages ----

    /** Writes raw bytes to a topic and returns where they landed. */
    public RecordMetadata produce(String topic, byte[] key, byte[] value) {
        try {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write to " + topic, e);
        }
    }

    /** A valid referral from the Haukeland team to NAV Bergenhus. */
    public static HubMessage referral(String messageId, String caseId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return HubMessage.newBuilder()
                .setMessageId(messageId)
                .setCaseId(caseId)
                .setSender(TEAM)
                .setRecipient(NAV_OFFICE)
                .setOccurredAt(now)
                .setRecordedAt(now)
                .setCorrelationId(null)
                .setSchemaVersion(1)
                .setPayload(Referral.newBuilder()
                        .setParticipantNationalId(NATIONAL_ID)
                        .setReferringTeam(TEAM)
                        .setNavOffice(NAV_OFFICE)
                        .setReferralDate(LocalDate.now(ZoneOffset.UTC))
                        .setResearchConsent(true)
                        .setJobSpecialistRef(null)
                        .setNote("agreed at the meeting on Monday")
                        .build())
                .build();
    }

    /** The message in the wire format of the team's ingress topic, as the team would write it. */
    public byte[] wireBytes(HubMessage message) {
        return bean(HubWireCodec.class).encode(topics().ingressFor(TEAM), message);
    }

    /**
     * Publishes, as the routes would, a dead letter holding a valid message that came through the team's ingress:
     * the stand-in for a message that failed for a reason since fixed. Returns the dead letter's id.
     */
    public String publishDeadLetterOfValidMessage(HubMessage message) {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        DeadLetter letter = DeadLetter.newBuilder()
                .setDeadLetterId(id)
                .setOriginalKey(ByteBuffer.wrap(message.getCaseId().getBytes(StandardCharsets.UTF_8)))
                .setOriginalValue(ByteBuffer.wrap(wireBytes(message)))
                .setSourceTopic(topics().ingressFor(TEAM))
                .setSourcePartition(0)
                .setSourceOffset(0)
                .setRouteId("partner-ingress")
                .setPartner(TEAM)
                .setMessageId(message.getMessageId())
                .setReasonCode(DeadLetterReason.PROCESSING_FAILED)
                .setReason("processing failed with a test's stand-in failure; see the hub log")
                .setFirstFailureAt(now)
                .setLastFailureAt(now)
                .setAttempts(1)
                .build();
        bean(HubProducer.class).sendAll(List.of(bean(DeadLetterPublisher.class).record(letter)));
        return id;
    }

    /** The message ids in a partner's inbox, oldest first. */
    public List<String> inbox(String partner) {
        List<String> ids = new ArrayList<>();
        InboxCursor after = InboxCursor.start();
        while (true) {
            InboxReader.InboxPage page = bean(InboxReader.class).read(partner, after, InboxReader.MAX_LIMIT);
            page.items().forEach(i -> ids.add(i.message().getMessageId()));
            if (page.items().isEmpty()) {
                return ids;
            }
            after = InboxCursor.parse(page.nextCursor());
        }
    }

    /** The offset committed by a consumer group on a partition; -1 when none. */
    public long committedOffset(String group, String topic, int partition) {
        try (Admin admin = Admin.create(bean(KafkaClientSettings.class).commonProperties())) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            OffsetAndMetadata om = offsets.get(new TopicPartition(topic, partition));
            return om == null ? -1 : om.offset();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the offsets of " + group, e);
        }
    }

    public static String newMessageId() {
        return UUID.randomUUID().toString();
    }

    public static String newCaseId() {
        return "ops-it-" + UUID.randomUUID();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
