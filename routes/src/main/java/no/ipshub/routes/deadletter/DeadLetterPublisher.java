package no.ipshub.routes.deadletter;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import no.ipshub.routes.config.HubTopics;
import no.ipshub.routes.kafka.HubProducer;
import no.ipshub.routes.kafka.HubWireCodec;
import no.ipshub.schemas.v1.DeadLetter;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes dead letters to {@code hub.topics.dead-letter} in the wire format, keyed by the failed record's
 * original key, and logs each one (codes and field names only, never message content).
 */
@Component
public class DeadLetterPublisher {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterPublisher.class);

    private final HubProducer producer;
    private final HubWireCodec codec;
    private final HubTopics topics;

    public DeadLetterPublisher(HubProducer producer, HubWireCodec codec, HubTopics topics) {
        this.producer = producer;
        this.codec = codec;
        this.topics = topics;
    }

    /** Sends the dead letter; the future completes when Kafka acknowledged it. */
    public CompletableFuture<RecordMetadata> publish(DeadLetter letter) {
        log.warn("Dead letter {} from route {}: {} for message {} of partner {} at {}-{}@{}: {}",
                letter.getDeadLetterId(), letter.getRouteId(), letter.getReasonCode(), letter.getMessageId(),
                letter.getPartner(), letter.getSourceTopic(), letter.getSourcePartition(), letter.getSourceOffset(),
                letter.getReason());
        String topic = topics.deadLetter();
        byte[] key = bytes(letter.getOriginalKey());
        return producer.send(new ProducerRecord<>(topic, key, codec.encode(topic, letter)));
    }

    /** Sends all dead letters and waits until Kafka acknowledged every one. */
    public void publishAll(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>(letters.size());
        letters.forEach(l -> acks.add(publish(l)));
        producer.await(acks);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        ByteBuffer b = buffer.duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
