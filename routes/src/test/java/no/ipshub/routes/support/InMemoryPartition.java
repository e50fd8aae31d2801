package no.ipshub.routes.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * One Kafka partition in memory, read by any number of {@link Reader}s (Kafka's {@code MockConsumer}), for unit
 * tests of code that reads Kafka through a consumer it is given. A test can make a reader's next poll fail, as a
 * broken connection or a client bug would.
 */
public final class InMemoryPartition {

    private final TopicPartition partition;
    private final List<ConsumerRecord<byte[], byte[]>> log = new CopyOnWriteArrayList<>();
    private final List<Reader> readers = new CopyOnWriteArrayList<>();

    public InMemoryPartition(String topic, int partition) {
        this.partition = new TopicPartition(topic, partition);
    }

    public TopicPartition partition() {
        return partition;
    }

    /** Appends a record; returns its offset. */
    public synchronized long append(byte[] key, byte[] value) {
        long offset = log.size();
        log.add(new ConsumerRecord<>(partition.topic(), partition.partition(), offset, key, value));
        return offset;
    }

    /** A new reader of this partition (what a consumer factory hands out). */
    public Reader newReader() {
        Reader reader = new Reader();
        readers.add(reader);
        return reader;
    }

    /** Every reader made so far, oldest first. */
    public List<Reader> readers() {
        return List.copyOf(readers);
    }

    /** The newest reader; fails when none was made. */
    public Reader latestReader() {
        return readers.get(readers.size() - 1);
    }

    /** A consumer of the partition: sees every record appended, and waits a little when there is nothing to read. */
    public final class Reader extends MockConsumer<byte[], byte[]> {

        private int handedOver;
        private volatile RuntimeException nextPollFailure;
        private volatile RuntimeException unsubscribeFailure;

        Reader() {
            super("latest");
            updateBeginningOffsets(Map.of(partition, 0L));
            updateEndOffsets(Map.of(partition, 0L));
            updatePartitions(partition.topic(),
                    List.of(new PartitionInfo(partition.topic(), partition.partition(), null, null, null)));
        }

        /** Every later {@code unsubscribe()} throws {@code failure}, as a consumer in a broken state would. */
        public void failUnsubscribe(RuntimeException failure) {
            unsubscribeFailure = failure;
        }

        @Override
        public synchronized void unsubscribe() {
            RuntimeException failure = unsubscribeFailure;
            if (failure != null) {
                throw failure;
            }
            super.unsubscribe();
        }

        /** The next poll throws {@code failure}. */
        public void failNextPoll(RuntimeException failure) {
            nextPollFailure = failure;
        }

        @Override
        public ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
            RuntimeException failure = nextPollFailure;
            if (failure != null) {
                nextPollFailure = null;
                throw failure;
            }
            feed();
            ConsumerRecords<byte[], byte[]> records = super.poll(timeout);
            if (records.isEmpty()) {
                try {
                    TimeUnit.MILLISECONDS.sleep(Math.min(5, timeout.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new KafkaException("interrupted", e);
                }
            }
            return records;
        }

        private synchronized void feed() {
            List<ConsumerRecord<byte[], byte[]>> fresh = new ArrayList<>(log.subList(handedOver, log.size()));
            updateEndOffsets(Map.of(partition, (long) handedOver + fresh.size()));
            if (!assignment().contains(partition)) {
                return;
            }
            for (ConsumerRecord<byte[], byte[]> record : fresh) {
                addRecord(record);
            }
            handedOver += fresh.size();
        }
    }
}
