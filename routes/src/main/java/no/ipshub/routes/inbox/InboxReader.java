package no.ipshub.routes.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import no.ipshub.registry.kafka.KafkaClientSettings;
import no.ipshub.routes.config.HubTopics;
import no.ipshub.routes.error.TransientFailureException;
import no.ipshub.routes.kafka.HubWireCodec;
import no.ipshub.routes.supervision.LoopFailures;
import no.ipshub.routes.supervision.LoopHandle;
import no.ipshub.routes.supervision.LoopKind;
import no.ipshub.routes.supervision.SupervisedLoops;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a partner's inbox for the HTTP edge from the partner's inbox topic itself, committed records only (the
 * same records a Kafka-native partner reads), oldest first: pages of at most {@value #MAX_LIMIT} messages after
 * a cursor ({@link InboxCursor}). The topic's partitions are merged by the time each message was put into the
 * inbox, each partition in its own order, so a page is always a contiguous stretch of every partition and the
 * next page starts exactly after it. A partner holding a cursor of an earlier hub version first gets the
 * inbox rows kept from that time ({@link LegacyInbox}).
 *
 * <p>Readers are plain consumers without a group (assign and seek), pooled: a page costs no group protocol. A
 * consumer that failed is closed, never returned to the pool; the next read makes a new one. The pool is the
 * supervised loop {@value #LOOP}: RESTARTING after a consumer failed, RUNNING again after a read that worked.
 */
public class InboxReader implements AutoCloseable {

    /** The largest page a caller can ask for. */
    public static final int MAX_LIMIT = 500;
    /** The name of the consumer pool in the loops registry. */
    public static final String LOOP = "inbox-readers";
    private static final Logger log = LoggerFactory.getLogger(InboxReader.class);

    private final Supplier<Consumer<byte[], byte[]>> consumers;
    private final HubTopics topics;
    private final HubWireCodec codec;
    private final LegacyInbox legacy;
    private final Duration timeout;
    private final Queue<Consumer<byte[], byte[]>> idle = new ConcurrentLinkedQueue<>();
    private final Semaphore slots;
    private final LoopHandle pool;

    public InboxReader(KafkaClientSettings kafka, HubTopics topics, HubWireCodec codec, LegacyInbox legacy,
            int poolSize, Duration timeout, SupervisedLoops loops) {
        this(new ConsumerFactory(kafka), topics, codec, legacy, poolSize, timeout, loops);
    }

    /** Reads with consumers from {@code consumers}. */
    InboxReader(Supplier<Consumer<byte[], byte[]>> consumers, HubTopics topics, HubWireCodec codec,
            LegacyInbox legacy, int poolSize, Duration timeout, SupervisedLoops loops) {
        this.consumers = consumers;
        this.topics = topics;
        this.codec = codec;
        this.legacy = legacy;
        this.timeout = timeout;
        this.slots = new Semaphore(poolSize);
        this.pool = loops.register(LOOP, LoopKind.POOL);
    }

    /**
     * One message in an inbox.
     *
     * @param cursor      the cursor that resumes right after it
     * @param message     the message
     * @param deliveredAt when the hub put it into the inbox
     */
    public record InboxItem(String cursor, HubMessage message, Instant deliveredAt) {
    }

    /**
     * One page of an inbox.
     *
     * @param items      the messages, oldest first
     * @param nextCursor the cursor for the next page; the one asked with when the page is empty
     */
    public record InboxPage(List<InboxItem> items, String nextCursor) {
    }

    /**
     * Up to {@code limit} (capped at {@link #MAX_LIMIT}) messages addressed to {@code recipient} after
     * {@code cursor}.
     *
     * @throws TransientFailureException when Kafka did not answer in time
     */
    public InboxPage read(String recipient, InboxCursor cursor, int limit) {
        int capped = Math.max(1, Math.min(limit, MAX_LIMIT));
        List<InboxItem> items = new ArrayList<>(capped);
        Map<Integer, Long> start = cursor.offsets();
        if (cursor.isLegacy()) {
            start = Map.of();
            if (legacy.holdsRows(recipient)) {
                for (LegacyInbox.Row row : legacy.after(recipient, cursor.legacySeq(), capped)) {
                    items.add(new InboxItem(Long.toString(row.seq()), codec.decodeMessage(row.wireBytes()),
                            row.deliveredAt().toInstant()));
                }
                if (items.size() == capped) {
                    return new InboxPage(items, items.get(items.size() - 1).cursor());
                }
                start = legacy.handover(recipient);
            }
        }
        readTopic(topics.inboxFor(recipient), start, capped - items.size(), items);
        String next = items.isEmpty() ? cursor.encode() : items.get(items.size() - 1).cursor();
        return new InboxPage(items, next);
    }

    private void readTopic(String topic, Map<Integer, Long> start, int limit, List<InboxItem> items) {
        Consumer<byte[], byte[]> consumer = borrow();
        Map<Integer, Long> offsets;
        Map<TopicPartition, Deque<ConsumerRecord<byte[], byte[]>>> fetched;
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, timeout)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            offsets = positions(consumer, partitions, start);
            fetched = fetch(consumer, partitions, limit);
        } catch (Throwable t) {
            discard(consumer, t);
            if (t instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw new TransientFailureException("the inbox topic " + topic + " could not be read in time", t);
            }
            throw t;
        }
        giveBack(consumer);
        merge(fetched, offsets, limit, items);
    }

    /** Assigns the partitions and seeks them to the cursor (the beginning where it has none); returns where each starts. */
    private Map<Integer, Long> positions(Consumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
            Map<Integer, Long> start) {
        consumer.assign(partitions);
        List<TopicPartition> fromBeginning = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            Long offset = start.get(tp.partition());
            if (offset == null) {
                fromBeginning.add(tp);
            } else {
                consumer.seek(tp, offset);
            }
        }
        if (!fromBeginning.isEmpty()) {
            consumer.seekToBeginning(fromBeginning);
        }
        Map<Integer, Long> offsets = new TreeMap<>();
        for (TopicPartition tp : partitions) {
            offsets.put(tp.partition(), consumer.position(tp, timeout));
        }
        return offsets;
    }

    /** Up to {@code limit} records of each partition, up to the partition's end as it is now. */
    private Map<TopicPartition, Deque<ConsumerRecord<byte[], byte[]>>> fetch(Consumer<byte[], byte[]> consumer,
            List<TopicPartition> partitions, int limit) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        Map<TopicPartition, Deque<ConsumerRecord<byte[], byte[]>>> fetched = new HashMap<>();
        partitions.forEach(tp -> fetched.put(tp, new ArrayDeque<>()));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<TopicPartition> done = new ArrayList<>();
            for (TopicPartition tp : partitions) {
                if (fetched.get(tp).size() >= limit || consumer.position(tp, timeout) >= end.get(tp)) {
                    done.add(tp);
                }
            }
            consumer.pause(done);
            if (done.size() == partitions.size()) {
                return fetched;
            }
            if (System.nanoTime() > deadline) {
                throw new TransientFailureException("the inbox could not be read within " + timeout, null);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                if (record.offset() < end.get(tp) && fetched.get(tp).size() < limit) {
                    fetched.get(tp).add(record);
                }
            }
        }
    }

    /**
     * Takes records in order of their time, always the oldest head of a partition, so every partition contributes
     * a contiguous stretch; each item carries the cursor after it.
     */
    private void merge(Map<TopicPartition, Deque<ConsumerRecord<byte[], byte[]>>> fetched, Map<Integer, Long> offsets,
            int limit, List<InboxItem> items) {
        Map<Integer, Long> position = new TreeMap<>(offsets);
        for (int taken = 0; taken < limit; taken++) {
            Deque<ConsumerRecord<byte[], byte[]>> oldest = null;
            for (Deque<ConsumerRecord<byte[], byte[]>> queue : fetched.values()) {
                if (!queue.isEmpty() && (oldest == null || isOlder(queue.peekFirst(), oldest.peekFirst()))) {
                    oldest = queue;
                }
            }
            if (oldest == null) {
                return;
            }
            ConsumerRecord<byte[], byte[]> record = oldest.pollFirst();
            position.put(record.partition(), record.offset() + 1);
            items.add(new InboxItem(InboxCursor.at(position).encode(), codec.decodeMessage(record.value()),
                    Instant.ofEpochMilli(record.timestamp())));
        }
    }

    private static boolean isOlder(ConsumerRecord<byte[], byte[]> a, ConsumerRecord<byte[], byte[]> b) {
        if (a.timestamp() != b.timestamp()) {
            return a.timestamp() < b.timestamp();
        }
        return a.partition() < b.partition();
    }

    /** An idle consumer, or a new one while the pool has room; waits up to the timeout for one to be free. */
    private Consumer<byte[], byte[]> borrow() {
        try {
            if (!slots.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TransientFailureException("every inbox reader is busy", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailureException("interrupted while waiting for an inbox reader", e);
        }
        Consumer<byte[], byte[]> consumer = idle.poll();
        if (consumer != null) {
            return consumer;
        }
        try {
            return consumers.get();
        } catch (Throwable t) {
            slots.release();
            pool.failed(t, Duration.ZERO);
            throw t;
        }
    }

    /** Back to the pool once reset; a consumer that cannot be reset is discarded instead. */
    private void giveBack(Consumer<byte[], byte[]> consumer) {
        try {
            consumer.unsubscribe();
        } catch (RuntimeException e) {
            discard(consumer, e);
            return;
        }
        idle.offer(consumer);
        slots.release();
        pool.running();
    }

    /** A consumer that failed is never used again: closed, its place in the pool free for a new one. */
    private void discard(Consumer<byte[], byte[]> consumer, Throwable failure) {
        try {
            pool.failed(failure, Duration.ZERO);
            log.warn("An inbox reader failed and is discarded: {}", LoopFailures.describe(failure));
            consumer.close(Duration.ZERO);
        } catch (RuntimeException e) {
            log.debug("A discarded inbox reader did not close cleanly: {}", e.toString());
        } finally {
            slots.release();
        }
    }

    /** Plain consumers without a group reading committed records, each with a client id of its own. */
    private static final class ConsumerFactory implements Supplier<Consumer<byte[], byte[]>> {

        private final KafkaClientSettings kafka;
        private final AtomicInteger made = new AtomicInteger();

        ConsumerFactory(KafkaClientSettings kafka) {
            this.kafka = kafka;
        }

        @Override
        public Consumer<byte[], byte[]> get() {
            Map<String, Object> config = kafka.commonProperties();
            config.put(ConsumerConfig.CLIENT_ID_CONFIG, "ips-hub-inbox-reader-" + made.incrementAndGet());
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_LIMIT * 2);
            config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
            return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }
    }

    @Override
    public void close() {
        Consumer<byte[], byte[]> consumer;
        while ((consumer = idle.poll()) != null) {
            consumer.close(Duration.ofSeconds(2));
        }
    }
}
