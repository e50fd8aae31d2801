package no.ipshub.operations.deadletter;

import java.util.List;
import no.ipshub.engine.error.DatabaseProbe;
import no.ipshub.engine.kafka.BatchConsumerComponent;
import no.ipshub.engine.kafka.BatchConsumerSpec;
import no.ipshub.engine.kafka.BatchRoute;
import no.ipshub.partners.topics.HubTopics;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Dead-letter index: reads {@code hub.topics.dead-letter} in batches (committed records only), writes every dead
 * letter into the operators' index, and commits the batch only after the database write.
 */
@Component
public class DeadLetterIndexRoute extends BatchRoute {

    public static final String ROUTE_ID = "dead-letter-index";
    public static final String GROUP_ID = "ips-hub-dead-letter-index";

    public DeadLetterIndexRoute(BatchConsumerComponent batches, HubTopics topics, DeadLetterIndexProcessor processor,
            JdbcTemplate jdbc) {
        super(batches, BatchConsumerSpec.plain(ROUTE_ID, GROUP_ID, List.of(topics.deadLetter()))
                .withProbe(new DatabaseProbe(jdbc)), processor);
    }
}
