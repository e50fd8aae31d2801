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
import no.ipshub.registry.kafka.KafkaClientSettings;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers to this instance's HTTP submissions: one thread reads this instance's partition of the intake reply
 * topic (committed records only, so an answer is read exactly when the message it answers is committed) and
 * completes the request waiting for it. Answers for other instances sharing the partition are skipped.
 */
public class IntakeReplies implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IntakeReplies.class);

    private final TopicPartition partition;
    private final Consumer<byte[], byte[]> consumer;
    private final Map<String, CompletableFuture<IntakeResult>> waiting = new ConcurrentHashMap<>();
    private final CountDownLatch positioned = new CountDownLatch(1);
    private final Thread reader;
    private volatile boolean running = true;

    public IntakeReplies(KafkaClientSettings kafka, String topic, int partition, String clientId) {
        this(() -> newConsumer(kafka, clientId), topic, partition);
    }

    /** Reads with consumers from {@code consumers}. */
    IntakeReplies(Supplier<Consumer<byte[], byte[]>> consumers, String topic, int partition) {
        this.partition = new TopicPartition(topic, partition);
        this.consumer = consumers.get();
        this.reader = new Thread(this::read, "intake-replies");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    private static Consumer<byte[], byte[]> newConsumer(KafkaClientSettings kafka, String clientId) {
        Map<String, Object> config = kafka.commonProperties();
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        // an answer is waited for by an HTTP request: a fetch that finds nothing visible yet is not parked long
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
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

    /** Registers a request before it is sent; the future completes with its answer. */
    CompletableFuture<IntakeResult> expect(String requestId) {
        CompletableFuture<IntakeResult> answer = new CompletableFuture<>();
        waiting.put(requestId, answer);
        return answer;
    }

    /** Stops waiting for a request's answer (it timed out, or could not be sent). */
    void forget(String requestId) {
        waiting.remove(requestId);
    }

    private void read() {
        try {
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            positioned.countDown();
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    answer(record);
                }
            }
        } catch (WakeupException | InterruptException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("Reading intake replies from {} failed; HTTP submissions will time out", partition, e);
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
        running = false;
        consumer.wakeup();
        reader.join(10_000);
        consumer.close(Duration.ofSeconds(5));
        waiting.values().forEach(f -> f.cancel(false));
    }
}
