package no.ipshub.routes.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import no.ipshub.engine.error.TransientFailureException;
import no.ipshub.engine.kafka.HubKafkaClients;
import no.ipshub.engine.kafka.HubWireCodec;
import no.ipshub.engine.supervision.LoopFailures;
import no.ipshub.engine.supervision.LoopHandle;
import no.ipshub.engine.supervision.LoopKind;
import no.ipshub.engine.supervision.SupervisedLoops;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a partner's inbox for the HTTP edge from the partner's inbox topic itself, committed records only (the
 * same records a Kafka-native partner reads), oldest first: pages of at most {@value #MAX_LIMIT} messages after
 * a cursor ({@link InboxCursor}). The topic's partitions are merged by the time each message was put into the
 * inbox, each partition in its own order, so a page is always a contiguous stretch of every partition and the
 * next page starts exactly after it. A partner holding a cursor of an earlier hub version first gets the
 * inbox rows kept from that time ({@link LegacyInbox}). A cursor whose messages retention has deleted is never
 * moved on silently: the read fails with {@link ExpiredInboxCursorException}, naming where to go on.
 *
 * <p>Readers are plain consumers without a group (assign and seek), pooled: a page costs no group protocol. A
 * consumer that failed is closed, never returned to the pool; the next read makes a new one. The pool is the
 * supervised loop {@value #LOOP}: RESTARTING after a consumer failed, RUNNING again after a read that worked.
 */
public class InboxReader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InboxReader.class);

    /** The largest page a caller can ask for. */
    public static final int MAX_LIMIT = 500;
    /** The name of the consumer pool in the loops registry. */
    public static final String LOOP = "inbox-readers";

    private final Supplier<Consumer<byte[], byte[]>> consumers;
    private final HubTopics topics;
    private final HubWireCodec codec;
    private final LegacyInbox legacy;
    private final Duration timeout;
    private final Queue<Consumer<byte[], byte[]>> idle = new ConcurrentLinkedQueue<>();
    private final Semaphore slots;
    private final LoopHandle pool;

    public InboxReader(HubKafkaClients kafka, HubTopics topics, HubWireCodec codec, LegacyInbox legacy,
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
     * @param nextCursor the cursor for the next page; when the page is empty, the one asked with or one that reads
     *                   the same (moved past transaction markers)
     */
    public record InboxPage(List<InboxItem> items, String nextCursor) {
    }

    /**
     * Up to {@code limit} (capped at {@link #MAX_LIMIT}) messages addressed to {@code recipient} after
     * {@code cursor}.
     *
     * @throws InvalidInboxCursorException when the cursor names a partition the inbox does not have or a position
     *                                     past its end
     * @throws ExpiredInboxCursorException when messages after the cursor were deleted by retention unread
     * @throws TransientFailureException   when Kafka did not answer in time
     */
    public InboxPage read(String recipient, InboxCursor cursor, int limit) {
        int capped = Math.max(1, Math.min(limit, MAX_LIMIT));
        List<InboxItem> items = new ArrayList<>(capped);
        InboxCursor from = cursor;
        if (cursor.isLegacy()) {
            from = InboxCursor.at(Map.of());
            if (legacy.holdsRows(recipient)) {
                for (LegacyInbox.Row row : legacy.after(recipient, cursor.legacySeq(), capped)) {
                    items.add(new InboxItem(Long.toString(row.seq()), codec.decodeMessage(row.wireBytes()),
                            row.deliveredAt().toInstant()));
                }
                if (items.size() == capped) {
                    return new InboxPage(items, items.get(items.size() - 1).cursor());
                }
                from = InboxCursor.at(legacy.handover(recipient));
                if (!items.isEmpty()) {
                    return afterRows(recipient, from, capped, items);
                }
            }
        }
        InboxCursor next = readTopic(topics.inboxFor(recipient), from, !cursor.isLegacy(), capped - items.size(),
                items);
        return new InboxPage(items, next.encode());
    }

    /** The earlier version's last rows, then the topic from the handover; its expiry is answered on the next page. */
    private InboxPage afterRows(String recipient, InboxCursor handover, int capped, List<InboxItem> items) {
        String lastRow = items.get(items.size() - 1).cursor();
        try {
            InboxCursor next = readTopic(topics.inboxFor(recipient), handover, false, capped - items.size(), items);
            return new InboxPage(items, next.encode());
        } catch (ExpiredInboxCursorException e) {
            return new InboxPage(items, lastRow);
        }
    }

    /**
     * Reads the topic from {@code from} into {@code items}; returns the cursor after what was read. A cursor the
     * partner sent must fit the topic; the earlier version's handover is the hub's own record, and a partition it
     * does not fit (the topic made again since) is read from its beginning.
     */
    private InboxCursor readTopic(String topic, InboxCursor from, boolean partnerCursor, int limit,
            List<InboxItem> items) {
        Consumer<byte[], byte[]> consumer = borrow();
        boolean healthy = false;
        Throwable failure = null;
        List<TopicPartition> partitions = new ArrayList<>();
        try {
            for (PartitionInfo info : consumer.partitionsFor(topic, timeout)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            Map<Integer, Long> end = byPartition(consumer.endOffsets(partitions, timeout));
            Map<Integer, Long> logStart = byPartition(consumer.beginningOffsets(partitions, timeout));
            InboxCursor start;
            try {
                start = startingAt(from, partnerCursor, end, logStart, topic);
            } catch (InvalidInboxCursorException | ExpiredInboxCursorException e) {
                healthy = true;
                throw e;
            }
            Map<Integer, Long> offsets = positions(consumer, partitions, start.offsets());
            Fetched fetched = fetch(consumer, partitions, end, limit);
            InboxCursor next = merge(fetched, offsets, end, limit, items);
            healthy = true;
            return next;
        } catch (OffsetOutOfRangeException e) {
            // retention moved on while the page was read: the consumer is fine, the cursor is not
            healthy = true;
            throw deletedWhileReading(consumer, partitions, from);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            failure = e;
            throw new TransientFailureException("the inbox topic " + topic + " could not be read in time", e);
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            if (healthy) {
                giveBack(consumer);
            } else {
                discard(consumer, failure);
            }
        }
    }

    /** Where to start: the cursor checked against the topic as it is now. */
    private static InboxCursor startingAt(InboxCursor from, boolean partnerCursor, Map<Integer, Long> end,
            Map<Integer, Long> logStart, String topic) {
        InboxCursor start = from;
        if (partnerCursor) {
            from.requireWithin(end);
        } else {
            start = from.fittedTo(end);
            if (!start.offsets().equals(from.offsets())) {
                log.warn("The earlier version's inbox handover does not fit {} any more; the partitions it does not"
                        + " fit are read from their beginning", topic);
            }
        }
        if (start.isBefore(logStart)) {
            throw new ExpiredInboxCursorException(start.notBefore(logStart));
        }
        return start;
    }

    /** Retention deleted records between the check of the cursor and the read. */
    private RuntimeException deletedWhileReading(Consumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
            InboxCursor from) {
        try {
            Map<Integer, Long> logStart = byPartition(consumer.beginningOffsets(partitions, timeout));
            if (from.isBefore(logStart)) {
                return new ExpiredInboxCursorException(from.notBefore(logStart));
            }
            return new TransientFailureException("retention deleted records of the inbox while it was read", null);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            return new TransientFailureException("the inbox topic could not be read in time", e);
        }
    }

    private static Map<Integer, Long> byPartition(Map<TopicPartition, Long> offsets) {
        Map<Integer, Long> result = new TreeMap<>();
        offsets.forEach((tp, offset) -> result.put(tp.partition(), offset));
        return result;
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

    /**
     * Records fetched per partition, and the partitions read up to their end with every record kept (everything
     * below the end that is not among the records is a transaction marker or belongs to an aborted transaction).
     */
    private record Fetched(Map<TopicPartition, Deque<ConsumerRecord<byte[], byte[]>>> records,
            Set<Integer> readToEnd) {
    }

    /** Up to {@code limit} records of each partition, up to the partition's end as it is now. */
    private Fetched fetch(Consumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
            Map<Integer, Long> end, int limit) {
        Map<TopicPartition, Deque<ConsumerRecord<byte[], byte[]>>> fetched = new HashMap<>();
        partitions.forEach(tp -> fetched.put(tp, new ArrayDeque<>()));
        Set<Integer> left = new HashSet<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<TopicPartition> done = new ArrayList<>();
            for (TopicPartition tp : partitions) {
                if (fetched.get(tp).size() >= limit || consumer.position(tp, timeout) >= end.get(tp.partition())) {
                    done.add(tp);
                }
            }
            consumer.pause(done);
            if (done.size() == partitions.size()) {
                Set<Integer> readToEnd = new HashSet<>();
                for (TopicPartition tp : partitions) {
                    if (!left.contains(tp.partition()) && consumer.position(tp, timeout) >= end.get(tp.partition())) {
                        readToEnd.add(tp.partition());
                    }
                }
                return new Fetched(fetched, readToEnd);
            }
            if (System.nanoTime() > deadline) {
                throw new TransientFailureException("the inbox could not be read within " + timeout, null);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                if (record.offset() >= end.get(tp.partition())) {
                    continue;
                }
                if (fetched.get(tp).size() < limit) {
                    fetched.get(tp).add(record);
                } else {
                    left.add(tp.partition());
                }
            }
        }
    }

    /**
     * Takes records in order of their time, always the oldest head of a partition, so every partition contributes
     * a contiguous stretch; each item carries the cursor after it. Returns the cursor after the page: past the
     * partition's end where the page holds all of it that was fetched and the fetch reached that end, so that the
     * cursor never rests on a transaction marker, whose expiry would look like a message lost.
     */
    private InboxCursor merge(Fetched fetched, Map<Integer, Long> offsets, Map<Integer, Long> end, int limit,
            List<InboxItem> items) {
        Map<Integer, Long> position = new TreeMap<>(offsets);
        for (int taken = 0; taken < limit; taken++) {
            Deque<ConsumerRecord<byte[], byte[]>> oldest = null;
            for (Deque<ConsumerRecord<byte[], byte[]>> queue : fetched.records().values()) {
                if (!queue.isEmpty() && (oldest == null || isOlder(queue.peekFirst(), oldest.peekFirst()))) {
                    oldest = queue;
                }
            }
            if (oldest == null) {
                break;
            }
            ConsumerRecord<byte[], byte[]> record = oldest.pollFirst();
            position.put(record.partition(), record.offset() + 1);
            items.add(new InboxItem(InboxCursor.at(position).encode(), codec.decodeMessage(record.value()),
                    Instant.ofEpochMilli(record.timestamp())));
        }
        fetched.records().forEach((tp, left) -> {
            if (left.isEmpty() && fetched.readToEnd().contains(tp.partition())) {
                position.merge(tp.partition(), end.get(tp.partition()), Math::max);
            }
        });
        return InboxCursor.at(position);
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
            if (failure != null) {
                pool.failed(failure, Duration.ZERO);
                log.warn("An inbox reader failed and is discarded: {}", LoopFailures.describe(failure));
            }
            consumer.close(Duration.ZERO);
        } catch (RuntimeException e) {
            log.debug("A discarded inbox reader did not close cleanly: {}", e.toString());
        } finally {
            slots.release();
        }
    }

    /** Plain consumers without a group reading committed records, each with a client id of its own. */
    private static final class ConsumerFactory implements Supplier<Consumer<byte[], byte[]>> {

        private final HubKafkaClients kafka;
        private final AtomicInteger made = new AtomicInteger();

        ConsumerFactory(HubKafkaClients kafka) {
            this.kafka = kafka;
        }

        @Override
        public Consumer<byte[], byte[]> get() {
            return kafka.consumer("ips-hub-inbox-reader-" + made.incrementAndGet(), Map.of(
                    // a position retention has deleted is an expired cursor, never a silent jump to the earliest record
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none",
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_LIMIT * 2,
                    ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50));
        }
    }

    @Override
    public void close() {
        Consumer<byte[], byte[]> consumer;
        while ((consumer = idle.poll()) != null) {
            consumer.close(Duration.ofSeconds(2));
        }
        pool.stopped();
    }
}
