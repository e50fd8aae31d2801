package no.ipshub.log.route;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import no.ipshub.log.store.BatchOutcome;
import no.ipshub.routes.config.HubTopics;
import no.ipshub.routes.kafka.HubProducer;
import no.ipshub.routes.kafka.HubWireCodec;
import no.ipshub.schemas.v1.CollaborationLogEntry;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes a batch's entries to the compacted log topic ({@code hub.topics.collaboration-log}), keyed by entry
 * id in the Confluent wire format, and a tombstone (null value) for every entry removed by a consent
 * withdrawal; waits until Kafka acknowledged all of them.
 */
public class CollaborationLogPublisher {

    private final HubProducer producer;
    private final HubWireCodec codec;
    private final String topic;

    public CollaborationLogPublisher(HubProducer producer, HubWireCodec codec, HubTopics topics) {
        this.producer = producer;
        this.codec = codec;
        this.topic = topics.collaborationLog();
    }

    /** Sends the outcome's entries and tombstones, in that order, and waits for every acknowledgement. */
    public void publish(BatchOutcome outcome) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(outcome.entries().size() + outcome.tombstones().size());
        for (CollaborationLogEntry entry : outcome.entries()) {
            records.add(new ProducerRecord<>(topic, key(entry.getEntryId()), codec.encode(topic, entry)));
        }
        for (String entryId : outcome.tombstones()) {
            records.add(new ProducerRecord<>(topic, key(entryId), null));
        }
        if (!records.isEmpty()) {
            producer.sendAll(records);
        }
    }

    private static byte[] key(String entryId) {
        return entryId.getBytes(StandardCharsets.UTF_8);
    }
}
