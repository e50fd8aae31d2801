package no.ipshub.connectors.nhn;

import no.ipshub.engine.error.DatabaseProbe;
import no.ipshub.engine.kafka.BatchConsumerComponent;
import no.ipshub.engine.kafka.BatchConsumerSpec;
import no.ipshub.engine.kafka.BatchRoute;
import no.ipshub.partners.topics.HubTopics;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Outbound over Norsk helsenett: reads every partner's inbox topic in batches (one consumer group across hub
 * instances), queues the messages of partners that receive over Norsk helsenett in the {@code nhn_delivery}
 * outbox and commits; the {@code nhn-dispatch} route sends them.
 */
public class NhnOutboundRoute extends BatchRoute {

    public static final String ROUTE_ID = "nhn-outbound";
    public static final String GROUP_ID = "ips-hub-nhn";

    public NhnOutboundRoute(BatchConsumerComponent batches, HubTopics topics, NhnEnqueueProcessor enqueue,
            JdbcTemplate jdbc) {
        super(batches, BatchConsumerSpec.plain(ROUTE_ID, GROUP_ID, topics.inboxPattern())
                .withProbe(new DatabaseProbe(jdbc)), enqueue);
    }
}
