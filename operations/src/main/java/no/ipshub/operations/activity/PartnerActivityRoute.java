package no.ipshub.operations.activity;

import no.ipshub.engine.error.DatabaseProbe;
import no.ipshub.engine.kafka.BatchConsumerComponent;
import no.ipshub.engine.kafka.BatchConsumerSpec;
import no.ipshub.engine.kafka.BatchRoute;
import no.ipshub.engine.kafka.HubWireCodec;
import no.ipshub.partners.topics.HubTopics;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Partner activity: reads the canonical topics (committed records only) and moves each partner's last-sent and
 * last-received times forward in {@code partner_activity}, one small transaction per batch
 * ({@link PartnerActivityProcessor}).
 */
@Component
public class PartnerActivityRoute extends BatchRoute {

    public static final String ROUTE_ID = "partner-activity";
    public static final String GROUP_ID = "ips-hub-partner-activity";

    public PartnerActivityRoute(BatchConsumerComponent batches, HubTopics topics, PartnerActivityStore store,
            HubWireCodec codec, JdbcTemplate jdbc) {
        super(batches, BatchConsumerSpec.plain(ROUTE_ID, GROUP_ID, topics.canonicalTopics())
                .withProbe(new DatabaseProbe(jdbc)), new PartnerActivityProcessor(store, codec));
    }
}
