package no.ipshub.routes.instance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import no.ipshub.engine.config.InstanceIdentity;
import no.ipshub.engine.config.InstanceLeaseProperties;
import no.ipshub.engine.kafka.HubKafkaClients;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's hold on its id among the instances sharing a cluster. At start it reads the heartbeat topic: an id
 * whose holder is still heartbeating is refused ({@link InstanceIdInUseException}); one whose holder stopped (a clean
 * stop writes a tombstone) or went silent for the lease (a killed predecessor) is taken. While running it heartbeats
 * and watches the topic: another process heartbeating for the same id is a {@link Status#conflict() conflict}.
 *
 * <p>How long a holder has been silent is measured in the broker's time ({@code LogAppendTime} of its last
 * heartbeat against that of a probe this instance writes), so the hosts' clocks do not matter; a starting instance
 * waits only for what is left of the lease, and watches for further heartbeats meanwhile.
 */
public final class InstanceLease implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InstanceLease.class);
    /** Key of the tombstone written to learn the broker's time; no instance id can be it. */
    static final String PROBE_KEY = "#probe";
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

    private final String id;
    private final String topic;
    private final TopicPartition partition;
    private final Duration heartbeat;
    private final Duration lease;
    private final InstanceHeartbeat self;
    private final Producer<String, byte[]> producer;
    private final Consumer<String, byte[]> consumer;
    private final Thread heartbeats;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean running = true;
    private final Clock clock;
    private volatile Instant lastAcknowledged;
    private volatile SeenHolder otherHolder;
    private int failedHeartbeats;

    private InstanceLease(InstanceIdentity identity, HubKafkaClients kafka, InstanceLeaseProperties properties,
            Clock clock) {
        this.id = identity.id();
        this.clock = clock;
        this.topic = properties.topic();
        this.partition = new TopicPartition(topic, 0);
        this.heartbeat = properties.heartbeat();
        this.lease = properties.lease();
        this.self = InstanceHeartbeat.ofThisProcess();
        String clientId = "ips-hub-instance-lease-" + id;
        this.producer = kafka.producer(clientId, new StringSerializer(), new ByteArraySerializer(), Map.of(
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000));
        this.consumer = kafka.consumer(clientId, new StringDeserializer(), new ByteArrayDeserializer(),
                Map.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        this.heartbeats = new Thread(this::heartbeatLoop, "ips-hub-instance-lease");
        this.heartbeats.setDaemon(true);
    }

    /**
     * Takes the id for this process and starts heartbeating.
     *
     * @throws InstanceIdInUseException when another running process holds the id
     * @throws IllegalStateException    when Kafka does not answer within 30 s
     */
    public static InstanceLease acquire(InstanceIdentity identity, HubKafkaClients kafka,
            InstanceLeaseProperties properties, Clock clock) {
        InstanceLease lease = new InstanceLease(identity, kafka, properties, clock);
        try {
            lease.claim();
        } catch (RuntimeException e) {
            lease.producer.close(CLOSE_TIMEOUT);
            lease.consumer.close(CLOSE_TIMEOUT);
            throw e;
        }
        lease.heartbeats.start();
        return lease;
    }

    /** The id this process holds. */
    public InstanceIdentity identity() {
        return new InstanceIdentity(id);
    }

    /** The lease as it stands: a conflict while another process heartbeated for this id within the lease. */
    public Status status() {
        SeenHolder other = otherHolder;
        boolean recent = other != null && System.nanoTime() - other.seenAtNanos() < lease.toNanos();
        return new Status(id, self, recent ? other.heartbeat() : null, lastAcknowledged);
    }

    private void claim() {
        long started = System.nanoTime();
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        ConsumerRecord<String, byte[]> latest = latestOfThisId();
        if (latest == null || latest.value() == null) {
            log.info("Instance id {} is free; taking it", id);
        } else {
            InstanceHeartbeat predecessor = InstanceHeartbeat.parse(latest.value());
            long silentForMs = brokerTimeMs() - latest.timestamp();
            // what is left of the lease; all of it when the broker's clock went back (another leader)
            Duration wait = silentForMs < 0 ? lease : lease.minusMillis(silentForMs);
            wait = wait.isNegative() ? Duration.ZERO : wait;
            log.info("Instance id {} was last held by host {} pid {}, silent for {} ms; watching for its heartbeats "
                    + "for {} ms", id, predecessor.host(), predecessor.pid(), silentForMs, wait.toMillis());
            watchFor(wait);
        }
        send(self.toBytes());
        log.info("Instance id {} taken by this process (pid {}) after {} ms", id, self.pid(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /** Reads the topic to its end and returns the last record keyed by this id, if any. */
    private ConsumerRecord<String, byte[]> latestOfThisId() {
        long end = consumer.endOffsets(List.of(partition), KAFKA_TIMEOUT).get(partition);
        long deadline = System.nanoTime() + KAFKA_TIMEOUT.toNanos();
        ConsumerRecord<String, byte[]> latest = null;
        while (consumer.position(partition, KAFKA_TIMEOUT) < end) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + topic + " within " + KAFKA_TIMEOUT.toSeconds() + " s");
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (id.equals(record.key())) {
                    latest = record;
                }
            }
        }
        return latest;
    }

    /** Polls for the given time; a heartbeat for this id means a live holder, a tombstone one that let it go. */
    private void watchFor(Duration wait) {
        long until = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < until) {
            long leftMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime()));
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(Math.min(leftMs, 100)))) {
                if (!id.equals(record.key())) {
                    continue;
                }
                if (record.value() == null) {
                    return;
                }
                throw new InstanceIdInUseException(id, InstanceHeartbeat.parse(record.value()), topic);
            }
        }
    }

    /** The broker's time now: the append time of a tombstone under a key no instance uses. */
    private long brokerTimeMs() {
        try {
            return producer.send(new ProducerRecord<>(topic, partition.partition(), PROBE_KEY, null))
                    .get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).timestamp();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not write to " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to " + topic, e);
        }
    }

    private void send(byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, partition.partition(), id, value))
                    .get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            lastAcknowledged = clock.instant();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not write to " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to " + topic, e);
        }
    }

    private void heartbeatLoop() {
        long nextBeat = System.nanoTime() + heartbeat.toNanos();
        while (running) {
            try {
                long now = System.nanoTime();
                if (now >= nextBeat) {
                    producer.send(new ProducerRecord<>(topic, partition.partition(), id, self.toBytes()),
                            (metadata, failure) -> acknowledged(failure));
                    nextBeat = now + heartbeat.toNanos();
                }
                long waitMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextBeat - System.nanoTime()));
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(waitMs))) {
                    watch(record);
                }
            } catch (WakeupException e) {
                if (running) {
                    log.warn("Instance lease of {} woken up while running; going on", id);
                }
            } catch (RuntimeException e) {
                log.warn("Instance lease of {}: reading {} failed, trying again in {} ms", id, topic,
                        heartbeat.toMillis(), e);
                pause();
            }
        }
        consumer.close(CLOSE_TIMEOUT);
    }

    private void watch(ConsumerRecord<String, byte[]> record) {
        if (!id.equals(record.key()) || record.value() == null) {
            return;
        }
        InstanceHeartbeat holder = InstanceHeartbeat.parse(record.value());
        if (holder.token().equals(self.token())) {
            return;
        }
        SeenHolder before = otherHolder;
        otherHolder = new SeenHolder(holder, System.nanoTime());
        if (before == null || !before.heartbeat().token().equals(holder.token())) {
            log.error("Instance id {} is also held by another process (host {}, pid {}): the two fence each other's "
                    + "Kafka transactions. Give each hub instance an id of its own (hub.instance-id).", id,
                    holder.host(), holder.pid());
        }
    }

    private void acknowledged(Exception failure) {
        if (failure == null) {
            lastAcknowledged = clock.instant();
            failedHeartbeats = 0;
        } else if (failedHeartbeats++ % 60 == 0) {
            log.warn("Instance lease of {}: a heartbeat was not written ({} in a row)", id, failedHeartbeats, failure);
        }
    }

    private void pause() {
        try {
            Thread.sleep(heartbeat.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops heartbeating and lets the id go at once (a tombstone), so that a restart need not wait. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        running = false;
        consumer.wakeup();
        try {
            heartbeats.join(heartbeat.toMillis() + CLOSE_TIMEOUT.toMillis());
            producer.send(new ProducerRecord<>(topic, partition.partition(), id, null))
                    .get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Instance id {} let go", id);
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Instance id {}: could not write its release; the next start with it waits up to {} ms", id,
                    lease.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            producer.close(CLOSE_TIMEOUT);
        }
    }

    /**
     * The lease as it stands.
     *
     * @param instanceId               the id
     * @param self                     this process's heartbeat
     * @param otherHolder              another process that heartbeated for this id within the lease; null if none
     * @param lastHeartbeatAcknowledged when Kafka last took this process's heartbeat
     */
    public record Status(String instanceId, InstanceHeartbeat self, InstanceHeartbeat otherHolder,
            Instant lastHeartbeatAcknowledged) {

        /** Whether another process uses this id too. */
        public boolean conflict() {
            return otherHolder != null;
        }
    }

    private record SeenHolder(InstanceHeartbeat heartbeat, long seenAtNanos) {
    }
}
