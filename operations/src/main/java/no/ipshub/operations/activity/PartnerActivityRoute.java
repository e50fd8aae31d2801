package no.ipshub.operations.activity;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import no.ipshub.engine.error.DatabaseProbe;
import no.ipshub.engine.error.FailureClassifier;
import no.ipshub.engine.kafka.BatchConsumerComponent;
import no.ipshub.engine.kafka.BatchConsumerSpec;
import no.ipshub.engine.kafka.ConsumedRecord;
import no.ipshub.engine.kafka.HubHeaders;
import no.ipshub.engine.kafka.HubWireCodec;
import no.ipshub.engine.kafka.RecordBatch;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Partner activity: reads the canonical topics (committed records only) and moves each partner's last-sent and
 * last-received times forward in {@code partner_activity}, one small transaction per batch. The sender and
 * recipient come from the records' headers; records without them are decoded.
 */
@Component
public class PartnerActivityRoute extends RouteBuilder {

    public static final String ROUTE_ID = "partner-activity";
    public static final String GROUP_ID = "ips-hub-partner-activity";
    private static final Logger log = LoggerFactory.getLogger(PartnerActivityRoute.class);

    private final String endpointUri;
    private final PartnerActivityStore store;
    private final HubWireCodec codec;

    public PartnerActivityRoute(BatchConsumerComponent batches, HubTopics topics, PartnerActivityStore store,
            HubWireCodec codec, JdbcTemplate jdbc) {
        this.endpointUri = batches.endpointUri(BatchConsumerSpec.plain(ROUTE_ID, GROUP_ID, topics.canonicalTopics())
                .withProbe(new DatabaseProbe(jdbc)));
        this.store = store;
        this.codec = codec;
    }

    @Override
    public void configure() {
        from(endpointUri)
            .routeId(ROUTE_ID)
            .errorHandler(noErrorHandler())
            .process(this::record);
    }

    private void record(Exchange exchange) {
        Map<String, Instant> sent = new HashMap<>();
        Map<String, Instant> received = new HashMap<>();
        for (ConsumedRecord record : exchange.getMessage().getBody(RecordBatch.class).records()) {
            String sender = record.header(HubHeaders.SENDER);
            String recipient = record.header(HubHeaders.RECIPIENT);
            if ((sender == null || recipient == null) && record.value() != null) {
                try {
                    HubMessage message = codec.decodeMessage(record.value());
                    sender = message.getSender();
                    recipient = message.getRecipient();
                } catch (RuntimeException e) {
                    if (FailureClassifier.isTransient(e)) {
                        throw e;
                    }
                    log.warn("Route {} skipped {}: not a HubMessage ({})", ROUTE_ID, record.position(),
                            e.getClass().getSimpleName());
                }
            }
            Instant at = Instant.ofEpochMilli(record.timestamp());
            if (sender != null) {
                sent.merge(sender, at, (a, b) -> a.isAfter(b) ? a : b);
            }
            if (recipient != null) {
                received.merge(recipient, at, (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        store.record(sent, received);
    }
}
