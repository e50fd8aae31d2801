package no.ipshub.routes.intake;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import no.ipshub.engine.error.FailureClassifier;
import no.ipshub.engine.error.TransientFailureException;
import no.ipshub.engine.kafka.BatchOutput;
import no.ipshub.engine.kafka.ConsumedRecord;
import no.ipshub.engine.kafka.HubHeaders;
import no.ipshub.engine.kafka.HubWireCodec;
import no.ipshub.engine.kafka.RecordBatch;
import no.ipshub.engine.state.CaseStateStore;
import no.ipshub.engine.state.StateChanges;
import no.ipshub.partners.PartnerDirectory;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.registry.serde.WireFormatException;
import no.ipshub.routes.config.IngressProperties;
import no.ipshub.routes.deadletter.DeadLetterPublisher;
import no.ipshub.routes.deadletter.DeadLetters;
import no.ipshub.routes.validation.MessageIds;
import no.ipshub.routes.validation.Violation;
import no.ipshub.routes.validation.ViolationCode;
import no.ipshub.schemas.v1.DeadLetter;
import no.ipshub.schemas.v1.DeadLetterReason;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The partner-ingress route's work on one batch of intake records: Kafka partners' own records on their ingress
 * topics, and the hub's submission topic (HTTP submissions, records moved to their case's partition). Everything
 * it produces goes into the batch's Kafka transaction:
 *
 * <ul>
 *   <li>an accepted message to its canonical topic and its recipient's inbox topic, byte for byte the same;</li>
 *   <li>the state changes that decide later messages (accepted ids, a referral's case parties) to the changelog;</li>
 *   <li>a record that cannot be taken in to the dead-letter topic (an HTTP submission is answered instead);</li>
 *   <li>the answer to each HTTP submission to the reply topic, read by the instance that holds the request;</li>
 *   <li>a partner's record that is not in its case's partition to the submission topic, in its case's partition,
 *       where the case's state is.</li>
 * </ul>
 *
 * A record is decided only in the partition of its case, on that partition's state; what a partner writes (its
 * headers, its key, the partition it chose) never steers where or how ({@link IntakeOrigin}). Only failures of a
 * dependency escape; the batch is then aborted and read again.
 */
@Component
public class IntakeProcessor implements Processor {

    private static final Logger log = LoggerFactory.getLogger(IntakeProcessor.class);

    private final HubTopics topics;
    private final PartnerDirectory partners;
    private final IngressProperties ingress;
    private final HubWireCodec codec;
    private final IntakeDecider decider;
    private final CaseStateStore state;
    private final DeadLetterPublisher deadLetters;
    private final Clock clock;

    public IntakeProcessor(HubTopics topics, PartnerDirectory partners, IngressProperties ingress, HubWireCodec codec,
            IntakeDecider decider, CaseStateStore state, DeadLetterPublisher deadLetters, Clock clock) {
        this.topics = topics;
        this.partners = partners;
        this.ingress = ingress;
        this.codec = codec;
        this.decider = decider;
        this.state = state;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    /** One record that reached the decision: the decoded submission and where it came from. */
    private record Incoming(ConsumedRecord record, Submission submission, IntakeOrigin origin) {
    }

    @Override
    public void process(Exchange exchange) {
        RecordBatch batch = exchange.getMessage().getBody(RecordBatch.class);
        long started = System.nanoTime();
        Instant now = clock.instant();
        BatchOutput out = batch.output();
        List<DeadLetter> dead = new ArrayList<>();
        List<Incoming> incoming = new ArrayList<>(batch.records().size());
        Set<Integer> statePartitions = new TreeSet<>();
        for (ConsumedRecord record : batch.records()) {
            Incoming in = read(record, now, dead, out);
            if (in != null) {
                incoming.add(in);
                statePartitions.add(state.changelog().statePartitionOf(record.partition()));
            }
        }
        state.requireReady(statePartitions);
        StateChanges changes = state.changes();
        int accepted = 0;
        for (Incoming in : incoming) {
            IntakeResult result = decide(in, changes, now);
            if (result.status() == IntakeResult.Status.ACCEPTED) {
                accepted++;
            }
            publish(in, result, out, dead, now, batch);
        }
        int expired = state.expiryDue() ? state.expire(statePartitions, changes) : 0;
        changes.records().forEach(out::send);
        deadLetters.publishAll(dead, out);
        batch.afterCommit(() -> state.apply(changes));
        log.debug("Route {} handled a batch of {} records in {} ms: {} accepted, {} dead letters, {} state records expired",
                PartnerIngressRoute.ROUTE_ID, batch.records().size(), (System.nanoTime() - started) / 1_000_000,
                accepted, dead.size(), expired);
    }

    /**
     * The record as a submission, or null when it was dead-lettered, answered or moved to its case's partition.
     */
    private Incoming read(ConsumedRecord record, Instant now, List<DeadLetter> dead, BatchOutput out) {
        IntakeOrigin origin = IntakeOrigin.of(record, topics, partners, ingress, now);
        if (origin.refusal() != null) {
            dead.add(origin.refusal());
            return null;
        }
        if (origin.answer() != null) {
            reply(out, origin, origin.answer());
            return null;
        }
        HubMessage message = decode(record, origin, now, dead, out);
        if (message == null) {
            return null;
        }
        String caseId = message.getCaseId();
        if (caseId != null && !caseId.isBlank()) {
            int home = state.changelog().partitionOf(caseId);
            if (state.changelog().statePartitionOf(record.partition()) != home) {
                if (record.topic().equals(topics.intakeSubmission())) {
                    // the hub writes submissions to their case's partition: another one means the topic changed
                    refuse(record, origin, DeadLetterReason.PROCESSING_FAILED,
                            "the submission is not in its case's partition " + home + " of " + record.topic(), now,
                            dead, out);
                } else {
                    move(record, origin.partner(), caseId, home, out);
                }
                return null;
            }
        }
        return new Incoming(record, new Submission(message, origin.partner(), origin.dryRun()), origin);
    }

    /** Dead-letters a record, or answers it when it is an HTTP submission. */
    private void refuse(ConsumedRecord record, IntakeOrigin origin, DeadLetterReason reason, String why, Instant now,
            List<DeadLetter> dead, BatchOutput out) {
        if (origin.isHttpSubmission()) {
            reply(out, origin, IntakeResult.failed(null));
        } else {
            dead.add(DeadLetters.of(record, PartnerIngressRoute.ROUTE_ID, origin.partner(), null, reason, why, now));
        }
    }

    private HubMessage decode(ConsumedRecord record, IntakeOrigin origin, Instant now, List<DeadLetter> dead,
            BatchOutput out) {
        try {
            return codec.decodeMessage(record.value());
        } catch (RuntimeException e) {
            DeadLetterReason reason = DeadLetters.reasonOfDecodeFailure(record, e);
            refuse(record, origin, reason, "cannot be decoded as a HubMessage: " + describeDecodeFailure(e), now, dead,
                    out);
            return null;
        }
    }

    /**
     * Moves a partner's record that is not in its case's partition (its key was not the case id, or its topic has
     * another partition count) to the submission topic, in the case's partition and keyed by the case id, so that
     * the instance holding the case's state takes it in. Only the hub's own headers go with it.
     */
    private void move(ConsumedRecord record, String partner, String caseId, int home, BatchOutput out) {
        ProducerRecord<byte[], byte[]> moved = new ProducerRecord<>(topics.intakeSubmission(), home,
                caseId.getBytes(StandardCharsets.UTF_8), record.value());
        HubHeaders.add(moved.headers(), HubHeaders.PARTNER, partner);
        HubHeaders.add(moved.headers(), HubHeaders.MOVED_FROM, record.position());
        out.send(moved);
        log.info("Route {} moved {} to partition {} of {}, its case's", PartnerIngressRoute.ROUTE_ID,
                record.position(), home, topics.intakeSubmission());
    }

    private IntakeResult decide(Incoming in, StateChanges changes, Instant now) {
        try {
            return decider.decide(in.submission(), state, changes, now.toEpochMilli());
        } catch (RuntimeException e) {
            if (FailureClassifier.isTransient(e)) {
                throw e;
            }
            String messageId = MessageIds.uuidOrNull(in.submission().message().getMessageId());
            log.error("Route {} failed on message {} at {}", PartnerIngressRoute.ROUTE_ID, messageId,
                    in.record().position(), e);
            return IntakeResult.failed(messageId);
        }
    }

    private void publish(Incoming in, IntakeResult result, BatchOutput out, List<DeadLetter> dead, Instant now,
            RecordBatch batch) {
        HubMessage m = in.submission().message();
        String id = MessageIds.loggable(result.messageId());
        if (in.origin().decided()) {
            settleAfterCommit(m, result, batch);
        }
        switch (result.status()) {
            case ACCEPTED -> {
                if (!in.submission().dryRun()) {
                    deliver(m, in.record(), out);
                }
                log.debug("Accepted message {} from {}", id, in.submission().fromPartner());
            }
            case DUPLICATE -> log.info("Duplicate message {} from {} dropped", id, in.submission().fromPartner());
            case REJECTED -> {
                if (!in.origin().isHttpSubmission()) {
                    dead.add(DeadLetters.of(in.record(), PartnerIngressRoute.ROUTE_ID, in.submission().fromPartner(),
                            MessageIds.uuidOrNull(result.messageId()), Violation.deadLetterReason(result.violations()),
                            Violation.describe(result.violations()), now));
                }
            }
            case FAILED -> dead.add(DeadLetters.of(in.record(), PartnerIngressRoute.ROUTE_ID,
                    in.submission().fromPartner(), result.messageId(), DeadLetterReason.PROCESSING_FAILED,
                    "processing failed; see the hub log", now));
        }
        if (in.origin().isHttpSubmission()) {
            reply(out, in.origin(), result);
        }
    }

    /**
     * An HTTP submission the owner accepted from memory (and answered 202) is no longer pending once committed. It
     * is decided again here, on the state as the intake has it, and normally accepted again; a repeat of a message
     * taken in meanwhile is dropped as the duplicate it is, and anything else is a dead letter, logged as an error
     * since its sender was told it was accepted.
     */
    private void settleAfterCommit(HubMessage m, IntakeResult result, RecordBatch batch) {
        String messageId = MessageIds.uuidOrNull(m.getMessageId());
        if (messageId != null && m.getCaseId() != null) {
            UUID id = UUID.fromString(messageId);
            batch.afterCommit(() -> state.settled(m.getCaseId(), id));
        }
        if (result.status() == IntakeResult.Status.REJECTED || result.status() == IntakeResult.Status.FAILED) {
            log.error("Route {}: message {}, accepted over HTTP from memory, was {} when taken in ({})",
                    PartnerIngressRoute.ROUTE_ID, MessageIds.loggable(messageId), result.status(),
                    Violation.describe(result.violations()));
        }
    }

    /** The message on its canonical topic and in its recipient's inbox, the same bytes on both. */
    private void deliver(HubMessage m, ConsumedRecord record, BatchOutput out) {
        String canonical = topics.canonicalFor(m);
        byte[] bytes = encodeFor(canonical, m, record.value());
        byte[] key = m.getCaseId().getBytes(StandardCharsets.UTF_8);
        byte[] messageId = m.getMessageId().getBytes(StandardCharsets.UTF_8);
        ProducerRecord<byte[], byte[]> canonicalRecord = new ProducerRecord<>(canonical, key, bytes);
        canonicalRecord.headers().add(HubHeaders.MESSAGE_ID, messageId);
        HubHeaders.add(canonicalRecord.headers(), HubHeaders.SENDER, m.getSender());
        HubHeaders.add(canonicalRecord.headers(), HubHeaders.RECIPIENT, m.getRecipient());
        out.send(canonicalRecord);
        ProducerRecord<byte[], byte[]> inboxRecord = new ProducerRecord<>(topics.inboxFor(m.getRecipient()), key, bytes);
        inboxRecord.headers().add(HubHeaders.MESSAGE_ID, messageId);
        out.send(inboxRecord);
    }

    /**
     * The hub registered the canonical subjects at start-up, so a failure here is the registry's, not the
     * message's: it is retried, never dead-lettered.
     */
    private byte[] encodeFor(String topic, HubMessage m, byte[] arrivedAs) {
        try {
            return codec.encodeFor(topic, m, arrivedAs);
        } catch (RuntimeException e) {
            throw new TransientFailureException("cannot encode message " + m.getMessageId() + " for " + topic, e);
        }
    }

    private void reply(BatchOutput out, IntakeOrigin origin, IntakeResult result) {
        out.send(new ProducerRecord<>(topics.intakeReply(), origin.replyPartition(),
                origin.requestId().getBytes(StandardCharsets.UTF_8), IntakeReplyCodec.encode(result)));
    }

    /** The failure's kind and message; Avro's decoder messages name types and lengths, not field values. */
    private static String describeDecodeFailure(RuntimeException e) {
        if (e instanceof WireFormatException w) {
            return w.kind() + (w.getMessage() == null ? "" : " (" + w.getMessage() + ")");
        }
        return e.getClass().getSimpleName();
    }
}
