package no.ipshub.engine.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import no.ipshub.engine.config.ConsumerProperties;
import no.ipshub.engine.config.ProducerProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/** The names and settings of a poll loop's Kafka clients, beyond a hub client's own. */
final class LoopClients {

    /** How long a blocking call of a loop's client (commit, committed offsets) may take. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final int TRANSACTION_RETRY_BACKOFF_MS = 2;
    private static final int TRANSACTION_RETRY_BACKOFF_MAX_MS = 20;

    private LoopClients() {
    }

    /** Also the producer's transactional id: the same route, instance and thread fence their predecessor. */
    static String clientId(BatchConsumerComponent component, BatchConsumerSpec spec, int index) {
        return "ips-hub-" + spec.routeId() + "-" + component.instance().id() + "-" + index;
    }

    /** What a loop's consumer needs beyond a hub consumer's settings. */
    static Map<String, Object> consumerConfig(BatchConsumerComponent component, BatchConsumerSpec spec) {
        ConsumerProperties settings = component.consumerProperties();
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, spec.groupId());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, spec.maxPollRecords(settings.maxPollRecords()));
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) settings.sessionTimeout().toMillis());
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(500, settings.sessionTimeout().toMillis() / 3));
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int) settings.metadataRefresh().toMillis());
        if (spec.transactional()) {
            config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CoPartitionedAssignor.class.getName());
            config.put(CoPartitionedAssignor.STATE_PARTITIONS_CONFIG, Integer.toString(spec.statePartitions()));
        }
        return config;
    }

    /** What a loop's transactional producer needs beyond a hub producer's settings. */
    static Map<String, Object> producerConfig(BatchConsumerComponent component) {
        ProducerProperties settings = component.producerProperties();
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.LINGER_MS_CONFIG, settings.lingerMs());
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, settings.batchSize());
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, settings.compressionType());
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, settings.maxRequestBytes());
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, ProducerProperties.BUFFER_BYTES);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) settings.sendTimeout().toMillis());
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                (int) component.consumerProperties().transactionTimeout().toMillis());
        // The next transaction's first request usually meets the previous one's markers still being written
        // (CONCURRENT_TRANSACTIONS) and is retried: with the default 100 ms back-off every batch waited 100 ms.
        config.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, TRANSACTION_RETRY_BACKOFF_MS);
        config.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, TRANSACTION_RETRY_BACKOFF_MAX_MS);
        return config;
    }
}
