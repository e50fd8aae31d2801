package no.ipshub.connectors.outbound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import no.ipshub.engine.error.TransientFailureException;
import no.ipshub.engine.kafka.ConsumedRecord;
import no.ipshub.engine.kafka.HubWireCodec;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.routes.deadletter.DeadLetters;
import no.ipshub.schemas.v1.DeadLetter;
import no.ipshub.schemas.v1.DeadLetterReason;
import no.ipshub.schemas.v1.HubMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a batch of inbox records for an outbound connector: the messages in the inbox topics of the partners it
 * serves, decoded, each with its partner and record. Records of other partners are skipped before they are
 * decoded. A record that cannot be decoded becomes a dead letter; a registry outage fails the batch, which is read
 * again after a back-off. A message whose recipient is not the partner of its inbox topic is skipped with a warning.
 */
public final class InboxBatchReader {

    private static final Logger log = LoggerFactory.getLogger(InboxBatchReader.class);

    /** A message of the batch, addressed to {@code partner}, a partner the connector serves. */
    public record Addressed(String partner, ConsumedRecord record, HubMessage message) {
    }

    private final HubTopics topics;
    private final HubWireCodec codec;
    private final String routeId;

    /** A reader for the route {@code routeId}, the route its logs and dead letters name. */
    public InboxBatchReader(HubTopics topics, HubWireCodec codec, String routeId) {
        this.topics = topics;
        this.codec = codec;
        this.routeId = routeId;
    }

    /**
     * The messages of {@code records} addressed to a partner {@code served} accepts, in the batch's order; the dead
     * letters of records that cannot be decoded are added to {@code dead}.
     *
     * @throws TransientFailureException when a record cannot be decoded now (a registry outage)
     */
    public List<Addressed> read(List<ConsumedRecord> records, Predicate<String> served, Instant now,
            List<DeadLetter> dead) {
        List<Addressed> addressed = new ArrayList<>();
        for (ConsumedRecord record : records) {
            String partner = topics.partnerOfInboxTopic(record.topic()).orElse(null);
            if (partner == null || !served.test(partner)) {
                continue;
            }
            HubMessage message = decode(record, now, dead);
            if (message == null) {
                continue;
            }
            if (!partner.equals(message.getRecipient())) {
                log.warn("Route {} skipped {}: its recipient is not the partner of the inbox topic", routeId,
                        record.position());
                continue;
            }
            addressed.add(new Addressed(partner, record, message));
        }
        return addressed;
    }

    private HubMessage decode(ConsumedRecord record, Instant now, List<DeadLetter> dead) {
        if (record.value() == null) {
            dead.add(DeadLetters.of(record, routeId, null, null, DeadLetterReason.MALFORMED_AVRO,
                    "the inbox record has no value", now));
            return null;
        }
        try {
            return codec.decodeMessage(record.value());
        } catch (RuntimeException e) {
            DeadLetterReason reason = DeadLetters.reasonOfDecodeFailure(record, e);
            dead.add(DeadLetters.of(record, routeId, null, null, reason,
                    "inbox record cannot be decoded as a HubMessage: " + e.getClass().getSimpleName(), now));
            return null;
        }
    }
}
