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
import no.ipshub.registry.client.SchemaRegistryClients;
import no.ipshub.registry.serde.AvroWireCodec;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Runs the hub the README's way and measures, in one run on its broker: a raw Kafka pipe (the baseline),
 * the hub's Kafka pipeline, HTTP ingest with 32 clients, end-to-end latency at a fixed rate, and the hub's
 * resident memory. Prints figures and ratios; asserts nothing (these machines are noisy).
 *
 * <p>Options: {@code --hub-jar=hub/target/ips-hub.jar --messages=200000 --http-messages=40000
 * --rate=1000 --latency-seconds=20 --clients=32}.
 */
public final class HubBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        Path hubJar = Path.of(options.getOrDefault("hub-jar", "hub/target/ips-hub.jar"));
        int messages = Integer.parseInt(options.getOrDefault("messages", "200000"));
        int httpMessages = Integer.parseInt(options.getOrDefault("http-messages", "40000"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "1000"));
        int latencySeconds = Integer.parseInt(options.getOrDefault("latency-seconds", "20"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "32"));
        if (!Files.isRegularFile(hubJar)) {
            throw new IllegalArgumentException(hubJar + " not found: build it first (mvn -B -DskipTests install)");
        }
        Path workDir = Files.createTempDirectory("ips-hub-bench-");
        String runId = UUID.randomUUID().toString().substring(0, 8);
        System.out.printf("IPS hub benchmark: %,d messages through Kafka, %,d over HTTP, %d clients; hub in %s%n",
                messages, httpMessages, clients, workDir);

        try (HubProcess hub = HubProcess.start(hubJar, workDir)) {
            System.out.printf("hub healthy after %.1f s, idle RSS %.0f MiB%n",
                    hub.startUp().toMillis() / 1000.0, hub.residentMiB());
            MemorySampler memory = new MemorySampler(hub);
            memory.start();

            AvroWireCodec codec = new AvroWireCodec(SchemaRegistryClients.create(hub.baseUrl() + "/registry"), false, false);
            MessageFactory factory = new MessageFactory();
            List<Keyed> records = new ArrayList<>(messages);
            long bytes = 0;
            for (long sequence = 0; sequence < messages; sequence++) {
                HubMessage message = factory.message(sequence);
                String topic = "ips.ingress." + message.getSender() + "-v1";
                byte[] value = codec.encode(topic, message);
                bytes += value.length;
                records.add(new Keyed(message.getCaseId(), topic, value));
            }
            System.out.printf("records: mean %d bytes of Confluent-framed Avro%n", bytes / messages);
            KafkaPipelines kafka = new KafkaPipelines(hub.bootstrapServers());
            String keyPrefix = records.get(0).key().substring(0, records.get(0).key().lastIndexOf('-') + 1);
            List<String> inboxes = BenchPartners.NAV_OFFICES.stream().map(p -> "ips.inbox." + p.id() + "-v1").toList();
            int partitions = kafka.partitionsOf("ips.referral-v1");

            double raw = kafka.rawPipe(records, partitions, runId);
            System.out.printf("(1) raw Kafka pipe, 2 hops, %d partitions:        %,10.0f msgs/s%n", partitions, raw);
            double pipeline = kafka.hubPipeline(records, inboxes, keyPrefix);
            System.out.printf("(2) hub pipeline ingress -> canonical -> inbox:  %,10.0f msgs/s  ratio to raw %.2f (target >= 0.50)%n",
                    pipeline, pipeline / raw);

            HttpLoad http = new HttpLoad(hub.baseUrl(), factory, clients);
            HttpLoad.Result ingest = http.run(clients, messages, httpMessages, 0, null);
            System.out.printf("(3) HTTP ingest, %d clients: %,10.0f accepted/s, p50 %.1f ms, p99 %.1f ms, %d failed %s"
                            + " (target >= 3,000/s, p99 < 50 ms)%n",
                    clients, ingest.acceptedPerSecond(), ingest.latencies().percentileMillis(50),
                    ingest.latencies().percentileMillis(99), ingest.failed(), http.failuresByStatus());

            LatencyRecorder endToEnd = endToEnd(codec, kafka, inboxes, http, clients,
                    (long) messages + httpMessages, (int) (rate * latencySeconds), rate);
            System.out.printf("(4) end to end at %.0f msgs/s, 202 to inbox: p50 %.1f ms, p99 %.1f ms over %,d messages"
                            + " (target p99 < 100 ms)%n",
                    rate, endToEnd.percentileMillis(50), endToEnd.percentileMillis(99), endToEnd.count());
            memory.stopSampling();
            System.out.printf("(5) hub resident memory: idle %.0f MiB, peak under load %.0f MiB (target < 768 MiB)%n",
                    memory.first(), memory.peak());
        }
    }

    /**
     * Paced HTTP sends; a reader on the recipients' inbox topics matches each message to the moment its
     * 202 arrived. After the last send the reader waits up to 30 s for the stragglers.
     */
    private static LatencyRecorder endToEnd(AvroWireCodec codec, KafkaPipelines kafka, List<String> inboxes,
                                            HttpLoad http, int clients, long firstSequence, int total, double rate)
            throws Exception {
        LatencyRecorder latencies = new LatencyRecorder();
        Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
        Map<String, Long> seenAt = new ConcurrentHashMap<>();
        AtomicLong sendsDoneAt = new AtomicLong(Long.MAX_VALUE);
        try (KafkaConsumer<String, byte[]> inbox = kafka.positionedAtEnd(inboxes)) {
            Thread reader = new Thread(() -> {
                while (latencies.count() < acceptedAt.size() || sendsDoneAt.get() == Long.MAX_VALUE) {
                    if (System.nanoTime() - sendsDoneAt.get() > Duration.ofSeconds(30).toNanos()) {
                        return;
                    }
                    for (ConsumerRecord<String, byte[]> record : inbox.poll(Duration.ofMillis(20))) {
                        long now = System.nanoTime();
                        String messageId = codec.decode(record.value(), HubMessage.class).getMessageId();
                        Long accepted = acceptedAt.get(messageId);
                        if (accepted != null) {
                            latencies.record(Math.max(0, now - accepted));
                        } else {
                            seenAt.put(messageId, now);
                        }
                    }
                }
            }, "inbox-reader");
            reader.start();
            http.run(clients, firstSequence, total, rate, (messageId, nanoTime) -> {
                acceptedAt.put(messageId, nanoTime);
                if (seenAt.remove(messageId) != null) {
                    latencies.record(0); // in the inbox before the 202 reached the client
                }
            });
            sendsDoneAt.set(System.nanoTime());
            reader.join();
        }
        return latencies;
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
