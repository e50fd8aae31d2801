package no.ipshub.routes.intake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import no.ipshub.engine.error.TransientFailureException;
import no.ipshub.engine.kafka.HubKafkaClients;
import no.ipshub.engine.supervision.LoopHandle;
import no.ipshub.engine.supervision.LoopKind;
import no.ipshub.engine.supervision.LoopState;
import no.ipshub.engine.supervision.LoopThread;
import no.ipshub.engine.supervision.SupervisedLoops;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers to this instance's HTTP submissions: one thread reads this instance's partition of the intake reply
 * topic (committed records only, so an answer is read exactly when the message it answers is committed) and
 * completes the request waiting for it. Answers for other instances sharing the partition are skipped.
 *
 * <p>The thread is the supervised loop {@value #LOOP}: a failure restarts it with a new consumer after a back-off
 * ({@link LoopThread}). It goes on from where it stopped while requests are waiting, so answers written meanwhile
 * still reach them, and from the partition's end when nobody waits. A loop that is DOWN (a restart cannot help)
 * refuses new requests at once instead of letting them wait for an answer it cannot read.
 */
public class IntakeReplies implements AutoCloseable {

    /** The name of the reader in the loops registry and of its thread. */
    public static final String LOOP = "intake-replies";
    private static final Logger log = LoggerFactory.getLogger(IntakeReplies.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final TopicPartition partition;
    private final Supplier<Consumer<byte[], byte[]>> consumers;
    private final Map<String, CompletableFuture<IntakeResult>> waiting = new ConcurrentHashMap<>();
    private final CountDownLatch positioned = new CountDownLatch(1);
    private final LoopHandle loop;
    private final LoopThread reader;
    private volatile Consumer<byte[], byte[]> current;
    /** The next offset to read; -1 before the first positioning. Read and written by the reader thread only. */
    private long next = -1;

    public IntakeReplies(HubKafkaClients kafka, String topic, int partition, String clientId,
            SupervisedLoops loops) {
        this(() -> newConsumer(kafka, clientId), topic, partition, loops);
    }

    /** Reads with consumers from {@code consumers}, a new one after each failure. */
    IntakeReplies(Supplier<Consumer<byte[], byte[]>> consumers, String topic, int partition, SupervisedLoops loops) {
        this.partition = new TopicPartition(topic, partition);
        this.consumers = consumers;
        this.loop = loops.register(LOOP, LoopKind.THREAD);
        this.reader = LoopThread.start(loop, this::read);
    }

    private static Consumer<byte[], byte[]> newConsumer(HubKafkaClients kafka, String clientId) {
        // an answer is waited for by an HTTP request: a fetch that finds nothing visible yet is not parked long
        return kafka.consumer(clientId, Map.of(
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20));
    }

    /** The partition of the reply topic this instance reads; requests name it so the answer comes here. */
    public int partition() {
        return partition.partition();
    }

    /** Waits until the reader is positioned, so that no answer to a request sent afterwards can be missed. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        if (!positioned.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the intake reply topic " + partition + " could not be read within " + timeout);
        }
    }

    /**
     * Registers a request before it is sent; the future completes with its answer.
     *
     * @throws TransientFailureException when the reader is DOWN: the answer could never be read here
     */
    CompletableFuture<IntakeResult> expect(String requestId) {
        if (loop.state() == LoopState.DOWN) {
            throw new TransientFailureException("this instance cannot read the answers to submissions ("
                    + loop.status().reason() + ")", null);
        }
        CompletableFuture<IntakeResult> answer = new CompletableFuture<>();
        waiting.put(requestId, answer);
        return answer;
    }

    /** Stops waiting for a request's answer (it timed out, or could not be sent). */
    void forget(String requestId) {
        waiting.remove(requestId);
    }

    /** One run of the reader: a new consumer, positioned, polling until stopped or until something fails. */
    private void read(LoopThread thread) {
        Consumer<byte[], byte[]> consumer = consumers.get();
        current = consumer;
        try {
            if (!thread.isRunning()) {
                return;
            }
            consumer.assign(List.of(partition));
            position(consumer);
            positioned.countDown();
            loop.running();
            while (thread.isRunning()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    answer(record);
                }
                next = consumer.position(partition, CALL_TIMEOUT);
                loop.running();
            }
        } finally {
            current = null;
            try {
                consumer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                log.debug("The intake reply consumer of {} did not close cleanly: {}", partition, e.toString());
            }
        }
    }

    /**
     * The first time, and whenever nobody waits, at the partition's end. The end is read before looking at who
     * waits, so a request registered after that look has its answer at or after it. While requests wait, from
     * where the previous run stopped, so their answers written in between are not skipped.
     */
    private void position(Consumer<byte[], byte[]> consumer) {
        consumer.seekToEnd(List.of(partition));
        long end = consumer.position(partition, CALL_TIMEOUT);
        if (next < 0 || waiting.isEmpty()) {
            next = end;
        } else {
            consumer.seek(partition, next);
            log.info("Intake replies of {} read again from offset {} ({} requests waiting)", partition, next,
                    waiting.size());
        }
    }

    private void answer(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        CompletableFuture<IntakeResult> answer = waiting.remove(new String(record.key(), StandardCharsets.UTF_8));
        if (answer != null) {
            try {
                answer.complete(IntakeReplyCodec.decode(record.value()));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        reader.stop(() -> {
            Consumer<byte[], byte[]> consumer = current;
            if (consumer != null) {
                consumer.wakeup();
            }
        }, Duration.ofSeconds(10));
        waiting.values().forEach(f -> f.cancel(false));
    }
}
