package no.ipshub.routes.intake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import no.ipshub.routes.config.HubTopics;
import no.ipshub.routes.error.FailureClassifier;
import no.ipshub.routes.error.TransientFailureException;
import no.ipshub.routes.kafka.HubHeaders;
import no.ipshub.routes.kafka.HubProducer;
import no.ipshub.routes.kafka.HubWireCodec;
import no.ipshub.routes.state.CaseStateStore;
import no.ipshub.routes.validation.CaseParties;
import no.ipshub.routes.validation.IngressValidator;
import no.ipshub.routes.validation.Violation;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The HTTP edge's way into the hub, on any instance: a submission goes to the hub's own submission topic, in its
 * case's partition and keyed by case id, naming the partner it comes from and where to answer in headers that only
 * the hub can write there; the instance that owns the case's partition takes it in like a Kafka partner's message
 * and answers on the intake reply topic, in the same transaction that publishes it. So the answer is ACCEPTED only
 * once the message is committed on its canonical topic and in its recipient's inbox, DUPLICATE and 403 come from
 * the case's own state, and any number of instances answer alike.
 *
 * <p>A message that breaks a rule the state cannot change is refused here, without a round trip through Kafka
 * (nor its content on a topic): the answer is the same, since the owner would find the same violations.
 */
public class MessageSubmissions {

    private final IngressValidator validator;
    private final HubTopics topics;
    private final HubWireCodec codec;
    private final HubProducer producer;
    private final IntakeReplies replies;
    private final CaseStateStore state;
    private final Duration replyTimeout;

    public MessageSubmissions(IngressValidator validator, HubTopics topics, HubWireCodec codec, HubProducer producer,
            IntakeReplies replies, CaseStateStore state, Duration replyTimeout) {
        this.state = state;
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
        if (caseId != null && !caseId.isBlank() && state.isRestoring(caseId)) {
            throw new TransientFailureException("the state of case partition " + state.changelog().partitionOf(caseId)
                    + " is being restored on this instance", null);
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
        String requestId = UUID.randomUUID().toString();
        boolean hasCase = caseId != null && !caseId.isBlank();
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

    /** Says yes, and notes that the validator asked: only then can the case's state change the answer. */
    private static final class AskedCaseParties implements CaseParties {
        private boolean asked;

        @Override
        public boolean areParties(String caseId, String partnerA, String partnerB) {
            asked = true;
            return true;
        }
    }
}
