package no.ipshub.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import no.ipshub.engine.kafka.HubKafkaClients;
import no.ipshub.engine.state.CaseOpening;
import no.ipshub.engine.state.CaseStateStore;
import no.ipshub.engine.state.ChangelogReader;
import no.ipshub.engine.state.StateChangelog;
import no.ipshub.registry.kafka.KafkaClientSettings;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * How long the intake's state takes to restore and how much heap it holds: a changelog of {@code ids} accepted
 * message ids in cases of {@value #IDS_PER_CASE} (each case with its parties) is written to a fresh compacted
 * topic on the hub's broker, then restored into a {@link CaseStateStore} in this JVM as a consumer gaining every
 * partition would. Heap per id and per case are the growth of the used heap after a full collection, divided.
 */
final class StateRestoreBench {

    static final int IDS_PER_CASE = 5;
    private static final int PARTITIONS = 3;

    record Result(long ids, int cases, Duration restore, double bytesPerId, double bytesPerCase) {
    }

    private final String bootstrapServers;

    StateRestoreBench(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    Result run(int ids) throws Exception {
        String topic = "bench-state-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact")))).all().get(60, TimeUnit.SECONDS);
        }
        StateChangelog changelog = new StateChangelog(topic, PARTITIONS);
        int cases = ids / IDS_PER_CASE;
        write(changelog, cases);
        try (ChangelogReader reader = new ChangelogReader(new HubKafkaClients(settings()), "bench-state",
                Duration.ofSeconds(10))) {
            // one restore to warm the reader's code up; the measured one reads into a fresh store
            restore(changelog, reader);
            long before = usedHeap();
            long started = System.nanoTime();
            CaseStateStore store = restore(changelog, reader);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            long after = usedHeap();
            long stateBytes = after - before;
            // parties only: the same cases without their ids
            String partiesTopic = topic + "-parties";
            try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
                admin.createTopics(List.of(new NewTopic(partiesTopic, PARTITIONS, (short) 1))).all()
                        .get(60, TimeUnit.SECONDS);
            }
            StateChangelog partiesOnly = new StateChangelog(partiesTopic, PARTITIONS);
            writeParties(partiesOnly, cases);
            long beforeParties = usedHeap();
            CaseStateStore parties = restore(partiesOnly, reader);
            long partiesBytes = usedHeap() - beforeParties;
            if (store.acceptedCount() != (long) cases * IDS_PER_CASE || parties.caseCount() != cases) {
                throw new IllegalStateException("restored " + store.acceptedCount() + " ids and " + parties.caseCount()
                        + " cases, not " + (long) cases * IDS_PER_CASE + " and " + cases);
            }
            double perCase = (double) partiesBytes / cases;
            double perId = (double) (stateBytes - partiesBytes) / ((long) cases * IDS_PER_CASE);
            return new Result(store.acceptedCount(), store.caseCount(), took, perId, perCase);
        }
    }

    private static CaseStateStore restore(StateChangelog changelog, ChangelogReader reader) {
        CaseStateStore store = new CaseStateStore(changelog, reader);
        store.ensureCurrent(Set.copyOf(IntStream.range(0, PARTITIONS).boxed().toList()));
        return store;
    }

    private void write(StateChangelog changelog, int cases) {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            long now = System.currentTimeMillis();
            for (int c = 0; c < cases; c++) {
                String caseId = "bench-case-" + c;
                producer.send(changelog.partiesRecord(caseId, List.of(new CaseOpening(caseId, "haukeland-tsb",
                        "nav-bergenhus", UUID.randomUUID().toString()))));
                for (int i = 0; i < IDS_PER_CASE; i++) {
                    producer.send(changelog.acceptedRecord(caseId, UUID.randomUUID(),
                            i % 2 == 0 ? "haukeland-tsb" : "nav-bergenhus", now));
                }
            }
        }
    }

    private void writeParties(StateChangelog changelog, int cases) {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (int c = 0; c < cases; c++) {
                String caseId = "bench-case-" + c;
                producer.send(changelog.partiesRecord(caseId, List.of(new CaseOpening(caseId, "haukeland-tsb",
                        "nav-bergenhus", UUID.randomUUID().toString()))));
            }
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private KafkaClientSettings settings() {
        return new KafkaClientSettings() {
            @Override
            public String bootstrapServers() {
                return bootstrapServers;
            }

            @Override
            public Map<String, Object> commonProperties() {
                Map<String, Object> common = new HashMap<>();
                common.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                return common;
            }

            @Override
            public int clusterSize() {
                return 1;
            }
        };
    }

    private static long usedHeap() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
