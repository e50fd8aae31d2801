package no.ipshub.routes.intake;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import no.ipshub.routes.cases.CaseOpening;
import no.ipshub.routes.cases.CasePartyStore;
import no.ipshub.routes.config.HubTopics;
import no.ipshub.routes.error.TransientFailureException;
import no.ipshub.routes.idempotency.ProcessedMessageStore;
import no.ipshub.routes.idempotency.ProcessedMessageStore.ProcessedMessage;
import no.ipshub.routes.kafka.HubProducer;
import no.ipshub.routes.kafka.HubWireCodec;
import no.ipshub.routes.validation.CaseParties;
import no.ipshub.routes.validation.IngressValidator;
import no.ipshub.routes.validation.MessageIds;
import no.ipshub.routes.validation.Violation;
import no.ipshub.routes.validation.ViolationCode;
import no.ipshub.schemas.v1.HubMessage;
import no.ipshub.schemas.v1.Referral;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes messages into the hub, for the Kafka ingress route and the HTTP edge alike: validate, drop repeats
 * of an already accepted {@code messageId}, publish to the canonical topic keyed by case id and wait for
 * Kafka's acknowledgement, then record the message id (and, for a referral, the case parties).
 *
 * <p>Publishing comes before recording on purpose: a crash in between makes the message look new when it
 * is sent again, so it is published twice (the inbox store dedupes) but never lost.
 */
public class MessageIntake implements AutoCloseable {

    static final String MESSAGE_ID_HEADER = "ips-message-id";
    /** Two drainers let one batch be validated while the previous one waits for Kafka and the database. */
    private static final int BATCH_DRAINERS = 2;
    private static final int MAX_HTTP_BATCH = 256;
    private static final Logger log = LoggerFactory.getLogger(MessageIntake.class);

    private final IngressValidator validator;
    private final CasePartyStore caseParties;
    private final ProcessedMessageStore processed;
    private final HubProducer producer;
    private final HubWireCodec codec;
    private final HubTopics topics;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration waitForConcurrentTwin;
    /** Requests in flight in this JVM by message id, so that a repeat sent concurrently waits for the first. */
    private final Map<String, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();
    /** Gathers concurrent single submissions (HTTP requests) into batches that share round trips. */
    private final SubmissionBatcher batcher;

    public MessageIntake(IngressValidator validator, CasePartyStore caseParties, ProcessedMessageStore processed,
            HubProducer producer, HubWireCodec codec, HubTopics topics, TransactionTemplate tx, Clock clock,
            Duration waitForConcurrentTwin) {
        this.validator = validator;
        this.caseParties = caseParties;
        this.processed = processed;
        this.producer = producer;
        this.codec = codec;
        this.topics = topics;
        this.tx = tx;
        this.clock = clock;
        this.waitForConcurrentTwin = waitForConcurrentTwin;
        this.batcher = new SubmissionBatcher(this::submitAll, BATCH_DRAINERS, MAX_HTTP_BATCH);
    }

    /**
     * Takes in one message (the HTTP edge). Returns once the outcome is certain: ACCEPTED only after Kafka
     * acknowledged it.
     *
     * @throws TransientFailureException when Kafka or the database is unavailable; nothing was recorded,
     *                                   and sending the same message again is safe
     */
    public IntakeResult submit(HubMessage message, String fromPartner) {
        String id = message.getMessageId();
        if (id == null) {
            return submitAll(List.of(new Submission(message, fromPartner))).get(0);
        }
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> twin;
        while ((twin = inFlight.putIfAbsent(id, mine)) != null) {
            awaitTwin(twin);
        }
        try {
            return batcher.submit(new Submission(message, fromPartner));
        } finally {
            inFlight.remove(id, mine);
            mine.complete(null);
        }
    }

    /** Stops gathering submissions; callers still waiting get a transient failure and may send again. */
    @Override
    public void close() {
        batcher.close();
    }

    /**
     * Takes in a batch (the Kafka ingress route): one lookup per store, one publish round trip, one database
     * transaction. Results are in the order of the submissions.
     *
     * @throws TransientFailureException (or a data access exception) when a dependency is unavailable; the
     *                                   caller retries the whole batch
     */
    public List<IntakeResult> submitAll(List<Submission> submissions) {
        Instant now = clock.instant();
        Set<String> followUpCases = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (Submission s : submissions) {
            HubMessage m = s.message();
            if (!(m.getPayload() instanceof Referral) && m.getCaseId() != null) {
                followUpCases.add(m.getCaseId());
            }
            if (m.getMessageId() != null) {
                ids.add(m.getMessageId());
            }
        }
        BatchCaseParties parties = new BatchCaseParties(caseParties.find(followUpCases));
        Map<String, String> knownSenders = processed.sendersOf(ids);

        IntakeResult[] results = new IntakeResult[submissions.size()];
        List<Integer> toPublish = new ArrayList<>();
        Set<String> seenInBatch = new HashSet<>();
        for (int i = 0; i < submissions.size(); i++) {
            HubMessage m = submissions.get(i).message();
            List<Violation> violations = validator.validate(m, submissions.get(i).fromPartner(), parties);
            String id = m.getMessageId();
            String earlierSender = violations.isEmpty() ? knownSenders.get(id) : null;
            if (!violations.isEmpty()) {
                results[i] = IntakeResult.rejected(id, violations);
            } else if (earlierSender != null && !earlierSender.equals(m.getSender())) {
                results[i] = IntakeResult.rejected(id, List.of(new Violation("messageId",
                        ViolationCode.MESSAGE_ID_IN_USE, "is already used by another partner's message")));
            } else if (earlierSender != null || !seenInBatch.add(id)) {
                results[i] = IntakeResult.duplicate(id);
            } else {
                toPublish.add(i);
                if (m.getPayload() instanceof Referral r) {
                    parties.opened(opening(m, r));
                }
            }
        }
        publishAndRecord(submissions, toPublish, now);
        for (int i : toPublish) {
            results[i] = IntakeResult.accepted(submissions.get(i).message().getMessageId());
        }
        logOutcome(submissions, results);
        return List.of(results);
    }

    private void publishAndRecord(List<Submission> submissions, List<Integer> toPublish, Instant now) {
        if (toPublish.isEmpty()) {
            return;
        }
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(toPublish.size());
        List<ProcessedMessage> processedMessages = new ArrayList<>(toPublish.size());
        List<CaseOpening> openings = new ArrayList<>();
        for (int i : toPublish) {
            HubMessage m = submissions.get(i).message();
            String topic = topics.canonicalFor(m);
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic,
                    m.getCaseId().getBytes(StandardCharsets.UTF_8), encode(topic, m));
            record.headers().add(MESSAGE_ID_HEADER, m.getMessageId().getBytes(StandardCharsets.UTF_8));
            records.add(record);
            processedMessages.add(new ProcessedMessage(m.getMessageId(), m.getSender(), m.getCaseId(), topic));
            if (m.getPayload() instanceof Referral r) {
                openings.add(opening(m, r));
            }
        }
        producer.sendAll(records);
        tx.executeWithoutResult(status -> {
            processed.record(processedMessages, now);
            caseParties.record(openings, now);
        });
    }

    /**
     * The message in the wire format of its canonical topic. The hub registered that subject at start-up, so a
     * failure here is the registry's, not the message's: it is retried, never dead-lettered.
     */
    private byte[] encode(String topic, HubMessage m) {
        try {
            return codec.encode(topic, m);
        } catch (RuntimeException e) {
            throw new TransientFailureException("cannot encode message " + m.getMessageId() + " for " + topic, e);
        }
    }

    private static CaseOpening opening(HubMessage m, Referral r) {
        return new CaseOpening(m.getCaseId(), r.getReferringTeam(), r.getNavOffice(), m.getMessageId());
    }

    private void awaitTwin(CompletableFuture<Void> twin) {
        try {
            twin.get(waitForConcurrentTwin.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailureException("interrupted while waiting for a concurrent copy of the message", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new TransientFailureException("a concurrent copy of the message is still being processed", e);
        }
    }

    private static void logOutcome(List<Submission> submissions, IntakeResult[] results) {
        for (int i = 0; i < results.length; i++) {
            IntakeResult r = results[i];
            Submission s = submissions.get(i);
            String id = MessageIds.loggable(r.messageId());
            // rejections are logged where they are answered: by the HTTP edge, or as a dead letter
            switch (r.status()) {
                case ACCEPTED -> log.debug("Accepted message {} from {}", id, s.fromPartner());
                case DUPLICATE -> log.info("Duplicate message {} from {} dropped", id, s.fromPartner());
                case REJECTED -> log.debug("Rejected message {} from {}: {}", id, s.fromPartner(),
                        Violation.describe(r.violations()));
            }
        }
    }

    /** The case parties known before the batch plus the cases opened by referrals earlier in the same batch. */
    private static final class BatchCaseParties implements CaseParties {
        private final Map<String, List<CaseOpening>> byCase;

        BatchCaseParties(Map<String, List<CaseOpening>> known) {
            this.byCase = new HashMap<>(known);
        }

        void opened(CaseOpening opening) {
            byCase.computeIfAbsent(opening.caseId(), k -> new ArrayList<>()).add(opening);
        }

        @Override
        public boolean areParties(String caseId, String partnerA, String partnerB) {
            return byCase.getOrDefault(caseId, List.of()).stream().anyMatch(o -> o.isSharedBy(partnerA, partnerB));
        }
    }
}
