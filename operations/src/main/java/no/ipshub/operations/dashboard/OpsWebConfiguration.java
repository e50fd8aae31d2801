package no.ipshub.operations.dashboard;

import java.time.Clock;
import no.ipshub.connectors.webhook.WebhookDeliveryStore;
import no.ipshub.connectors.webhook.WebhookDispatcher;
import no.ipshub.connectors.webhook.WebhookEndpointStore;
import no.ipshub.engine.kafka.HubKafkaClients;
import no.ipshub.engine.supervision.SupervisedLoops;
import no.ipshub.operations.activity.PartnerActivityStore;
import no.ipshub.operations.deadletter.DeadLetterStore;
import no.ipshub.operations.metrics.CamelRouteMetrics;
import no.ipshub.partners.PartnerDirectory;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.web.signin.BrowserSignIn;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the operations dashboard: the sampler and the views behind it, and its browser sign-in ({@link OpsSignIn}),
 * for which the web module's {@link no.ipshub.web.PageWebConfiguration} registers the cookie filter, the open
 * sign-in page and assets, and the static files under {@code /ops/assets/} and {@code /ops/webjars/}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpsProperties.class)
public class OpsWebConfiguration {

    /** The dashboard's sign-in, for the pages' shared web security. */
    @Bean
    BrowserSignIn opsSignIn() {
        return OpsSignIn.SIGN_IN;
    }

    @Bean
    RouteInspector routeInspector(CamelContext camel, CamelRouteMetrics metrics) {
        return new RouteInspector(camel, metrics);
    }

    @Bean(destroyMethod = "close")
    KafkaOffsetsReader opsKafkaOffsetsReader(HubKafkaClients kafka, OpsProperties properties, Clock clock) {
        return new KafkaOffsetsReader(kafka, properties.kafkaTimeout(), clock);
    }

    @Bean
    PartnerActivityStore partnerActivityStore(JdbcTemplate jdbc, TransactionTemplate tx) {
        return new PartnerActivityStore(jdbc, tx);
    }

    @Bean
    PartnerActivity partnerActivity(PartnerActivityStore store, OpsProperties properties, Clock clock) {
        return new PartnerActivity(store, clock, properties.activityLookback());
    }

    @Bean(destroyMethod = "close")
    OldestUnreadReader opsOldestUnreadReader(HubKafkaClients kafka, OpsProperties properties) {
        return new OldestUnreadReader(kafka, properties.kafkaTimeout());
    }

    @Bean
    LagMetrics lagMetrics() {
        return new LagMetrics();
    }

    /** Refuses to start with a lag alert that would come only after an ingress topic deleted what it is about. */
    @Bean
    OpsSampler opsSampler(RouteInspector routes, KafkaOffsetsReader kafka, OldestUnreadReader oldestUnread,
            LagMetrics metrics, PartnerDirectory partners, HubTopics topics, PartnerActivity activity,
            OpsProperties properties, Clock clock, SupervisedLoops loops) {
        properties.lagAlert().requireShorterThan(topics.ingressRetention(), "hub.topics.ingress-retention");
        return new OpsSampler(routes, kafka, oldestUnread, metrics, partners, topics, activity, properties, clock,
                loops);
    }

    @Bean
    RegistryOverview registryOverview(SchemaRegistryClient registry, OpsProperties properties, Clock clock) {
        return new RegistryOverview(registry, properties.registryRefresh(), clock);
    }

    @Bean
    HealthOverview healthOverview(HealthEndpoint health, OpsProperties properties, Clock clock) {
        return new HealthOverview(health, properties.healthRefresh(), clock);
    }

    @Bean
    OpsOverview opsOverview(RouteInspector routes, OpsSampler sampler, DeadLetterStore deadLetters,
            PartnerDirectory partners, PartnerActivity activity, RegistryOverview registry, HealthOverview health,
            SupervisedLoops loops, OpsProperties properties) {
        return new OpsOverview(routes, sampler, deadLetters, partners, activity, registry, health, loops,
                properties);
    }

    @Bean
    ParkedWebhooks parkedWebhooks(ObjectProvider<WebhookDeliveryStore> deliveries,
            ObjectProvider<WebhookEndpointStore> endpoints, ObjectProvider<WebhookDispatcher> dispatcher, Clock clock) {
        return new ParkedWebhooks(deliveries, endpoints, dispatcher, clock);
    }
}
