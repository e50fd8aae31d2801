package no.ipshub.operations.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import no.ipshub.engine.kafka.HubKafkaClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsResult;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Reads beginning and end offsets of topics and committed offsets of consumer groups with one admin client:
 * the raw material of lag and throughput. Partition counts are reused for a minute, since topics rarely grow.
 */
public class KafkaOffsetsReader implements AutoCloseable {

    private static final Duration PARTITIONS_TTL = Duration.ofMinutes(1);

    private final Admin admin;
    private final Duration timeout;
    private final Clock clock;
    private final Map<String, Known> partitions = new HashMap<>();

    public KafkaOffsetsReader(HubKafkaClients kafka, Duration timeout, Clock clock) {
        this.admin = kafka.admin("hub-ops", Map.of(
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()));
        this.timeout = timeout;
        this.clock = clock;
    }

    /**
     * The offsets of {@code topics} and the committed offsets of {@code groups}.
     *
     * @throws KafkaUnavailableException when Kafka did not answer in time
     */
    public synchronized KafkaOffsets read(Collection<String> topics, Collection<String> groups) {
        try {
            Set<String> missing = new HashSet<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (Map.Entry<String, Integer> e : partitionCounts(topics, missing).entrySet()) {
                for (int p = 0; p < e.getValue(); p++) {
                    TopicPartition tp = new TopicPartition(e.getKey(), p);
                    earliest.put(tp, OffsetSpec.earliest());
                    latest.put(tp, OffsetSpec.latest());
                }
            }
            Map<TopicPartition, Long> begin = offsets(earliest);
            Map<TopicPartition, Long> end = offsets(latest);
            return new KafkaOffsets(begin, end, committed(groups), missing);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while reading offsets", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaUnavailableException("Kafka did not answer within " + timeout + ": " + rootMessage(e), e);
        }
    }

    private Map<String, Integer> partitionCounts(Collection<String> topics, Set<String> missing)
            throws InterruptedException, ExecutionException, TimeoutException {
        Instant now = clock.instant();
        Map<String, Integer> counts = new HashMap<>();
        Set<String> unknown = new HashSet<>();
        for (String topic : topics) {
            Known known = partitions.get(topic);
            if (known != null && now.isBefore(known.readAt().plus(PARTITIONS_TTL))) {
                if (known.partitions() > 0) {
                    counts.put(topic, known.partitions());
                } else {
                    missing.add(topic);
                }
            } else {
                unknown.add(topic);
            }
        }
        if (unknown.isEmpty()) {
            return counts;
        }
        Map<String, KafkaFuture<TopicDescription>> described = admin.describeTopics(unknown,
                new DescribeTopicsOptions().timeoutMs((int) timeout.toMillis())).topicNameValues();
        for (Map.Entry<String, KafkaFuture<TopicDescription>> e : described.entrySet()) {
            int count;
            try {
                count = e.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS).partitions().size();
            } catch (ExecutionException failure) {
                if (!(failure.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw failure;
                }
                count = 0;
            }
            partitions.put(e.getKey(), new Known(count, now));
            if (count > 0) {
                counts.put(e.getKey(), count);
            } else {
                missing.add(e.getKey());
            }
        }
        return counts;
    }

    private Map<TopicPartition, Long> offsets(Map<TopicPartition, OffsetSpec> specs)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, Long> result = new HashMap<>();
        if (specs.isEmpty()) {
            return result;
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> infos = admin.listOffsets(specs,
                new ListOffsetsOptions().timeoutMs((int) timeout.toMillis())).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        infos.forEach((tp, info) -> result.put(tp, info.offset()));
        return result;
    }

    private Map<String, Map<TopicPartition, Long>> committed(Collection<String> groups)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, Map<TopicPartition, Long>> result = new HashMap<>();
        if (groups.isEmpty()) {
            return result;
        }
        Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
        groups.forEach(g -> specs.put(g, new ListConsumerGroupOffsetsSpec()));
        ListConsumerGroupOffsetsResult listed = admin.listConsumerGroupOffsets(specs,
                new ListConsumerGroupOffsetsOptions().timeoutMs((int) timeout.toMillis()));
        for (String group : specs.keySet()) {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            try {
                Map<TopicPartition, OffsetAndMetadata> committed = listed.partitionsToOffsetAndMetadata(group)
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                committed.forEach((tp, om) -> {
                    if (om != null) {
                        offsets.put(tp, om.offset());
                    }
                });
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                    throw e;
                }
            }
            result.put(group, offsets);
        }
        return result;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " (" + t.getMessage() + ")");
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }

    private record Known(int partitions, Instant readAt) {
    }

    /** Kafka did not answer the admin calls of a sample. */
    public static class KafkaUnavailableException extends RuntimeException {

        KafkaUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
