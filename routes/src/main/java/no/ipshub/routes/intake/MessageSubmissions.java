package no.ipshub.routes.intake;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import no.ipshub.engine.error.FailureClassifier;
import no.ipshub.engine.error.TransientFailureException;
import no.ipshub.engine.kafka.HubHeaders;
import no.ipshub.engine.kafka.HubProducer;
import no.ipshub.engine.kafka.HubWireCodec;
import no.ipshub.engine.state.CaseStateStore;
import no.ipshub.engine.state.PendingIntake;
import no.ipshub.engine.state.StateChanges;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.routes.validation.CaseParties;
import no.ipshub.routes.validation.IngressValidator;
import no.ipshub.routes.validation.MessageIds;
import no.ipshub.routes.validation.Violation;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The HTTP edge's way into the hub, on any instance.
 *
 * <ul>
 *   <li>A message that breaks a rule the case's state cannot change is refused here, without a round trip through
 *       Kafka (nor its content on a topic): the answer is the same, since the owner would find the same
 *       violations.</li>
 *   <li>On the instance that owns the case's partition, with the partition's state current, the message is decided
 *       from memory, on the state and the submissions accepted before it and not yet taken in
 *       ({@link PendingIntake}): a repeat is answered DUPLICATE at once; an accepted message is written to the
 *       submission topic, in its case's partition, marked as decided, and answered ACCEPTED as soon as Kafka has it
 *       (acks=all). The intake takes it in like any other submission, behind the answer, and reaches the same
 *       decision from the same state, after a crash too: the state is restored from the changelog and the
 *       submission is still on its topic.</li>
 *   <li>Anywhere else, and for a refusal that rests on the case's state (403 not a party, 422 id in use), the
 *       submission goes to the submission topic with where to answer it; the owner takes it in and answers on the
 *       intake reply topic in the transaction that publishes it, so that answer comes only once the message is
 *       committed on its canonical topic and in its recipient's inbox, and any number of instances answer
 *       alike.</li>
 * </ul>
 */
public class MessageSubmissions {

    private final IngressValidator validator;
    private final HubTopics topics;
    private final HubWireCodec codec;
    private final HubProducer producer;
    private final IntakeReplies replies;
    private final CaseStateStore state;
    private final IntakeDecider decider;
    private final Clock clock;
    /** How often a submission looks again whether its case's state has been restored. */
    private static final long RESTORE_POLL_MILLIS = 20;

    private final Duration replyTimeout;
    private final AtomicLong fromMemory = new AtomicLong();
    private final AtomicLong throughOwner = new AtomicLong();

    public MessageSubmissions(IngressValidator validator, HubTopics topics, HubWireCodec codec, HubProducer producer,
            IntakeReplies replies, CaseStateStore state, IntakeDecider decider, Clock clock, Duration replyTimeout) {
        this.state = state;
        this.decider = decider;
        this.clock = clock;
        this.validator = validator;
        this.topics = topics;
        this.codec = codec;
        this.producer = producer;
        this.replies = replies;
        this.replyTimeout = replyTimeout;
    }

    /**
     * Takes in one message from {@code fromPartner} (or only checks it, when {@code dryRun}) and returns the
     * outcome once it is certain.
     *
     * @throws TransientFailureException when Kafka or the registry is unavailable, the case's state is being
     *                                   restored on this instance, or the instance owning the case did not answer
     *                                   in time; sending the same message again is safe
     */
    public IntakeResult submit(HubMessage message, String fromPartner, boolean dryRun) {
        AskedCaseParties parties = new AskedCaseParties();
        List<Violation> violations = validator.validate(message, fromPartner, parties);
        if (!violations.isEmpty() && (Violation.anyForbidden(violations) || !parties.asked)) {
            return IntakeResult.rejected(message.getMessageId(), violations);
        }
        String caseId = message.getCaseId();
        if (caseId != null && !caseId.isBlank() && !awaitRestored(caseId)) {
            throw new TransientFailureException("the state of case partition " + state.changelog().partitionOf(caseId)
                    + " is still being restored on this instance after " + replyTimeout, null);
        }
        String topic = topics.intakeSubmission();
        byte[] value;
        try {
            value = codec.encode(topic, message);
        } catch (RuntimeException e) {
            if (FailureClassifier.isTransient(e)) {
                throw new TransientFailureException("cannot encode the message for " + topic, e);
            }
            if (violations.isEmpty()) {
                throw e;
            }
            // a message missing required fields cannot be written at all; its violations already say why
            return IntakeResult.rejected(message.getMessageId(), violations);
        }
        boolean hasCase = caseId != null && !caseId.isBlank();
        if (hasCase && violations.isEmpty() && MessageIds.isUuid(message.getMessageId())) {
            IntakeResult decided = decideHere(message, fromPartner, dryRun, value);
            if (decided != null) {
                fromMemory.incrementAndGet();
                return decided;
            }
        }
        throughOwner.incrementAndGet();
        String requestId = UUID.randomUUID().toString();
        ProducerRecord<byte[], byte[]> request = new ProducerRecord<>(topic,
                hasCase ? state.changelog().partitionOf(caseId) : 0,
                hasCase ? caseId.getBytes(StandardCharsets.UTF_8) : null, value);
        HubHeaders.add(request.headers(), HubHeaders.PARTNER, fromPartner);
        HubHeaders.add(request.headers(), HubHeaders.REQUEST_ID, requestId);
        HubHeaders.add(request.headers(), HubHeaders.REPLY_PARTITION, Integer.toString(replies.partition()));
        if (dryRun) {
            HubHeaders.add(request.headers(), HubHeaders.DRY_RUN, "true");
        }
        CompletableFuture<IntakeResult> answer = replies.expect(requestId);
        try {
            producer.sendAll(List.of(request));
            return answer.get(replyTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new TransientFailureException("no answer to message " + message.getMessageId() + " within "
                    + replyTimeout + "; the instance owning its case may be starting or moving", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailureException("interrupted while waiting for the answer", e);
        } catch (ExecutionException e) {
            throw new TransientFailureException("the answer could not be read", e.getCause());
        } finally {
            replies.forget(requestId);
        }
    }

    /** Submissions answered from this instance's memory since start. */
    public long answeredFromMemory() {
        return fromMemory.get();
    }

    /** Submissions answered by their case's owner through the reply topic since start. */
    public long answeredThroughOwner() {
        return throughOwner.get();
    }

    /**
     * The answer from memory when this instance owns the case's partition and its state is current: DUPLICATE,
     * or ACCEPTED once the decided submission is on its topic; null when the owner must decide through Kafka.
     */
    private IntakeResult decideHere(HubMessage message, String fromPartner, boolean dryRun, byte[] value) {
        String caseId = message.getCaseId();
        int partition = state.changelog().partitionOf(caseId);
        PendingIntake pending = state.decidingHere(partition);
        if (pending == null) {
            return null;
        }
        CompletableFuture<RecordMetadata> written;
        pending.lock();
        try {
            if (state.decidingHere(partition) != pending) {
                return null;
            }
            StateChanges decision = pending.decision();
            IntakeResult result = decider.decide(new Submission(message, fromPartner, dryRun), state, decision,
                    clock.millis());
            if (result.status() == IntakeResult.Status.DUPLICATE) {
                return result;
            }
            if (result.status() != IntakeResult.Status.ACCEPTED) {
                return null;
            }
            if (dryRun) {
                return result;
            }
            ProducerRecord<byte[], byte[]> decided = new ProducerRecord<>(topics.intakeSubmission(), partition,
                    caseId.getBytes(StandardCharsets.UTF_8), value);
            HubHeaders.add(decided.headers(), HubHeaders.PARTNER, fromPartner);
            HubHeaders.add(decided.headers(), HubHeaders.DECIDED, "accepted");
            written = producer.send(decided);
            pending.accepted(decision);
        } finally {
            pending.unlock();
        }
        try {
            producer.await(List.of(written));
            return IntakeResult.accepted(message.getMessageId());
        } catch (RuntimeException e) {
            // perhaps not written: a repeat must not be answered as a duplicate of it (the intake drops a repeat
            // of one that was written after all)
            state.settled(caseId, UUID.fromString(message.getMessageId()));
            throw e;
        }
    }

    /** Says yes, and notes that the validator asked: only then can the case's state change the answer. */
    private static final class AskedCaseParties implements CaseParties {
        private boolean asked;

        @Override
        public boolean areParties(String caseId, String partnerA, String partnerB) {
            asked = true;
            return true;
        }
    }

    /**
     * Waits, at most the reply timeout, while this instance restores the state of the case's partition: a hub
     * just started or just given the partition answers in moments, and a partner should not see a 503 for that.
     */
    private boolean awaitRestored(String caseId) {
        long deadline = System.nanoTime() + replyTimeout.toNanos();
        while (state.isRestoring(caseId)) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(RESTORE_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
