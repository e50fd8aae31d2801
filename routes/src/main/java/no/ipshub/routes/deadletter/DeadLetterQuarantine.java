package no.ipshub.routes.deadletter;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import no.ipshub.engine.kafka.ConsumedRecord;
import no.ipshub.engine.kafka.HubHeaders;
import no.ipshub.engine.kafka.Quarantine;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.schemas.v1.DeadLetter;
import no.ipshub.schemas.v1.DeadLetterReason;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The dead letter of a record a route kept failing on: PROCESSING_FAILED, naming the route, how often it failed
 * and the kinds of failure (exception types only: their messages may quote the record), with the partner whose
 * record it is when the topic or the hub's own header names one. Replaying it sends it through ingress again.
 */
public class DeadLetterQuarantine implements Quarantine {

    private final DeadLetterPublisher publisher;
    private final HubTopics topics;
    private final Clock clock;

    public DeadLetterQuarantine(DeadLetterPublisher publisher, HubTopics topics, Clock clock) {
        this.publisher = publisher;
        this.topics = topics;
        this.clock = clock;
    }

    @Override
    public ProducerRecord<byte[], byte[]> deadLetter(String routeId, ConsumedRecord record, Exception failure,
            int attempts) {
        Instant now = clock.instant();
        String reason = "route " + routeId + " failed on the record " + attempts + " times in a row ("
                + failureKinds(failure) + ") while its dependencies answered; the partition went on without it";
        DeadLetter letter = record.value() != null && record.value().length > DeadLetters.KEPT_BYTES_OF_OVERSIZED * 16
                ? DeadLetters.oversized(record, routeId, partnerOf(record), reason, now)
                : DeadLetters.of(record, routeId, partnerOf(record), null, DeadLetterReason.PROCESSING_FAILED, reason, now);
        letter.setReasonCode(DeadLetterReason.PROCESSING_FAILED);
        letter.setAttempts(Math.max(1, attempts));
        return publisher.record(letter);
    }

    private String partnerOf(ConsumedRecord record) {
        if (record.topic().equals(topics.intakeSubmission())) {
            String partner = record.header(HubHeaders.PARTNER);
            return partner != null && partner.length() <= 64 ? partner : null;
        }
        return topics.partnerOfIngressTopic(record.topic())
                .or(() -> topics.partnerOfInboxTopic(record.topic()))
                .orElse(null);
    }

    /** The exception types of the failure and its causes, e.g. {@code KafkaException <- TimeoutException}. */
    static String failureKinds(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        Set<String> kinds = new LinkedHashSet<>();
        for (Throwable t = failure; t != null && kinds.size() < 5; t = t.getCause() == t ? null : t.getCause()) {
            kinds.add(t.getClass().getSimpleName());
        }
        return String.join(" <- ", kinds);
    }
}
