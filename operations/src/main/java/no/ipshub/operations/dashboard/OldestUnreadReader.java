package no.ipshub.operations.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.ipshub.engine.kafka.HubKafkaClients;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.record.RecordBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads when the oldest record a consumer group has not committed was written: the timestamp of the first record at
 * or after its position, fetched with a consumer of its own (no group, every record, small fetches). A record's
 * time never changes, so each is read once and remembered while it is still someone's position. Ingress topics are
 * stamped by the broker ({@code LogAppendTime}), so a partner's timestamps cannot make its backlog look young.
 *
 * <p>Never fails a sample: a time it cannot read within {@code hub.ops.kafka-timeout} stays unknown.
 */
class OldestUnreadReader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OldestUnreadReader.class);
    /** Enough for the first record batch of a partition; Kafka returns a whole first batch even when larger. */
    private static final int PARTITION_FETCH_BYTES = 16 * 1024;
    private static final int FETCH_BYTES = 1024 * 1024;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Duration timeout;
    private final Map<RecordPosition, Instant> known = new HashMap<>();
    private boolean failing;

    OldestUnreadReader(HubKafkaClients kafka, Duration timeout) {
        this.consumer = kafka.consumer("hub-ops-oldest-unread", Map.of(
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted",
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, PARTITION_FETCH_BYTES,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, FETCH_BYTES,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50,
                ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()));
        this.timeout = timeout;
    }

    /**
     * When the record at each position was written, for the positions whose time could be read.
     *
     * @param positions where groups read next
     * @param end       the end offset of each partition (a position with only transaction markers before the end
     *                  has no record to read)
     */
    synchronized Map<RecordPosition, Instant> writtenAt(Collection<RecordPosition> positions,
            Map<TopicPartition, Long> end) {
        known.keySet().retainAll(new HashSet<>(positions));
        List<RecordPosition> missing = new ArrayList<>(positions.stream().filter(p -> !known.containsKey(p))
                .distinct().toList());
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!missing.isEmpty() && System.nanoTime() < deadline) {
                // a consumer reads one position per partition at a time; groups at other offsets wait for a next round
                Map<TopicPartition, Long> round = new LinkedHashMap<>();
                missing.forEach(p -> round.putIfAbsent(p.partition(), p.offset()));
                read(round, end, deadline).forEach((tp, at) -> known.put(new RecordPosition(tp, round.get(tp)), at));
                missing.removeIf(p -> Long.valueOf(p.offset()).equals(round.get(p.partition())));
            }
            if (failing) {
                log.info("Operations sampling reads the oldest unread records again");
                failing = false;
            }
        } catch (InterruptException e) {
            // the hub is stopping: the sampler's thread was interrupted
            Thread.currentThread().interrupt();
        } catch (KafkaException | IllegalStateException e) {
            if (!failing) {
                log.warn("Operations sampling cannot read the oldest unread records: {}", e.toString());
                failing = true;
            }
        } finally {
            consumer.unsubscribe();
        }
        Map<RecordPosition, Instant> result = new HashMap<>();
        positions.forEach(p -> {
            Instant at = known.get(p);
            if (at != null) {
                result.put(p, at);
            }
        });
        return result;
    }

    /** The time of the first record at or after each partition's offset, for those read before the deadline. */
    private Map<TopicPartition, Instant> read(Map<TopicPartition, Long> round, Map<TopicPartition, Long> end,
            long deadline) {
        consumer.assign(round.keySet());
        round.forEach(consumer::seek);
        Map<TopicPartition, Instant> found = new HashMap<>();
        Set<TopicPartition> open = new HashSet<>(round.keySet());
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                if (open.remove(tp)) {
                    consumer.pause(List.of(tp));
                    if (record.timestamp() != RecordBatch.NO_TIMESTAMP) {
                        found.put(tp, Instant.ofEpochMilli(record.timestamp()));
                    }
                }
            }
            // only transaction markers were left before the end: there is no unread record to time
            open.removeIf(tp -> consumer.position(tp, timeout) >= end.getOrDefault(tp, Long.MAX_VALUE));
        }
        return found;
    }

    @Override
    public synchronized void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
