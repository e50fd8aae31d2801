package no.ipshub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import no.ipshub.bench.KafkaPipelines.Keyed;
import no.ipshub.registry.core.SchemaRegistryClients;
import no.ipshub.registry.serde.AvroWireCodec;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Runs the hub the README's way and measures, in one run on its broker: start-up to healthy, a raw Kafka pipe
 * (the baseline), the hub's Kafka pipeline, HTTP ingest with 32 clients, end-to-end latency at a fixed rate, and
 * the hub's resident memory; then, on a second hub writing to PostgreSQL, the collaboration-log route against a
 * plain JDBC batch insert of the same rows; and how long the intake's state of a million accepted ids takes to
 * restore, with its heap per id and per case. Prints figures, ratios and targets; asserts nothing (these machines
 * are noisy).
 *
 * <p>Options: {@code --hub-jar=hub/target/ips-hub.jar --jvm-options=hub/jvm.options --messages=200000
 * --http-messages=40000 --rate=1000 --latency-seconds=20 --clients=32 --log-messages=40000
 * --postgres-url=jdbc:postgresql://127.0.0.1:5432/test --postgres-user=postgres} ({@code --log-messages=0} leaves
 * the PostgreSQL measurement out; {@code --only=log} runs that measurement alone), {@code --state-ids=1000000} (the size of the intake state restored in the
 * state measurement; 0 leaves it out), and {@code --hub-java-options="..."} for extra options of the hub's JVM, such as
 * {@code -XX:StartFlightRecording=filename=hub.jfr} to profile it. The hub runs with {@code MALLOC_ARENA_MAX=2}, as
 * {@code hub/run} and the Dockerfile start it (unless the benchmark's own environment sets another value), and with
 * Native Memory Tracking, whose breakdown follows the memory figures ({@code --native-memory=false} leaves it out).
 */
public final class HubBenchmark {

    /** Message numbers of the warm-up: far above any measured run's, so cases never mix. */
    static final long WARM_UP_SEQUENCE = 1_000_000_000L;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        Path hubJar = Path.of(options.getOrDefault("hub-jar", "hub/target/ips-hub.jar"));
        Path jvmOptions = Path.of(options.getOrDefault("jvm-options", "hub/jvm.options"));
        List<String> extraJavaOptions = new ArrayList<>(options.containsKey("hub-java-options")
                ? List.of(options.get("hub-java-options").trim().split("\\s+")) : List.of());
        // the JVM's own breakdown of its memory for (5); --native-memory=false leaves it out (it costs a few MiB)
        if (!"false".equals(options.get("native-memory"))) {
            extraJavaOptions.add("-XX:NativeMemoryTracking=summary");
        }
        int messages = Integer.parseInt(options.getOrDefault("messages", "200000"));
        int httpMessages = Integer.parseInt(options.getOrDefault("http-messages", "40000"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "1000"));
        int latencySeconds = Integer.parseInt(options.getOrDefault("latency-seconds", "20"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "32"));
        int logMessages = Integer.parseInt(options.getOrDefault("log-messages", "40000"));
        int stateIds = Integer.parseInt(options.getOrDefault("state-ids", "1000000"));
        String postgresUrl = options.getOrDefault("postgres-url", "jdbc:postgresql://127.0.0.1:5432/test");
        String postgresUser = options.getOrDefault("postgres-user", "postgres");
        // --only=log measures the collaboration log into PostgreSQL alone, on its own hub
        boolean logOnly = "log".equals(options.get("only"));
        if (!Files.isRegularFile(hubJar)) {
            throw new IllegalArgumentException(hubJar + " not found: build it first (mvn -B -DskipTests install)");
        }
        Path workDir = Files.createTempDirectory("ips-hub-bench-");
        String runId = UUID.randomUUID().toString().substring(0, 8);
        System.out.printf("IPS hub benchmark: %,d messages through Kafka, %,d over HTTP, %d clients; hub in %s%n",
                messages, httpMessages, clients, workDir);

        if (!logOnly) {
            try (HubProcess hub = HubProcess.start(hubJar, jvmOptions, extraJavaOptions, workDir)) {
                System.out.printf("(0) hub healthy after %.1f s (target <= 8 s), idle RSS %.0f MiB%n",
                        hub.startUp().toMillis() / 1000.0, hub.residentMiB());
                MemorySampler memory = new MemorySampler(hub);
                memory.start();

                AvroWireCodec codec = new AvroWireCodec(SchemaRegistryClients.create(hub.baseUrl() + "/registry"), false, false);
                MessageFactory factory = new MessageFactory();
                List<Keyed> records = ingressRecords(factory, codec, 0, messages);
                long bytes = records.stream().mapToLong(r -> r.value().length).sum();
                System.out.printf("records: mean %d bytes of Confluent-framed Avro%n", bytes / messages);
                KafkaPipelines kafka = new KafkaPipelines(hub.bootstrapServers());
                String keyPrefix = KafkaPipelines.keyPrefixOf(records);
                List<String> inboxes = BenchPartners.navOfficeInboxes();
                int partitions = kafka.partitionsOf("ips.referral-v1");

                // A fresh JVM compiles its hot code in the first tens of seconds, which on a small machine takes a
                // good part of the CPU: warm the hub (and the broker) up first, as any long-running hub is.
                int warmUp = Math.max(5_000, Math.min(40_000, messages / 5)) / MessageFactory.MESSAGES_PER_CASE
                        * MessageFactory.MESSAGES_PER_CASE;
                int warmUpHttp = Math.max(1_000, Math.min(10_000, httpMessages / 4));
                kafka.hubPipeline(ingressRecords(factory, codec, WARM_UP_SEQUENCE, warmUp), inboxes, keyPrefix);
                new HttpLoad(hub.baseUrl(), factory, clients).run(clients, WARM_UP_SEQUENCE + warmUp, warmUpHttp, 0, null);
                kafka.rawPipe(records.subList(0, Math.min(records.size(), warmUp)), partitions, runId + "-warm-up");
                Duration warmedUp = kafka.awaitHubCaughtUp(Duration.ofMinutes(10));
                System.out.printf("warm-up, not measured: %,d messages through Kafka, %,d over HTTP, raw pipe %,d;"
                        + " hub caught up %.1f s after%n", warmUp, warmUpHttp, Math.min(records.size(), warmUp),
                        warmedUp.toMillis() / 1000.0);

                double raw = kafka.rawPipe(records, partitions, runId);
                System.out.printf("(1) raw Kafka pipe, 2 hops, %d partitions, at least once: %,10.0f msgs/s%n", partitions, raw);
                long pipelineStarted = System.nanoTime();
                double pipeline = kafka.hubPipeline(records, inboxes, keyPrefix);
                System.out.printf("(2) hub pipeline ingress -> canonical + inbox, exactly once: %,10.0f msgs/s  ratio to raw"
                        + " %.2f (target >= 0.50)%n", pipeline, pipeline / raw);
                Duration settled = kafka.awaitHubCaughtUp(Duration.ofMinutes(10));
                double allRoutes = messages / ((System.nanoTime() - pipelineStarted) / 1e9);
                System.out.printf("    the whole hub, until the collaboration log and webhook routes have read everything (%.1f s"
                        + " later): %,10.0f msgs/s  ratio to raw %.2f (target >= 0.40)%n", settled.toMillis() / 1000.0,
                        allRoutes, allRoutes / raw);
                // the raw pipe varies by a third from run to run here: measure it again, so the spread shows
                double rawAgain = kafka.rawPipe(records, partitions, runId + "-again");
                System.out.printf("    raw pipe measured again after the hub pipeline: %,10.0f msgs/s; hub pipeline ratio to the mean"
                        + " of both %.2f%n", rawAgain, pipeline / ((raw + rawAgain) / 2));

                HttpLoad http = new HttpLoad(hub.baseUrl(), factory, clients);
                HttpLoad.Result ingest = http.run(clients, messages, httpMessages, 0, null);
                System.out.printf("(3) HTTP ingest, %d clients: %,10.0f accepted/s, p50 %.1f ms, p99 %.1f ms, %d failed %s"
                                + " (target >= 3,000/s, p99 < 50 ms)%n",
                        clients, ingest.acceptedPerSecond(), ingest.latencies().percentileMillis(50),
                        ingest.latencies().percentileMillis(99), ingest.failed(), http.failuresByStatus());

                kafka.awaitHubCaughtUp(Duration.ofMinutes(10));
                EndToEnd endToEnd = endToEnd(codec, kafka, inboxes, http, clients,
                        (long) messages + httpMessages, (int) (rate * latencySeconds), rate);
                System.out.printf("(4) end to end, paced at %.0f msgs/s (reached %,.0f/s), HTTP send to readable on the inbox"
                                + " topic: p50 %.1f ms, p99 %.1f ms over %,d messages (target p99 < 50 ms); the 202 itself:"
                                + " p50 %.1f ms, p99 %.1f ms%n",
                        rate, endToEnd.sends().acceptedPerSecond(), endToEnd.inbox().percentileMillis(50),
                        endToEnd.inbox().percentileMillis(99), endToEnd.inbox().count(),
                        endToEnd.sends().latencies().percentileMillis(50), endToEnd.sends().latencies().percentileMillis(99));
                memory.stopSampling();
                System.out.printf("(5) hub resident memory: idle %.0f MiB, peak under load %.0f MiB (target < 600 MiB)%n",
                        memory.first(), memory.peak());
                Map<String, Double> nativeMemory = hub.nativeMemoryMiB();
                if (!nativeMemory.isEmpty()) {
                    StringBuilder line = new StringBuilder();
                    nativeMemory.forEach((category, mib) -> {
                        if (mib >= 1) {
                            line.append(line.length() == 0 ? "" : ", ").append(String.format("%s %.0f", category, mib));
                        }
                    });
                    System.out.printf("    committed by the JVM now (Native Memory Tracking, MiB; resident %.0f MiB): %s%n",
                            hub.residentMiB(), line);
                }
                if (stateIds > 0) {
                    StateRestoreBench.Result state = new StateRestoreBench(hub.bootstrapServers()).run(stateIds);
                    System.out.printf("(7) intake state: %,d accepted ids in %,d cases restored from the changelog in %.1f s"
                                    + " (%,.0f ids/s); heap %.0f bytes per id, %.0f bytes per case (its parties)%n",
                            state.ids(), state.cases(), state.restore().toMillis() / 1000.0,
                            state.ids() / (state.restore().toNanos() / 1e9), state.bytesPerId(), state.bytesPerCase());
                }
            }
        }
        CollaborationLogBench logBench = new CollaborationLogBench(postgresUrl, postgresUser);
        if (logMessages <= 0) {
            return;
        }
        if (!logBench.reachable()) {
            System.out.printf("(6) collaboration-log route into PostgreSQL: not measured, %s is unreachable%n", postgresUrl);
            return;
        }
        CollaborationLogBench.Result log = logBench.run(hubJar, jvmOptions, extraJavaOptions,
                workDir.resolve("postgres-hub"), logMessages);
        System.out.printf("(6) collaboration-log route into PostgreSQL: %,d entries, %,.0f entries/s; plain JDBC batch"
                + " insert of the same rows %,.0f rows/s; ratio %.2f (goal >= 0.80)%n", log.entries(),
                log.routeEntriesPerSecond(), log.jdbcEntriesPerSecond(), log.ratio());
    }

    /** Messages {@code first} to {@code first + count - 1} as records on their senders' ingress topics. */
    static List<Keyed> ingressRecords(MessageFactory factory, AvroWireCodec codec, long first, int count) {
        List<Keyed> records = new ArrayList<>(count);
        for (long sequence = first; sequence < first + count; sequence++) {
            HubMessage message = factory.message(sequence);
            String topic = "ips.ingress." + message.getSender() + "-v1";
            records.add(new Keyed(message.getCaseId(), topic, codec.encode(topic, message)));
        }
        return records;
    }

    /** Latencies from each HTTP send to the message readable on its inbox topic, and the paced sends themselves. */
    private record EndToEnd(LatencyRecorder inbox, HttpLoad.Result sends) {
    }

    /**
     * Paced HTTP sends; a reader on the recipients' inbox topics (read_committed) matches each accepted message to
     * the moment it was sent. After the last send the reader waits up to 30 s for the stragglers.
     */
    private static EndToEnd endToEnd(AvroWireCodec codec, KafkaPipelines kafka, List<String> inboxes,
                                            HttpLoad http, int clients, long firstSequence, int total, double rate)
            throws Exception {
        LatencyRecorder latencies = new LatencyRecorder();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> seenAt = new ConcurrentHashMap<>();
        AtomicLong accepted = new AtomicLong();
        AtomicLong sendsDoneAt = new AtomicLong(Long.MAX_VALUE);
        try (KafkaConsumer<String, byte[]> inbox = kafka.positionedAtEnd(inboxes)) {
            Thread reader = new Thread(() -> {
                while (latencies.count() < accepted.get() || sendsDoneAt.get() == Long.MAX_VALUE) {
                    if (System.nanoTime() - sendsDoneAt.get() > Duration.ofSeconds(30).toNanos()) {
                        return;
                    }
                    for (ConsumerRecord<String, byte[]> record : inbox.poll(Duration.ofMillis(20))) {
                        long now = System.nanoTime();
                        String messageId = codec.decode(record.value(), HubMessage.class).getMessageId();
                        Long sent = sentAt.get(messageId);
                        if (sent != null && seenAt.putIfAbsent(messageId, now) == null) {
                            latencies.record(Math.max(0, now - sent));
                        }
                    }
                }
            }, "inbox-reader");
            reader.start();
            HttpLoad.Result sends = http.run(clients, firstSequence, total, rate, new HttpLoad.AcceptListener() {
                @Override
                public void sending(String messageId, long nanoTime) {
                    sentAt.put(messageId, nanoTime);
                }

                @Override
                public void accepted(String messageId, long nanoTime) {
                    accepted.incrementAndGet();
                }
            });
            sendsDoneAt.set(System.nanoTime());
            reader.join();
            return new EndToEnd(latencies, sends);
        }
    }

    /** Samples the hub's resident memory every 200 ms while the load runs. */
    private static final class MemorySampler extends Thread {
        private final HubProcess hub;
        private volatile boolean running = true;
        private volatile double first = -1;
        private volatile double peak;

        MemorySampler(HubProcess hub) {
            super("rss-sampler");
            setDaemon(true);
            this.hub = hub;
        }

        @Override
        public void run() {
            while (running) {
                double rss = hub.residentMiB();
                if (first < 0) {
                    first = rss;
                }
                peak = Math.max(peak, rss);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stopSampling() {
            running = false;
        }

        double first() {
            return first;
        }

        double peak() {
            return peak;
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("unknown argument " + arg + "; options look like --messages=200000");
            }
        }
        return options;
    }

    private HubBenchmark() {
    }
}
