package no.ipshub.operations.deadletter;

import java.util.List;
import no.ipshub.routes.config.HubTopics;
import no.ipshub.routes.error.HubErrorPolicy;
import no.ipshub.routes.kafka.BatchOffsets;
import no.ipshub.routes.kafka.KafkaEndpoints;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Dead-letter index: reads {@code hub.topics.dead-letter} in batches, writes every dead letter into the
 * operators' index, and commits the batch only after the database write.
 */
@Component
public class DeadLetterIndexRoute extends RouteBuilder {

    public static final String ROUTE_ID = "dead-letter-index";

    private final HubTopics topics;
    private final DeadLetterProperties properties;
    private final DeadLetterIndexProcessor processor;

    public DeadLetterIndexRoute(HubTopics topics, DeadLetterProperties properties, DeadLetterIndexProcessor processor) {
        this.topics = topics;
        this.properties = properties;
        this.processor = processor;
    }

    @Override
    public void configure() {
        from(KafkaEndpoints.batchConsumer(List.of(topics.deadLetter()), properties.groupId(), properties.consumers(),
                properties.maxPollRecords(), properties.batchingIntervalMs(), properties.pollTimeoutMs()))
            .routeId(ROUTE_ID)
            .routeConfigurationId(HubErrorPolicy.ID)
            .process(processor)
            .process(batch -> BatchOffsets.commit(BatchOffsets.records(batch), ROUTE_ID));
    }
}
