package no.ipshub.routes.ingress;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.ipshub.registry.serde.WireFormatException;
import no.ipshub.routes.config.HubTopics;
import no.ipshub.routes.config.IngressProperties;
import no.ipshub.routes.deadletter.DeadLetterPublisher;
import no.ipshub.routes.deadletter.DeadLetters;
import no.ipshub.routes.error.FailureClassifier;
import no.ipshub.routes.error.TransientFailureException;
import no.ipshub.routes.intake.IntakeResult;
import no.ipshub.routes.intake.MessageIntake;
import no.ipshub.routes.intake.Submission;
import no.ipshub.routes.kafka.BatchOffsets;
import no.ipshub.routes.kafka.ConsumedRecord;
import no.ipshub.routes.kafka.HubWireCodec;
import no.ipshub.routes.partner.PartnerDirectory;
import no.ipshub.routes.validation.MessageIds;
import no.ipshub.routes.validation.Violation;
import no.ipshub.schemas.v1.DeadLetter;
import no.ipshub.schemas.v1.DeadLetterReason;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Handles one batch of partner ingress records: checks size and wire format, decodes, hands the messages to
 * {@link MessageIntake}, and dead-letters every record that cannot be taken in, so that the batch as a whole
 * can be committed. Only failures of a dependency escape, and the route retries the batch for them.
 */
@Component
public class PartnerIngressProcessor implements Processor {

    private static final Logger log = LoggerFactory.getLogger(PartnerIngressProcessor.class);

    private final HubTopics topics;
    private final PartnerDirectory partners;
    private final IngressProperties ingress;
    private final HubWireCodec codec;
    private final MessageIntake intake;
    private final DeadLetterPublisher deadLetters;
    private final Clock clock;

    public PartnerIngressProcessor(HubTopics topics, PartnerDirectory partners, IngressProperties ingress,
            HubWireCodec codec, MessageIntake intake, DeadLetterPublisher deadLetters) {
        this.topics = topics;
        this.partners = partners;
        this.ingress = ingress;
        this.codec = codec;
        this.intake = intake;
        this.deadLetters = deadLetters;
        this.clock = Clock.systemUTC();
    }

    @Override
    public void process(Exchange batch) {
        List<Exchange> exchanges = BatchOffsets.records(batch);
        long started = System.nanoTime();
        Instant now = clock.instant();
        List<DeadLetter> dead = new ArrayList<>();
        List<Submission> submissions = new ArrayList<>(exchanges.size());
        List<ConsumedRecord> submitted = new ArrayList<>(exchanges.size());
        for (Exchange e : exchanges) {
            ConsumedRecord record = ConsumedRecord.of(e);
            Optional<String> partner = topics.partnerOfIngressTopic(record.topic()).filter(p -> partners.find(p).isPresent());
            if (partner.isEmpty()) {
                dead.add(DeadLetters.of(record, PartnerIngressRoute.ROUTE_ID, null, null,
                        DeadLetterReason.UNKNOWN_PARTNER, "the topic is not the ingress topic of a known partner", now));
            } else if (record.value() == null) {
                dead.add(DeadLetters.of(record, PartnerIngressRoute.ROUTE_ID, partner.get(), null,
                        DeadLetterReason.MALFORMED_AVRO, "the record has no value", now));
            } else if (record.value().length > ingress.maxMessageBytes()) {
                dead.add(DeadLetters.tooLarge(record, PartnerIngressRoute.ROUTE_ID, partner.get(),
                        ingress.maxMessageBytes(), now));
            } else {
                decode(record, partner.get(), now, dead).ifPresent(message -> {
                    submissions.add(new Submission(message, partner.get()));
                    submitted.add(record);
                });
            }
        }
        List<IntakeResult> results = submit(submissions, submitted, dead, now);
        for (int i = 0; i < results.size(); i++) {
            IntakeResult r = results.get(i);
            if (r != null && r.status() == IntakeResult.Status.REJECTED) {
                dead.add(DeadLetters.of(submitted.get(i), PartnerIngressRoute.ROUTE_ID,
                        submissions.get(i).fromPartner(), MessageIds.uuidOrNull(r.messageId()),
                        Violation.deadLetterReason(r.violations()), Violation.describe(r.violations()), now));
            }
        }
        deadLetters.publishAll(dead);
        log.debug("Route {} handled a batch of {} records in {} ms: {} submitted, {} dead letters",
                PartnerIngressRoute.ROUTE_ID, exchanges.size(), (System.nanoTime() - started) / 1_000_000,
                submissions.size(), dead.size());
    }

    private Optional<HubMessage> decode(ConsumedRecord record, String partner, Instant now, List<DeadLetter> dead) {
        try {
            return Optional.of(codec.decodeMessage(record.value()));
        } catch (RuntimeException e) {
            if (FailureClassifier.isTransient(e)) {
                throw new TransientFailureException("cannot decode " + record.position() + " now", e);
            }
            DeadLetterReason reason = e instanceof WireFormatException w ? DeadLetters.reasonOf(w)
                    : DeadLetterReason.MALFORMED_AVRO;
            dead.add(DeadLetters.of(record, PartnerIngressRoute.ROUTE_ID, partner, null, reason,
                    "cannot be decoded as a HubMessage: " + describeDecodeFailure(e), now));
            return Optional.empty();
        }
    }

    /**
     * The intake results of the batch. When the batch fails for a reason other than an unavailable dependency,
     * one message is at fault: the messages are then taken in one by one and the one that fails is dead-lettered,
     * so that it cannot block the partition.
     */
    private List<IntakeResult> submit(List<Submission> submissions, List<ConsumedRecord> records,
            List<DeadLetter> dead, Instant now) {
        if (submissions.isEmpty()) {
            return List.of();
        }
        try {
            return intake.submitAll(submissions);
        } catch (RuntimeException batchFailure) {
            if (FailureClassifier.isTransient(batchFailure)) {
                throw batchFailure;
            }
            log.error("Route {} could not take in a batch of {}; taking its messages in one by one",
                    PartnerIngressRoute.ROUTE_ID, submissions.size(), batchFailure);
        }
        List<IntakeResult> results = new ArrayList<>(submissions.size());
        for (int i = 0; i < submissions.size(); i++) {
            try {
                results.add(intake.submitAll(List.of(submissions.get(i))).get(0));
            } catch (RuntimeException e) {
                if (FailureClassifier.isTransient(e)) {
                    throw e;
                }
                String messageId = MessageIds.uuidOrNull(submissions.get(i).message().getMessageId());
                log.error("Route {} failed on message {}", PartnerIngressRoute.ROUTE_ID, messageId, e);
                dead.add(DeadLetters.of(records.get(i), PartnerIngressRoute.ROUTE_ID, submissions.get(i).fromPartner(),
                        messageId, DeadLetterReason.PROCESSING_FAILED,
                        "processing failed with " + e.getClass().getSimpleName() + "; see the hub log", now));
                results.add(null);
            }
        }
        return results;
    }

    /** The failure's kind and message; Avro's decoder messages name types and lengths, not field values. */
    private static String describeDecodeFailure(RuntimeException e) {
        if (e instanceof WireFormatException w) {
            return w.kind() + (w.getMessage() == null ? "" : " (" + w.getMessage() + ")");
        }
        return e.getClass().getSimpleName();
    }
}
