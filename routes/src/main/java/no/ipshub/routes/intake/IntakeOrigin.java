package no.ipshub.routes.intake;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import no.ipshub.engine.kafka.ConsumedRecord;
import no.ipshub.engine.kafka.HubHeaders;
import no.ipshub.partners.PartnerDirectory;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.routes.config.IngressProperties;
import no.ipshub.routes.deadletter.DeadLetters;
import no.ipshub.routes.validation.Violation;
import no.ipshub.routes.validation.ViolationCode;
import no.ipshub.schemas.v1.DeadLetter;
import no.ipshub.schemas.v1.DeadLetterReason;
import org.apache.kafka.common.header.Header;

/**
 * Where an intake record comes from, as far as the hub may believe it, checked before its value is decoded.
 *
 * <p>On a partner's ingress topic everything is the partner's: the partner is the topic's, and a record carrying
 * one of the intake's control headers ({@link HubHeaders#INTAKE_CONTROL}) is refused, never obeyed. On the hub's
 * own submission topic, where partners never write, the control headers say which partner submitted it and where
 * an HTTP submission is answered; even there they are checked (a reply partition that does not exist would fail
 * every transaction that answers it).
 *
 * <p>Either {@link #refusal} is set (the record is dead-lettered, or its HTTP submission answered with
 * {@link #answer}), or the record may be decoded and decided.
 *
 * @param partner        the partner the record comes from; null when unknown
 * @param requestId      an HTTP submission's request id; null for anything else
 * @param replyPartition the reply topic partition to answer an HTTP submission on; null for anything else
 * @param dryRun         an HTTP submission only to be checked
 * @param decided        an HTTP submission the instance owning its case accepted from memory and answered 202
 * @param refusal        the dead letter of a refused record; null when it may be taken in
 * @param answer         the answer to a refused HTTP submission; null otherwise
 */
record IntakeOrigin(String partner, String requestId, Integer replyPartition, boolean dryRun, boolean decided,
        DeadLetter refusal, IntakeResult answer) {

    /** Request ids are the hub's own UUIDs; anything longer is not one of them. */
    static final int MAX_REQUEST_ID_LENGTH = 64;

    boolean refused() {
        return refusal != null || answer != null;
    }

    boolean isHttpSubmission() {
        return replyPartition != null;
    }

    /** Where {@code record} comes from and whether it may be decoded. */
    static IntakeOrigin of(ConsumedRecord record, HubTopics topics, PartnerDirectory partners, IngressProperties bounds,
            Instant now) {
        boolean submitted = record.topic().equals(topics.intakeSubmission());
        String partner = submitted ? record.header(HubHeaders.PARTNER)
                : topics.partnerOfIngressTopic(record.topic()).orElse(null);
        String requestId = submitted ? record.header(HubHeaders.REQUEST_ID) : null;
        Integer replyPartition = submitted ? replyPartitionOf(record, topics) : null;
        boolean dryRun = replyPartition != null && "true".equals(record.header(HubHeaders.DRY_RUN));
        boolean decided = submitted && replyPartition == null && "accepted".equals(record.header(HubHeaders.DECIDED));
        IntakeOrigin origin = new IntakeOrigin(partner, replyPartition == null ? null : requestId, replyPartition, dryRun,
                decided, null, null);
        Optional<String> oversized = oversized(record, bounds);
        if (oversized.isPresent()) {
            return origin.refuse(DeadLetters.oversized(record, PartnerIngressRoute.ROUTE_ID, partner, oversized.get(), now));
        }
        if (partner == null || partners.find(partner).isEmpty()) {
            if (origin.isHttpSubmission()) {
                return origin.answer(IntakeResult.rejected(null, List.of(new Violation("sender",
                        ViolationCode.UNKNOWN_PARTNER, "is not a partner of the hub"))));
            }
            return origin.refuse(DeadLetters.of(record, PartnerIngressRoute.ROUTE_ID, null, null,
                    DeadLetterReason.UNKNOWN_PARTNER, submitted
                            ? "the submission names no active partner"
                            : "the topic is not the ingress topic of an active partner (unknown, suspended or removed)",
                    now));
        }
        if (!submitted) {
            for (Header header : record.headers()) {
                if (HubHeaders.INTAKE_CONTROL.contains(header.key())) {
                    return origin.refuse(DeadLetters.of(record, PartnerIngressRoute.ROUTE_ID, partner, null,
                            DeadLetterReason.INVALID_CONTENT, "the record carries the header " + header.key()
                                    + ", which only the hub sets on its own topic; it was not taken in", now));
                }
            }
        } else if (record.header(HubHeaders.REQUEST_ID) != null && replyPartition == null) {
            return origin.refuse(DeadLetters.of(record, PartnerIngressRoute.ROUTE_ID, partner, null,
                    DeadLetterReason.INVALID_CONTENT, "the submission's request id or reply partition is invalid, "
                            + "so it cannot be answered; it was not taken in", now));
        }
        if (record.value() == null) {
            return origin.refuse(DeadLetters.of(record, PartnerIngressRoute.ROUTE_ID, partner, null,
                    DeadLetterReason.MALFORMED_AVRO, "the record has no value", now));
        }
        if (record.value().length > bounds.maxMessageBytes()) {
            return origin.refuse(DeadLetters.tooLarge(record, PartnerIngressRoute.ROUTE_ID, partner,
                    bounds.maxMessageBytes(), now));
        }
        return origin;
    }

    private IntakeOrigin refuse(DeadLetter letter) {
        return new IntakeOrigin(partner, requestId, replyPartition, dryRun, decided, letter, null);
    }

    private IntakeOrigin answer(IntakeResult result) {
        return new IntakeOrigin(partner, requestId, replyPartition, dryRun, decided, null, result);
    }

    /** Which bound of the key or headers the record exceeds, if any. */
    private static Optional<String> oversized(ConsumedRecord record, IngressProperties bounds) {
        if (record.key() != null && record.key().length > bounds.maxKeyBytes()) {
            return Optional.of("key of " + record.key().length + " bytes exceeds the limit of " + bounds.maxKeyBytes()
                    + " bytes (hub.ingress.max-key-bytes); originalKey keeps only its first "
                    + Math.min(record.key().length, DeadLetters.KEPT_BYTES_OF_KEY) + " bytes");
        }
        long headerBytes = 0;
        for (Header header : record.headers()) {
            headerBytes += header.key().getBytes(StandardCharsets.UTF_8).length
                    + (header.value() == null ? 0 : header.value().length);
        }
        if (headerBytes > bounds.maxHeaderBytes()) {
            return Optional.of("headers of " + headerBytes + " bytes exceed the limit of " + bounds.maxHeaderBytes()
                    + " bytes (hub.ingress.max-header-bytes); they are not kept");
        }
        return Optional.empty();
    }

    /** The reply partition of an HTTP submission when its request id and partition are usable; null otherwise. */
    private static Integer replyPartitionOf(ConsumedRecord record, HubTopics topics) {
        String requestId = record.header(HubHeaders.REQUEST_ID);
        String partition = record.header(HubHeaders.REPLY_PARTITION);
        if (requestId == null || partition == null || requestId.isEmpty()
                || requestId.length() > MAX_REQUEST_ID_LENGTH) {
            return null;
        }
        try {
            int p = Integer.parseInt(partition);
            return p >= 0 && p < topics.partitions().intakeReply() ? p : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
