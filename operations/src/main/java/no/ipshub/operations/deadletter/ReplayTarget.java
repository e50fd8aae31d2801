package no.ipshub.operations.deadletter;

import java.util.Optional;
import no.ipshub.partners.PartnerDirectory;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.schemas.v1.DeadLetterReason;

/**
 * Where a dead letter goes when an operator replays it, or why it cannot be replayed.
 *
 * <p>A message that failed on its way in (read from a partner's ingress topic, or from the HTTP edge) goes back
 * to that partner's ingress topic, so it passes the same validation and {@code messageId} idempotency as
 * anything the partner sends. A message that failed after it was accepted (read from a canonical topic, e.g.
 * by inbox delivery) goes back to that canonical topic: ingress would drop it as a repeat of an accepted
 * message, while the inbox store still delivers each message once per recipient.
 *
 * @param topic   the topic to write the original bytes to; null when {@code refusal} is set
 * @param refusal why the dead letter cannot be replayed; null when it can
 */
public record ReplayTarget(String topic, String refusal) {

    /** True when the dead letter can be replayed to {@link #topic}. */
    public boolean replayable() {
        return topic != null;
    }

    /** The replay target of {@code entry} with the current topics and partners. */
    public static ReplayTarget of(DeadLetterEntry entry, boolean hasValue, HubTopics topics, PartnerDirectory partners) {
        if (entry.status() == DeadLetterStatus.DISCARDED) {
            return refused("it was discarded");
        }
        if (!hasValue) {
            return refused("the failed record had no value");
        }
        if (DeadLetterReason.MESSAGE_TOO_LARGE.name().equals(entry.reasonCode())) {
            return refused("only the first " + entry.originalSize() + " bytes of the oversized message were kept");
        }
        if (topics.canonicalTopics().contains(entry.sourceTopic())) {
            return new ReplayTarget(entry.sourceTopic(), null);
        }
        Optional<String> partner = topics.partnerOfIngressTopic(entry.sourceTopic())
                .or(() -> Optional.ofNullable(entry.partner()));
        if (partner.isEmpty()) {
            return refused("it names no partner whose ingress it could go back to");
        }
        if (partners.find(partner.get()).isEmpty()) {
            return refused("'" + partner.get() + "' is not a partner of the hub");
        }
        return new ReplayTarget(topics.ingressFor(partner.get()), null);
    }

    private static ReplayTarget refused(String why) {
        return new ReplayTarget(null, why);
    }
}
