package no.ipshub.connectors.nhn;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.ipshub.connectors.nhn.NhnDeliveryStore.Claimed;
import no.ipshub.connectors.nhn.NhnDeliveryStore.Source;
import no.ipshub.engine.kafka.HubProducer;
import no.ipshub.engine.kafka.HubWireCodec;
import no.ipshub.partners.Partner;
import no.ipshub.partners.PartnerDirectory;
import no.ipshub.routes.deadletter.DeadLetterPublisher;
import no.ipshub.schemas.v1.DeadLetter;
import no.ipshub.schemas.v1.DeadLetterReason;
import no.ipshub.schemas.v1.HubMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox over Norsk helsenett and follows each message to its application receipt. A due PENDING
 * delivery is rendered as a Dialogmelding and posted to the EDI 2.0 API; a timeout, failed connection or 5xx is
 * tried again after a back-off (doubling from {@code initial-backoff} up to {@code max-backoff}), and after
 * {@code max-attempts} the delivery is parked, as it is at once for an answer that trying again cannot change. A
 * SENT delivery's receipt is asked for every {@code receipt-check-interval}: OK ends it, AVVIST makes the message
 * a {@code RECIPIENT_REJECTED} dead letter with the receipt's errors, and no receipt within
 * {@code receipt-timeout} parks it. At most {@code batch-size} deliveries per call.
 */
public class NhnDispatcher {

    public static final String ROUTE_ID = "nhn-dispatch";
    private static final Logger log = LoggerFactory.getLogger(NhnDispatcher.class);
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final NhnDeliveryStore deliveries;
    private final NhnAddressStore addresses;
    private final NhnConversationStore conversations;
    private final PartnerDirectory partners;
    private final DialogueRenderer renderer;
    private final Edi2Client edi;
    private final HubWireCodec codec;
    private final DeadLetterPublisher deadLetters;
    private final HubProducer producer;
    private final NhnProperties properties;
    private final String owner;
    private final Clock clock;

    public NhnDispatcher(NhnDeliveryStore deliveries, NhnAddressStore addresses, NhnConversationStore conversations,
            PartnerDirectory partners, DialogueRenderer renderer, Edi2Client edi, HubWireCodec codec,
            DeadLetterPublisher deadLetters, HubProducer producer, NhnProperties properties, String owner, Clock clock) {
        this.deliveries = deliveries;
        this.addresses = addresses;
        this.conversations = conversations;
        this.partners = partners;
        this.renderer = renderer;
        this.edi = edi;
        this.codec = codec;
        this.deadLetters = deadLetters;
        this.producer = producer;
        this.properties = properties;
        this.owner = owner;
        this.clock = clock;
    }

    /** Sends what is due and asks for the receipts that are due; nothing while no EDI 2.0 API is configured. */
    public void dispatchDue() {
        if (!properties.edi().configured()) {
            return;
        }
        Instant now = clock.instant();
        for (long id : deliveries.due(now, properties.outbound().batchSize())) {
            Optional<Claimed> claimed = deliveries.claim(id, owner, now, now.plus(LEASE));
            if (claimed.isEmpty()) {
                continue;
            }
            Claimed delivery = claimed.get();
            if (delivery.state() == NhnDeliveryStore.State.PENDING) {
                send(delivery);
            } else {
                check(delivery);
            }
        }
    }

    private void send(Claimed delivery) {
        Instant now = clock.instant();
        byte[] envelope;
        try {
            envelope = render(delivery);
        } catch (IllegalStateException e) {
            // the hub's own configuration or a fault of the hub: no try is spent, operators see the error
            log.warn("Route {} cannot render message {} for {}: {}", ROUTE_ID, delivery.messageId(),
                    delivery.partnerId(), e.getMessage());
            deliveries.later(delivery.id(), owner, false, e.getMessage(), now.plus(properties.outbound().maxBackoff()));
            return;
        }
        try {
            String nhnId = edi.post(envelope);
            deliveries.sent(delivery.id(), owner, now, nhnId, now.plus(properties.outbound().receiptCheckInterval()));
            log.info("Route {} sent message {} to {} over Norsk helsenett", ROUTE_ID, delivery.messageId(),
                    delivery.partnerId());
        } catch (Edi2Exception e) {
            int attempts = delivery.attempts() + 1;
            if (!e.isTransient() || attempts >= properties.outbound().maxAttempts()) {
                deliveries.park(delivery.id(), owner, true, e.getMessage());
                log.warn("Route {} parked message {} to {} after {} attempts: {}", ROUTE_ID, delivery.messageId(),
                        delivery.partnerId(), attempts, e.getMessage());
            } else {
                deliveries.later(delivery.id(), owner, true, e.getMessage(), now.plus(backoff(attempts)));
            }
        }
    }

    private byte[] render(Claimed delivery) {
        Source source = deliveries.source(delivery.id()).orElseThrow();
        HubMessage message = codec.decodeMessage(source.wireBytes());
        Partner recipient = partners.lookUp(delivery.partnerId())
                .orElseThrow(() -> new IllegalStateException("partner " + delivery.partnerId() + " is unknown"));
        NhnAddress address = addresses.ofPartner(delivery.partnerId()).orElse(
                new NhnAddress(delivery.partnerId(), delivery.herId(), null, true));
        Partner sender = partners.lookUp(message.getSender()).orElse(new Partner(message.getSender(),
                message.getSender(), null, null, List.of()));
        Long senderHerId = addresses.ofPartner(message.getSender()).map(NhnAddress::herId).orElse(null);
        NhnConversationStore.Conversation conversation = conversations.ofCase(message.getCaseId(), delivery.partnerId())
                .filter(c -> !c.ref().equals(message.getMessageId())).orElse(null);
        return renderer.render(message, sender, senderHerId, recipient, address, conversation);
    }

    private void check(Claimed delivery) {
        Instant now = clock.instant();
        try {
            List<Edi2Client.ReceiptInfo> receipts = edi.receipts(delivery.nhnMessageId());
            Optional<Edi2Client.ReceiptInfo> receipt = receipts.stream()
                    .filter(r -> r.status() != null && r.receiverHerId() == delivery.herId()).findFirst()
                    .or(() -> receipts.stream().filter(r -> r.status() != null).findFirst());
            if (receipt.isPresent()) {
                record(delivery, new AppRec(receipt.get().status(), receipt.get().errors(), delivery.messageId()));
                return;
            }
            waitForReceipt(delivery, now, null);
        } catch (Edi2Exception e) {
            waitForReceipt(delivery, now, e.getMessage());
        }
    }

    private void waitForReceipt(Claimed delivery, Instant now, String error) {
        if (delivery.sentAt() != null && now.isAfter(delivery.sentAt().plus(properties.outbound().receiptTimeout()))) {
            deliveries.park(delivery.id(), owner, false, "no application receipt within "
                    + properties.outbound().receiptTimeout() + (error == null ? "" : "; last: " + error));
            log.warn("Route {} parked message {} to {}: no application receipt in time", ROUTE_ID, delivery.messageId(),
                    delivery.partnerId());
        } else {
            deliveries.later(delivery.id(), owner, false, error, now.plus(properties.outbound().receiptCheckInterval()));
        }
    }

    /**
     * Records a receipt that arrived as a message of its own (read by the poller): it answers the message with
     * this MsgId sent to the partner with this HER-id. False when no such delivery is waiting.
     */
    public boolean receiptArrived(AppRec receipt, long fromHerId) {
        Instant now = clock.instant();
        Optional<Long> id = deliveries.sentTo(receipt.originalMsgId(), fromHerId);
        Optional<Claimed> claimed = id.flatMap(i -> deliveries.claimForReceipt(i, owner, now, now.plus(LEASE)));
        claimed.ifPresent(delivery -> record(delivery, receipt));
        return claimed.isPresent();
    }

    private void record(Claimed delivery, AppRec receipt) {
        Instant now = clock.instant();
        if (receipt.status() == AppRec.Status.AVVIST) {
            deadLetter(delivery, receipt, now);
        }
        deliveries.receipt(delivery.id(), owner, now, receipt);
        log.info("Route {} got application receipt {} for message {} from {}", ROUTE_ID, receipt.status(),
                delivery.messageId(), delivery.partnerId());
    }

    /** The message as a RECIPIENT_REJECTED dead letter, sent before the delivery is marked REJECTED. */
    private void deadLetter(Claimed delivery, AppRec receipt, Instant now) {
        Source source = deliveries.source(delivery.id()).orElseThrow();
        String sender = null;
        try {
            sender = source.wireBytes() == null ? null : codec.decodeMessage(source.wireBytes()).getSender();
        } catch (RuntimeException e) {
            log.warn("Route {} cannot read back message {} for its dead letter", ROUTE_ID, delivery.messageId());
        }
        String reason = "the receiver's system answered AppRec AVVIST: " + receipt.errorSummary();
        DeadLetter letter = DeadLetter.newBuilder()
                .setDeadLetterId(UUID.randomUUID().toString())
                .setOriginalKey(ByteBuffer.wrap(delivery.caseId().getBytes(StandardCharsets.UTF_8)))
                .setOriginalValue(source.wireBytes() == null ? null : ByteBuffer.wrap(source.wireBytes()))
                .setSourceTopic(source.topic())
                .setSourcePartition(source.partition())
                .setSourceOffset(source.offset())
                .setRouteId(ROUTE_ID)
                .setPartner(sender)
                .setMessageId(delivery.messageId())
                .setReasonCode(DeadLetterReason.RECIPIENT_REJECTED)
                .setReason(reason.length() <= 1000 ? reason : reason.substring(0, 1000))
                .setFirstFailureAt(now)
                .setLastFailureAt(now)
                .setAttempts(delivery.attempts())
                .build();
        producer.sendAll(List.of(deadLetters.record(letter)));
    }

    /** The wait after {@code attempts} failed tries: doubling from the initial back-off, at most the maximum. */
    Duration backoff(int attempts) {
        Duration wait = properties.outbound().initialBackoff();
        for (int i = 1; i < attempts && wait.compareTo(properties.outbound().maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(properties.outbound().maxBackoff()) > 0 ? properties.outbound().maxBackoff() : wait;
    }
}
