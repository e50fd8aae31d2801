package no.ipshub.routes.deadletter;

import java.util.List;
import no.ipshub.engine.kafka.BatchOutput;
import no.ipshub.engine.kafka.HubWireCodec;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.schemas.v1.DeadLetter;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes dead letters to {@code hub.topics.dead-letter} in the wire format, keyed by the failed record's
 * original key, as part of the batch that met the failed record (so a dead letter is written exactly when its
 * batch commits), and logs each one (codes and field names only, never message content).
 */
public class DeadLetterPublisher {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterPublisher.class);

    private final HubWireCodec codec;
    private final HubTopics topics;

    public DeadLetterPublisher(HubWireCodec codec, HubTopics topics) {
        this.codec = codec;
        this.topics = topics;
    }

    /** Sends every dead letter with the batch. */
    public void publishAll(List<DeadLetter> letters, BatchOutput output) {
        letters.forEach(letter -> output.send(record(letter)));
    }

    /** The dead letter as a record of the dead-letter topic; logs it. */
    public ProducerRecord<byte[], byte[]> record(DeadLetter letter) {
        log.warn("Dead letter {} from route {}: {} for message {} of partner {} at {}-{}@{}: {}",
                letter.getDeadLetterId(), letter.getRouteId(), letter.getReasonCode(), letter.getMessageId(),
                letter.getPartner(), letter.getSourceTopic(), letter.getSourcePartition(), letter.getSourceOffset(),
                letter.getReason());
        String topic = topics.deadLetter();
        return new ProducerRecord<>(topic, DeadLetters.originalKey(letter), codec.encode(topic, letter));
    }
}
