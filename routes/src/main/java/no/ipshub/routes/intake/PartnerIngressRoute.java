package no.ipshub.routes.intake;

import no.ipshub.engine.kafka.BatchConsumerComponent;
import no.ipshub.engine.kafka.BatchConsumerSpec;
import no.ipshub.engine.kafka.BatchRoute;
import no.ipshub.engine.state.CaseStateStore;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.registry.client.SchemaRegistryClient;
import org.springframework.stereotype.Component;

/**
 * Partner ingress: reads every partner's {@code ips.ingress.<partner>-v1} topic (a partner added later included),
 * where Kafka partners write, and the hub's own submission topic, where the HTTP edge puts its submissions, and
 * takes each batch in as one Kafka transaction: canonical and inbox records, state changes, dead letters, answers
 * to HTTP submissions and the batch's offsets are committed together or not at all. A record it keeps failing on
 * is dead-lettered only while the schema registry answers.
 */
@Component
public class PartnerIngressRoute extends BatchRoute {

    public static final String ROUTE_ID = "partner-ingress";
    public static final String GROUP_ID = "ips-hub-ingress";

    public PartnerIngressRoute(BatchConsumerComponent batches, HubTopics topics, CaseStateStore state,
            IntakeProcessor processor, SchemaRegistryClient registry) {
        super(batches, BatchConsumerSpec.transactional(ROUTE_ID, GROUP_ID,
                topics.intakePattern(), state.changelog().partitions(), state, new StateExpiry(state))
                .withProbe(registry::getSubjects), processor);
    }
}
