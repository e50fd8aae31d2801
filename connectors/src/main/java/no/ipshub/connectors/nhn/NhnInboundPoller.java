package no.ipshub.connectors.nhn;

import java.util.List;
import java.util.Optional;
import no.ipshub.engine.error.TransientFailureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the hub's incoming messages from the EDI 2.0 API: each unread message for {@code hub.nhn.her-id} is
 * fetched, taken in as an envelope posted over HTTP would be (its sender identified by HER-id alone, since the
 * API vouches for it), answered with its application receipt through the API and marked read. A message that is
 * itself a receipt is matched to the message of the hub it answers. When the hub or the API cannot go on (Kafka
 * away, a 5xx, a timeout) the poll stops and the message stays unread, so the next poll takes it again; one taken
 * in already is then answered OK again without being delivered twice.
 */
public class NhnInboundPoller {

    public static final String ROUTE_ID = "nhn-poll";
    private static final Logger log = LoggerFactory.getLogger(NhnInboundPoller.class);

    private final Edi2Client edi;
    private final DialogueIntake intake;
    private final AppRecReader receipts;
    private final NhnDispatcher dispatcher;
    private final NhnProperties properties;

    public NhnInboundPoller(Edi2Client edi, DialogueIntake intake, AppRecReader receipts, NhnDispatcher dispatcher,
            NhnProperties properties) {
        this.edi = edi;
        this.intake = intake;
        this.receipts = receipts;
        this.dispatcher = dispatcher;
        this.properties = properties;
    }

    /** One poll: at most {@code hub.nhn.edi.messages-per-poll} messages. */
    public void poll() {
        Long herId = properties.herId();
        if (!properties.edi().pollEnabled() || !properties.edi().configured() || herId == null) {
            return;
        }
        List<Edi2Client.IncomingMessage> unread;
        try {
            unread = edi.unread(herId, properties.edi().messagesPerPoll());
        } catch (Edi2Exception e) {
            log.warn("Route {} could not list incoming messages: {}", ROUTE_ID, e.getMessage());
            return;
        }
        for (Edi2Client.IncomingMessage message : unread) {
            try {
                take(message, herId);
            } catch (TransientFailureException e) {
                log.warn("Route {} stops this poll: the hub cannot take messages in now ({})", ROUTE_ID, e.getMessage());
                return;
            } catch (Edi2Exception e) {
                if (e.isTransient()) {
                    log.warn("Route {} stops this poll: {}", ROUTE_ID, e.getMessage());
                    return;
                }
                log.warn("Route {} skips incoming message {}: {}", ROUTE_ID, message.id(), e.getMessage());
            }
        }
    }

    private void take(Edi2Client.IncomingMessage message, long herId) {
        long limit = properties.maxEnvelopeBytes().toBytes();
        Optional<byte[]> document = edi.document(message.id(), limit);
        if (message.isAppRec()) {
            receiptArrived(message, document);
        } else if (document.isEmpty()) {
            edi.sendReceipt(message.id(), herId, AppRec.rejected("", List.of(new ReceiptError(AppRecError.X99,
                    "the message is larger than " + limit + " bytes (hub.nhn.max-envelope-bytes)"))));
        } else {
            DialogueIntake.Answer answer = intake.take(document.get(), Optional.empty());
            edi.sendReceipt(message.id(), herId, answer.receipt());
            log.info("Route {} answered incoming message {} with {}", ROUTE_ID, message.id(), answer.receipt().status());
        }
        edi.markRead(message.id(), herId);
    }

    private void receiptArrived(Edi2Client.IncomingMessage message, Optional<byte[]> document) {
        if (document.isEmpty() || message.senderHerId() == null) {
            log.warn("Route {} skips receipt {}: too large or without a sender", ROUTE_ID, message.id());
            return;
        }
        try {
            AppRec receipt = receipts.read(document.get());
            if (!dispatcher.receiptArrived(receipt, message.senderHerId())) {
                log.info("Route {} read receipt {} for no waiting message of the hub", ROUTE_ID, message.id());
            }
        } catch (EnvelopeRefusedException e) {
            log.warn("Route {} skips receipt {}: {}", ROUTE_ID, message.id(), e.errors().get(0).code());
        }
    }
}
