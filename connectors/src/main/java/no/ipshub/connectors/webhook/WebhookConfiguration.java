package no.ipshub.connectors.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;
import no.ipshub.engine.kafka.BatchConsumerComponent;
import no.ipshub.engine.kafka.HubWireCodec;
import no.ipshub.engine.supervision.SupervisedLoops;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.routes.deadletter.DeadLetterPublisher;
import no.ipshub.schemas.json.HubMessageJson;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires outbound webhooks: the stores, the sealing key, the URL policy, the sender and dispatcher, and the
 * {@code webhook-delivery} and {@code webhook-dispatch} routes. {@code hub.webhooks.enabled=false} leaves all of
 * it out.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
@ConditionalOnProperty(prefix = "hub.webhooks", name = "enabled", havingValue = "true", matchIfMissing = true)
public class WebhookConfiguration {

    /** The key file used when neither {@code hub.webhooks.secret-key} nor {@code secret-key-file} is set. */
    static final String DEFAULT_KEY_FILE = "webhook.key";

    @Bean
    WebhookEndpointStore webhookEndpointStore(JdbcTemplate jdbc, TransactionTemplate tx) {
        return new WebhookEndpointStore(jdbc, tx);
    }

    @Bean
    WebhookDeliveryStore webhookDeliveryStore(JdbcTemplate jdbc) {
        return new WebhookDeliveryStore(jdbc);
    }

    /**
     * The cipher sealing signing secrets. A configured key is loaded at start-up, so a wrong one stops the hub
     * at once; the default key file is made or read on first use, so a hub without webhooks never writes one.
     */
    @Bean
    WebhookCipherSource webhookCipherSource(WebhookProperties properties, Environment environment) {
        Path defaultFile = Path.of(environment.getProperty("hub.data-dir", "./data"), DEFAULT_KEY_FILE);
        WebhookCipherSource source = new WebhookCipherSource(() -> WebhookSecretKey.load(properties, defaultFile));
        boolean configured = notBlank(properties.secretKey()) || notBlank(properties.secretKeyFile());
        if (configured) {
            source.get();
        }
        return source;
    }

    @Bean
    WebhookUrlPolicy webhookUrlPolicy(WebhookProperties properties) {
        return new WebhookUrlPolicy(properties.allowInsecureLocalhost(), properties.allowPrivateAddresses());
    }

    @Bean
    WebhookSender webhookSender(WebhookProperties properties, WebhookUrlPolicy policy) {
        return new WebhookSender(properties.connectTimeout(), properties.requestTimeout(), policy);
    }

    @Bean
    WebhookStatistics webhookStatistics(ObjectProvider<MeterRegistry> registry) {
        return new WebhookStatistics(registry.getIfAvailable());
    }

    @Bean(destroyMethod = "close")
    WebhookDispatcher webhookDispatcher(WebhookDeliveryStore deliveries, WebhookEndpointStore endpoints,
            WebhookCipherSource cipher, WebhookSender sender, HubWireCodec codec, HubMessageJson json,
            WebhookProperties properties, WebhookStatistics statistics, Clock clock, SupervisedLoops loops) {
        return new WebhookDispatcher(deliveries, endpoints, cipher, sender, codec, json, properties, statistics, clock,
                loops);
    }

    @Bean
    WebhookRegistrations webhookRegistrations(WebhookEndpointStore endpoints, WebhookDeliveryStore deliveries,
            WebhookCipherSource cipher, WebhookUrlPolicy policy, TransactionTemplate tx, Clock clock) {
        return new WebhookRegistrations(endpoints, deliveries, cipher, policy, tx, clock);
    }

    @Bean
    WebhookEnqueueProcessor webhookEnqueueProcessor(HubTopics topics, WebhookEndpointStore endpoints,
            WebhookDeliveryStore deliveries, HubWireCodec codec, DeadLetterPublisher deadLetters, Clock clock) {
        return new WebhookEnqueueProcessor(topics, endpoints, deliveries, codec, deadLetters, clock);
    }

    @Bean
    WebhookDeliveryRoute webhookDeliveryRoute(BatchConsumerComponent batches, HubTopics topics,
            WebhookEnqueueProcessor enqueue, WebhookDispatcher dispatcher, JdbcTemplate jdbc) {
        return new WebhookDeliveryRoute(batches, topics, enqueue, dispatcher, jdbc);
    }

    @Bean
    WebhookDispatchRoute webhookDispatchRoute(WebhookProperties properties, WebhookDispatcher dispatcher,
            WebhookDeliveryStore deliveries, Clock clock) {
        return new WebhookDispatchRoute(properties, dispatcher, deliveries, clock);
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    /** The sealing cipher, loaded once on first use. */
    static final class WebhookCipherSource implements Supplier<WebhookSecretCipher> {

        private final Supplier<WebhookSecretCipher> loader;
        private volatile WebhookSecretCipher cipher;

        WebhookCipherSource(Supplier<WebhookSecretCipher> loader) {
            this.loader = loader;
        }

        @Override
        public WebhookSecretCipher get() {
            WebhookSecretCipher loaded = cipher;
            if (loaded == null) {
                synchronized (this) {
                    if (cipher == null) {
                        cipher = loader.get();
                    }
                    loaded = cipher;
                }
            }
            return loaded;
        }
    }
}
