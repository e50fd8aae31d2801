package no.ipshub.routes.ingress;

import java.util.List;
import no.ipshub.routes.config.HubTopics;
import no.ipshub.routes.config.IngressProperties;
import no.ipshub.routes.error.HubErrorPolicy;
import no.ipshub.routes.kafka.BatchOffsets;
import no.ipshub.routes.kafka.KafkaEndpoints;
import no.ipshub.routes.partner.PartnerDirectory;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Partner ingress: reads every partner's {@code ips.ingress.<partner>-v1} topic in batches, takes the messages
 * in (validated, deduplicated, published to their canonical topic) or dead-letters them, and commits the
 * batch only after all of that was acknowledged.
 */
@Component
public class PartnerIngressRoute extends RouteBuilder {

    public static final String ROUTE_ID = "partner-ingress";

    private final HubTopics topics;
    private final PartnerDirectory partners;
    private final IngressProperties ingress;
    private final PartnerIngressProcessor processor;

    public PartnerIngressRoute(HubTopics topics, PartnerDirectory partners, IngressProperties ingress,
            PartnerIngressProcessor processor) {
        this.topics = topics;
        this.partners = partners;
        this.ingress = ingress;
        this.processor = processor;
    }

    @Override
    public void configure() {
        List<String> ingressTopics = partners.all().stream().map(p -> topics.ingressFor(p.id())).toList();
        from(KafkaEndpoints.batchConsumer(ingressTopics, ingress.groupId(), ingress.consumers(),
                ingress.maxPollRecords(), ingress.batchingIntervalMs(), ingress.pollTimeoutMs()))
            .routeId(ROUTE_ID)
            .routeConfigurationId(HubErrorPolicy.ID)
            .process(processor)
            .process(batch -> BatchOffsets.commit(BatchOffsets.records(batch), ROUTE_ID));
    }
}
