package no.ipshub.registry.embedded;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import no.ipshub.registry.client.RegistryErrors;
import no.ipshub.registry.client.SchemaRegistryException;
import no.ipshub.registry.core.CoreBackedSchemaRegistry;
import no.ipshub.registry.core.RegistryCommand;
import no.ipshub.registry.core.RegistryCore.Outcome;
import no.ipshub.registry.core.RegistryCore;
import no.ipshub.registry.kafka.KafkaClientSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's own Confluent-compatible schema registry, kept in a compacted single-partition Kafka topic
 * ({@code _schemas} by default) so schemas survive restarts and every hub instance on the cluster agrees
 * on ids, with no leader among them.
 *
 * <p>The topic is a log of {@link RegistryCommand}s. Each instance reads it from the start into its own
 * {@link RegistryCore}, in offset order, on a background thread. A write reads the log to its end, plans
 * the command against that state, appends it and waits until its own reader has applied it. When two
 * instances race, both commands land in the log and the one with the lower offset claims the version or
 * id first; the other is not applied, its author tombstones it (a command that changed nothing may vanish
 * without changing anything) and plans again. Every instance applies the same records in the same order,
 * so all agree. See the module README for why compaction cannot change the outcome.
 *
 * <p>Reads answer from local state; a read that finds nothing reads the log to its end and tries once
 * more, so an id written by another instance a moment ago is found.
 */
public final class EmbeddedSchemaRegistry extends CoreBackedSchemaRegistry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);
    private static final Duration POLL = Duration.ofMillis(200);
    /** How long to wait before asking again for a topic the broker asked does not know yet. */
    private static final Duration METADATA_RETRY = Duration.ofMillis(100);
    private static final long FIRST_RETRY_MS = 200;
    private static final long MAX_RETRY_MS = 10_000;

    /** Told how the reader of the registry topic is doing; the hub shows it among its supervised loops. */
    public interface ReaderListener {

        /** Listens to nothing. */
        ReaderListener NONE = new ReaderListener() {
            @Override
            public void running() {
            }

            @Override
            public void failed(Throwable failure, Duration retryIn) {
            }

            @Override
            public void stopped() {
            }
        };

        /** The reader has applied the log up to its end (again). */
        void running();

        /** The reader failed; a new one starts in {@code retryIn}. */
        void failed(Throwable failure, Duration retryIn);

        /** The registry was closed. */
        void stopped();
    }

    private final KafkaClientSettings kafka;
    private final String topic;
    private final TopicPartition partition;
    private final Duration timeout;
    private final Supplier<Consumer<String, byte[]>> consumers;
    private final ReaderListener listener;
    private final Map<String, CompletableFuture<Outcome>> pending = new ConcurrentHashMap<>();
    private final Object progress = new Object();

    private volatile Admin admin;
    private volatile KafkaProducer<String, byte[]> producer;
    private Thread reader;
    private volatile boolean running;
    private volatile Throwable readerFailure;
    private long appliedPosition;

    /**
     * A registry on {@code topic} of the cluster {@code kafka} describes; {@code timeout} bounds every
     * wait on the broker. Call {@link #start()} before use.
     */
    public EmbeddedSchemaRegistry(KafkaClientSettings kafka, String topic, Duration timeout) {
        this(kafka, topic, timeout, null, ReaderListener.NONE);
    }

    /** A registry whose reader tells {@code listener} how it is doing. */
    public EmbeddedSchemaRegistry(KafkaClientSettings kafka, String topic, Duration timeout, ReaderListener listener) {
        this(kafka, topic, timeout, null, listener);
    }

    /** Reads the log with consumers from {@code consumers}; null: plain consumers of the cluster. */
    EmbeddedSchemaRegistry(KafkaClientSettings kafka, String topic, Duration timeout,
            Supplier<Consumer<String, byte[]>> consumers, ReaderListener listener) {
        super(new RegistryCore());
        this.listener = listener;
        this.consumers = consumers != null ? consumers : () -> new KafkaConsumer<>(consumerProperties(kafka, topic),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.kafka = kafka;
        this.topic = topic;
        this.partition = new TopicPartition(topic, 0);
        this.timeout = timeout;
    }

    /** Creates the topic if missing, starts reading it and returns once the whole log is applied. */
    public synchronized void start() {
        if (running) {
            return;
        }
        try {
            admin = Admin.create(clientProperties("admin"));
            ensureTopic();
            producer = new KafkaProducer<>(producerProperties(), new StringSerializer(), new ByteArraySerializer());
            running = true;
            reader = new Thread(this::readLoop, "schema-registry-reader-" + topic);
            reader.setDaemon(true);
            reader.start();
            catchUp();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        log.info("Embedded schema registry ready on topic {}: {} subjects", topic, getSubjects().size());
    }

    /** Stops reading and closes the Kafka clients; safe to call more than once. */
    @Override
    public synchronized void close() {
        running = false;
        if (reader != null) {
            try {
                reader.join(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reader = null;
        }
        if (producer != null) {
            producer.close(timeout);
            producer = null;
        }
        if (admin != null) {
            admin.close(timeout);
            admin = null;
        }
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    /** The topic this registry keeps its log in. */
    public String topic() {
        return topic;
    }

    // ---------------------------------------------------------------- the log

    @Override
    protected Outcome submit(RegistryCommand command) {
        checkReader();
        KafkaProducer<String, byte[]> producer = this.producer;
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<Outcome> applied = new CompletableFuture<>();
        pending.put(command.proposalId(), applied);
        String key = RegistryLogFormat.key(command);
        try {
            producer.send(new ProducerRecord<>(topic, 0, key, RegistryLogFormat.value(command)))
                    .get(remaining(deadline), TimeUnit.NANOSECONDS);
            Outcome outcome = awaitApplied(applied, deadline);
            if (!outcome.applied() && RegistryLogFormat.isProposalKey(key)) {
                producer.send(new ProducerRecord<>(topic, 0, key, null), (metadata, failure) -> {
                    if (failure != null) {
                        log.warn("Could not tombstone the unapplied registry record {}: {}", key, failure.toString());
                    }
                });
            }
            return outcome;
        } catch (ExecutionException e) {
            throw RegistryErrors.storeError("Could not write to the registry topic " + topic + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw RegistryErrors.timeout("Timed out writing to the registry topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryErrors.storeError("Interrupted while writing to the registry topic " + topic, e);
        } finally {
            pending.remove(command.proposalId());
        }
    }

    private Outcome awaitApplied(CompletableFuture<Outcome> applied, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        while (true) {
            try {
                return applied.get(Math.min(remaining(deadline), POLL.toNanos()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                checkReader();
                if (remaining(deadline) <= 0) {
                    throw e;
                }
            }
        }
    }

    @Override
    protected void catchUp() {
        checkReader();
        Admin admin = this.admin;
        long deadline = System.nanoTime() + timeout.toNanos();
        long end;
        try {
            end = endOffset(admin, deadline);
        } catch (ExecutionException e) {
            throw RegistryErrors.storeError("Could not read the end of the registry topic " + topic + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw RegistryErrors.timeout("Timed out reading the end of the registry topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryErrors.storeError("Interrupted while reading the registry topic " + topic, e);
        }
        awaitPosition(end, System.nanoTime() + timeout.toNanos());
    }

    /**
     * The registry topic's end offset. A topic just created may not yet be known to the broker asked (its metadata
     * reaches the brokers of a cluster one by one): such a retriable answer is asked again until the deadline.
     */
    private long endOffset(Admin admin, long deadline) throws ExecutionException, TimeoutException, InterruptedException {
        while (true) {
            try {
                return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                        .get(Math.max(1, remaining(deadline)), TimeUnit.NANOSECONDS).offset();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException) || remaining(deadline) <= METADATA_RETRY.toNanos()) {
                    throw e;
                }
                log.debug("The registry topic {} is not known yet to the broker asked; asking again", topic);
                Thread.sleep(METADATA_RETRY.toMillis());
            }
        }
    }

    @Override
    protected boolean catchUpAfterMiss() {
        try {
            catchUp();
            return true;
        } catch (SchemaRegistryException e) {
            log.debug("Could not catch up with the registry topic after a miss: {}", e.getMessage());
            return false;
        }
    }

    private void awaitPosition(long target, long deadline) {
        synchronized (progress) {
            while (appliedPosition < target) {
                checkReader();
                long left = remaining(deadline);
                if (left <= 0) {
                    Throwable failure = readerFailure;
                    throw RegistryErrors.timeout("Timed out reading the registry topic " + topic + " up to offset "
                            + target + " (at " + appliedPosition + ")"
                            + (failure == null ? "" : "; its reader is restarting after " + failure), failure);
                }
                try {
                    progress.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw RegistryErrors.storeError("Interrupted while reading the registry topic " + topic, e);
                }
            }
        }
    }

    /** Fails unless the registry runs; a reader restarting after a failure is waited for (up to the timeout). */
    private void checkReader() {
        if (!running || producer == null || admin == null) {
            throw RegistryErrors.storeError("The embedded schema registry is not running", null);
        }
    }

    /**
     * Applies the log in offset order for as long as the registry runs. Whatever escapes a poll (any
     * {@link Throwable}) closes the consumer and, after a back-off growing from {@value #FIRST_RETRY_MS} ms to
     * {@value #MAX_RETRY_MS} ms, a new consumer goes on from the next record not yet applied; writes fail meanwhile
     * (the reader cannot confirm them) and the listener is told.
     */
    private void readLoop() {
        long next = -1;
        int failures = 0;
        while (running) {
            Consumer<String, byte[]> consumer = null;
            try {
                consumer = consumers.get();
                consumer.assign(List.of(partition));
                if (next < 0) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, next);
                }
                boolean reported = false;
                while (running) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                        applyRecord(record);
                        next = record.offset() + 1;
                    }
                    long position;
                    try {
                        position = consumer.position(partition, POLL);
                    } catch (org.apache.kafka.common.errors.TimeoutException e) {
                        continue;
                    }
                    next = position;
                    synchronized (progress) {
                        appliedPosition = position;
                        progress.notifyAll();
                    }
                    if (!reported) {
                        reported = true;
                        failures = 0;
                        readerFailure = null;
                        listener.running();
                    }
                }
            } catch (Throwable e) {
                if (!running) {
                    break;
                }
                failures++;
                readerFailure = e;
                long wait = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS << Math.min(failures - 1, 10));
                listener.failed(e, Duration.ofMillis(wait));
                log.warn("The reader of registry topic {} failed ({}); restarting in {} ms from offset {}", topic,
                        e.toString(), wait, Math.max(0, next), failures == 1 ? e : null);
                synchronized (progress) {
                    progress.notifyAll();
                }
                pause(wait);
            } finally {
                if (consumer != null) {
                    try {
                        consumer.close(Duration.ofSeconds(5));
                    } catch (RuntimeException e) {
                        log.debug("The reader of registry topic {} did not close cleanly: {}", topic, e.toString());
                    }
                }
            }
        }
        listener.stopped();
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    /** Waits before a restart; {@link #close()} ends the wait at once. */
    private void pause(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        synchronized (progress) {
            long left;
            while (running && (left = deadline - System.nanoTime()) > 0) {
                try {
                    progress.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void applyRecord(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        RegistryCommand command;
        try {
            command = RegistryLogFormat.read(record.value());
        } catch (IllegalArgumentException e) {
            log.warn("Skipping unreadable record at offset {} of registry topic {}: {}", record.offset(), topic, e.getMessage());
            return;
        }
        Outcome outcome = core.apply(command);
        if (!outcome.applied()) {
            log.debug("Registry record at offset {} not applied: {}", record.offset(), outcome.reason());
        }
        CompletableFuture<Outcome> waiting = pending.get(command.proposalId());
        if (waiting != null) {
            waiting.complete(outcome);
        }
    }

    // ---------------------------------------------------------------- topic and clients

    private void ensureTopic() {
        int replication = Math.max(1, Math.min(3, kafka.clusterSize()));
        NewTopic newTopic = new NewTopic(topic, 1, (short) replication).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(replication >= 3 ? 2 : 1)));
        try {
            admin.createTopics(List.of(newTopic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Created registry topic {} (compacted, 1 partition, replication {})", topic, replication);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw RegistryErrors.storeError("Could not create the registry topic " + topic + ": " + e.getCause(), e.getCause());
            }
            checkExistingTopic();
        } catch (TimeoutException e) {
            throw RegistryErrors.timeout("Timed out creating the registry topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryErrors.storeError("Interrupted while creating the registry topic " + topic, e);
        }
    }

    private void checkExistingTopic() {
        try {
            TopicDescription description = admin.describeTopics(Set.of(topic)).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            if (description.partitions().size() != 1) {
                throw new IllegalStateException("Registry topic " + topic + " has " + description.partitions().size()
                        + " partitions; it must have exactly one so every instance reads the same order");
            }
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(Set.of(resource)).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(resource);
            String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            if (!policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT) || policy.contains(TopicConfig.CLEANUP_POLICY_DELETE)) {
                log.warn("Registry topic {} has cleanup.policy={}; it should be compact only, or schemas may expire",
                        topic, policy);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw RegistryErrors.storeError("Could not describe the registry topic " + topic + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryErrors.storeError("Interrupted while describing the registry topic " + topic, e);
        }
    }

    private Map<String, Object> clientProperties(String role) {
        return clientProperties(kafka, topic, role);
    }

    /**
     * The registry's clients are made here, not by the hub's client factory in the routes module: the registry
     * lies below that module and must be serving schemas before anything of it starts.
     */
    private static Map<String, Object> clientProperties(KafkaClientSettings kafka, String topic, String role) {
        Map<String, Object> properties = kafka.commonProperties();
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "schema-registry-" + role + "-" + topic);
        return properties;
    }

    private Map<String, Object> producerProperties() {
        Map<String, Object> properties = clientProperties("producer");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(timeout.toMillis(), 1_000));
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
        return properties;
    }

    private static Map<String, Object> consumerProperties(KafkaClientSettings kafka, String topic) {
        Map<String, Object> properties = clientProperties(kafka, topic, "reader");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return properties;
    }

    private static long remaining(long deadline) {
        return deadline - System.nanoTime();
    }
}
