package no.ipshub.log.route;

import no.ipshub.log.config.ResearchProperties;
import no.ipshub.routes.config.HubTopics;
import no.ipshub.routes.error.HubErrorPolicy;
import no.ipshub.routes.kafka.BatchOffsets;
import no.ipshub.routes.kafka.KafkaEndpoints;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The collaboration log: reads the canonical referral, follow-up and outcome topics in batches, writes the
 * pseudonymised entries of consenting participants to the store and the compacted log topic, and commits the
 * batch's offsets only after both.
 */
@Component
@ConditionalOnProperty(prefix = "hub.research", name = "enabled", havingValue = "true", matchIfMissing = true)
public class CollaborationLogRoute extends RouteBuilder {

    public static final String ROUTE_ID = "collaboration-log";

    private final HubTopics topics;
    private final ResearchProperties research;
    private final CollaborationLogProcessor processor;

    public CollaborationLogRoute(HubTopics topics, ResearchProperties research, CollaborationLogProcessor processor) {
        this.topics = topics;
        this.research = research;
        this.processor = processor;
    }

    @Override
    public void configure() {
        ResearchProperties.Consumer consumer = research.consumer();
        from(KafkaEndpoints.batchConsumer(topics.canonicalTopics(), consumer.groupId(), consumer.consumers(),
                consumer.maxPollRecords(), consumer.batchingIntervalMs(), consumer.pollTimeoutMs()))
            .routeId(ROUTE_ID)
            .routeConfigurationId(HubErrorPolicy.ID)
            .process(processor)
            .process(batch -> BatchOffsets.commit(BatchOffsets.records(batch), ROUTE_ID));
    }
}
