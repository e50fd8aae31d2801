package no.ipshub.operations.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import no.ipshub.engine.kafka.HubProducer;
import no.ipshub.partners.PartnerDirectory;
import no.ipshub.partners.topics.HubTopics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays and discards dead letters for operators. A replay writes the original key and value, byte for byte,
 * to the {@link ReplayTarget} and marks the entry REPLAYED once Kafka acknowledged the write. Replaying the
 * same dead letter twice is harmless: the ingress drops a repeated {@code messageId} and the inbox store keeps
 * one copy per recipient.
 */
public class DeadLetterReplayer {

    /** Kafka header naming the dead letter a replayed record came from. */
    public static final String REPLAY_OF_HEADER = "ips-replay-of";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplayer.class);
    private static final int MAX_DISCARD_REASON = 1000;

    private final DeadLetterStore store;
    private final HubProducer producer;
    private final HubTopics topics;
    private final PartnerDirectory partners;
    private final DeadLetterProperties properties;
    private final Clock clock;

    public DeadLetterReplayer(DeadLetterStore store, HubProducer producer, HubTopics topics, PartnerDirectory partners,
            DeadLetterProperties properties, Clock clock) {
        this.store = store;
        this.producer = producer;
        this.topics = topics;
        this.partners = partners;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Replays the dead letters with these ids, in this order, and reports on each.
     *
     * @throws DeadLetterRequestException when more ids are given than {@code hub.dead-letters.max-replay-selection}
     * @throws no.ipshub.engine.error.TransientFailureException when Kafka did not acknowledge; nothing was marked
     *                                                          and replaying again is safe
     */
    public List<ReplayOutcome> replay(List<String> ids, String operator) {
        List<String> unique = List.copyOf(new LinkedHashSet<>(ids));
        if (unique.size() > properties.maxReplaySelection()) {
            throw DeadLetterRequestException.invalid("ids", "at most " + properties.maxReplaySelection()
                    + " dead letters can be replayed at once (hub.dead-letters.max-replay-selection)");
        }
        Map<String, DeadLetterStore.Stored> stored = store.load(unique);
        List<ReplayOutcome> outcomes = new ArrayList<>(unique.size());
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (String id : unique) {
            DeadLetterStore.Stored s = stored.get(id);
            if (s == null) {
                outcomes.add(ReplayOutcome.notFound(id));
                continue;
            }
            ReplayTarget target = ReplayTarget.of(s.entry(), s.original().value() != null, topics, partners);
            if (!target.replayable()) {
                outcomes.add(ReplayOutcome.notReplayable(id, target.refusal()));
                continue;
            }
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(target.topic(), s.original().key(),
                    s.original().value());
            record.headers().add(REPLAY_OF_HEADER, id.getBytes(StandardCharsets.UTF_8));
            records.add(record);
            positions.add(outcomes.size());
            outcomes.add(null);
        }
        if (!records.isEmpty()) {
            List<RecordMetadata> written = producer.sendAll(records);
            List<String> replayedIds = new ArrayList<>(written.size());
            for (int i = 0; i < written.size(); i++) {
                RecordMetadata m = written.get(i);
                // outcomes line up with the unique ids, one to one
                String id = unique.get(positions.get(i));
                outcomes.set(positions.get(i), ReplayOutcome.replayed(id, m.topic(), m.partition(), m.offset()));
                replayedIds.add(id);
            }
            store.markReplayed(replayedIds, operator, clock.instant());
            for (ReplayOutcome o : outcomes) {
                if (o.result() == ReplayOutcome.Result.REPLAYED) {
                    log.info("Dead letter {} replayed by {} to {}-{}@{}", o.id(), operator, o.topic(), o.partition(),
                            o.offset());
                }
            }
        }
        return outcomes;
    }

    /**
     * Replays up to {@code hub.dead-letters.max-replay-selection} OPEN dead letters matching {@code filter},
     * oldest failure first.
     */
    public Selection replayMatching(DeadLetterFilter filter, String operator) {
        DeadLetterFilter open = filter.withStatus(DeadLetterStatus.OPEN);
        int max = properties.maxReplaySelection();
        List<String> ids = store.ids(open, max + 1);
        boolean more = ids.size() > max;
        List<ReplayOutcome> outcomes = replay(more ? ids.subList(0, max) : ids, operator);
        return new Selection(outcomes, more);
    }

    /**
     * Discards an OPEN dead letter with the operator's reason.
     *
     * @throws DeadLetterRequestException 400 without a reason, 404 for an unknown id, 409 when it is not OPEN
     */
    public DeadLetterEntry discard(String id, String reason, String operator) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw DeadLetterRequestException.invalid("reason", "a reason is required to discard a dead letter");
        }
        if (why.length() > MAX_DISCARD_REASON) {
            throw DeadLetterRequestException.invalid("reason", "must be at most " + MAX_DISCARD_REASON + " characters");
        }
        DeadLetterEntry entry = store.find(id).orElseThrow(() -> DeadLetterRequestException.notFound(id));
        if (!store.markDiscarded(id, why, operator, clock.instant())) {
            throw DeadLetterRequestException.conflict("Dead letter " + id + " is " + store.find(id)
                    .map(DeadLetterEntry::status).orElse(entry.status()) + "; only an OPEN dead letter can be discarded.");
        }
        // the reason is the operator's free text: it stays in the database, not in the log
        log.info("Dead letter {} (message {}) discarded by {}", id, entry.messageId(), operator);
        return store.find(id).orElseThrow(() -> DeadLetterRequestException.notFound(id));
    }

    /**
     * The outcome of replaying a filtered selection.
     *
     * @param outcomes  one per dead letter replayed or tried
     * @param truncated true when more dead letters matched than one request may replay
     */
    public record Selection(List<ReplayOutcome> outcomes, boolean truncated) {
    }
}
