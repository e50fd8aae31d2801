package no.ipshub.engine.state;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.ipshub.engine.kafka.HubKafkaClients;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a state partition's changelog from where this instance last stopped up to its end, committed records
 * only. Before reading it waits until no transaction is open on the partition: once this instance owns the
 * partition, an open transaction can only be a former owner's, still being committed or aborted (or timing
 * out), and its records must not be missed. It never reads on without them: a transaction still open after
 * twice the transaction timeout (the coordinator aborts it after one) fails the catch-up, which is tried again.
 */
public final class ChangelogReader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChangelogReader.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaConsumer<byte[], byte[]> committed;
    private final KafkaConsumer<byte[], byte[]> uncommitted;
    private final Duration openTransactionWait;

    public ChangelogReader(HubKafkaClients kafka, String clientId, Duration transactionTimeout) {
        this.committed = kafka.consumer(clientId + "-committed", config("read_committed"));
        this.uncommitted = kafka.consumer(clientId + "-end", config("read_uncommitted"));
        this.openTransactionWait = transactionTimeout.plus(transactionTimeout).plusSeconds(10);
    }

    /** A consumer of the changelog: reads into {@code state} from its position to the end; returns how many records. */
    synchronized int catchUp(String topic, PartitionState state) {
        TopicPartition tp = new TopicPartition(topic, state.partition());
        committed.assign(List.of(tp));
        uncommitted.assign(List.of(tp));
        awaitNoOpenTransaction(tp);
        long end = committed.endOffsets(List.of(tp), CALL_TIMEOUT).get(tp);
        committed.seek(tp, state.changelogPosition());
        int read = 0;
        long stalledSince = System.nanoTime();
        long position = committed.position(tp, CALL_TIMEOUT);
        while (position < end) {
            for (ConsumerRecord<byte[], byte[]> record : committed.poll(POLL)) {
                try {
                    StateChangelog.apply(record.key(), record.value(), state);
                    read++;
                } catch (IllegalStateException e) {
                    // only the hub writes the changelog; a record it cannot read must not stop the partition
                    log.error("Skipped an unreadable state changelog record at {}-{}@{}: {}", record.topic(),
                            record.partition(), record.offset(), e.getMessage());
                }
            }
            long now = committed.position(tp, CALL_TIMEOUT);
            if (now > position) {
                position = now;
                stalledSince = System.nanoTime();
            } else if (System.nanoTime() - stalledSince > CALL_TIMEOUT.toNanos()) {
                // the partition's leader is away: the batch fails (transiently) and is tried again
                throw new TimeoutException("state changelog " + tp + " could not be read past offset " + position);
            }
        }
        state.readTo(position);
        return read;
    }

    private void awaitNoOpenTransaction(TopicPartition tp) {
        long highWatermark = uncommitted.endOffsets(List.of(tp), CALL_TIMEOUT).get(tp);
        long deadline = System.nanoTime() + openTransactionWait.toNanos();
        while (true) {
            long stable = committed.endOffsets(List.of(tp), CALL_TIMEOUT).get(tp);
            if (stable >= highWatermark) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("state changelog " + tp + " still has a transaction open after "
                        + openTransactionWait + "; it is read once the transaction has ended");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a transaction on " + tp, e);
            }
        }
    }

    @Override
    public synchronized void close() {
        committed.close(Duration.ofSeconds(5));
        uncommitted.close(Duration.ofSeconds(5));
    }

    private static Map<String, Object> config(String isolation) {
        return Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    }
}
