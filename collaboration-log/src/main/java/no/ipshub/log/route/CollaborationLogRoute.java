package no.ipshub.log.route;

import no.ipshub.engine.error.DatabaseProbe;
import no.ipshub.engine.kafka.BatchConsumerComponent;
import no.ipshub.engine.kafka.BatchConsumerSpec;
import no.ipshub.engine.kafka.BatchRoute;
import no.ipshub.log.ResearchProperties;
import no.ipshub.partners.topics.HubTopics;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The collaboration log: reads the canonical referral, follow-up and outcome topics in batches (committed records
 * only), writes the pseudonymised entries of consenting participants to the store and the compacted log topic,
 * and commits the batch's offsets only after both. Its batches are larger than other routes'
 * ({@code hub.research.log-max-poll-records}): each costs a fixed number of statements and one commit.
 */
@Component
@ConditionalOnProperty(prefix = "hub.research", name = "enabled", havingValue = "true", matchIfMissing = true)
public class CollaborationLogRoute extends BatchRoute {

    public static final String ROUTE_ID = "collaboration-log";
    /** A new group id re-reads the canonical topics from the start. */
    public static final String GROUP_ID = "ips-hub-collaboration-log";

    public CollaborationLogRoute(BatchConsumerComponent batches, HubTopics topics, CollaborationLogProcessor processor,
            JdbcTemplate jdbc, ResearchProperties research) {
        super(batches, BatchConsumerSpec.plain(ROUTE_ID, GROUP_ID, topics.canonicalTopics())
                .withProbe(new DatabaseProbe(jdbc))
                .withMaxPollRecords(research.logMaxPollRecords()), processor);
    }
}
