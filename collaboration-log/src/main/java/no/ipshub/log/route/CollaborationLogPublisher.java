package no.ipshub.log.route;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import no.ipshub.engine.kafka.HubProducer;
import no.ipshub.engine.kafka.HubWireCodec;
import no.ipshub.log.store.BatchOutcome;
import no.ipshub.schemas.v1.CollaborationLogEntry;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes a batch's entries to each project's compacted log topic, keyed by entry id in the Confluent wire format,
 * and a tombstone (null value) for every entry removed by a consent withdrawal; waits until Kafka acknowledged all
 * of them.
 */
public class CollaborationLogPublisher {

    private final HubProducer producer;
    private final HubWireCodec codec;
    private final Function<String, String> topicOfProject;

    /**
     * @param topicOfProject the log topic of a project, by its code
     */
    public CollaborationLogPublisher(HubProducer producer, HubWireCodec codec, Function<String, String> topicOfProject) {
        this.producer = producer;
        this.codec = codec;
        this.topicOfProject = topicOfProject;
    }

    /** Sends the outcome's entries and tombstones, in that order, and waits for every acknowledgement. */
    public void publish(BatchOutcome outcome) {
        publish(List.of(outcome));
    }

    /** Sends every project's entries and tombstones to its topic and waits for every acknowledgement. */
    public void publish(List<BatchOutcome> outcomes) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (BatchOutcome outcome : outcomes) {
            String topic = topicOfProject.apply(outcome.project());
            for (CollaborationLogEntry entry : outcome.entries()) {
                records.add(new ProducerRecord<>(topic, key(entry.getEntryId()), codec.encode(topic, entry)));
            }
            for (String entryId : outcome.tombstones()) {
                records.add(new ProducerRecord<>(topic, key(entryId), null));
            }
        }
        if (!records.isEmpty()) {
            producer.sendAll(records);
        }
    }

    private static byte[] key(String entryId) {
        return entryId.getBytes(StandardCharsets.UTF_8);
    }
}
