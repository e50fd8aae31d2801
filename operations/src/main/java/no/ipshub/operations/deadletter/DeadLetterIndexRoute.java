package no.ipshub.operations.deadletter;

import java.util.List;
import no.ipshub.engine.error.DatabaseProbe;
import no.ipshub.engine.kafka.BatchConsumerComponent;
import no.ipshub.engine.kafka.BatchConsumerSpec;
import no.ipshub.partners.topics.HubTopics;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Dead-letter index: reads {@code hub.topics.dead-letter} in batches (committed records only), writes every dead
 * letter into the operators' index, and commits the batch only after the database write.
 */
@Component
public class DeadLetterIndexRoute extends RouteBuilder {

    public static final String ROUTE_ID = "dead-letter-index";
    public static final String GROUP_ID = "ips-hub-dead-letter-index";

    private final String endpointUri;
    private final DeadLetterIndexProcessor processor;

    public DeadLetterIndexRoute(BatchConsumerComponent batches, HubTopics topics, DeadLetterIndexProcessor processor,
            JdbcTemplate jdbc) {
        this.endpointUri = batches.endpointUri(BatchConsumerSpec.plain(ROUTE_ID, GROUP_ID, List.of(topics.deadLetter()))
                .withProbe(new DatabaseProbe(jdbc)));
        this.processor = processor;
    }

    @Override
    public void configure() {
        from(endpointUri)
            .routeId(ROUTE_ID)
            .errorHandler(noErrorHandler())
            .process(processor);
    }
}
