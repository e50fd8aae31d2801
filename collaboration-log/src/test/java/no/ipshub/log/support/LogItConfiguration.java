package no.ipshub.log.support;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import no.ipshub.engine.config.ConsumerProperties;
import no.ipshub.engine.config.InstanceIdentity;
import no.ipshub.engine.config.InstanceLeaseProperties;
import no.ipshub.engine.config.ProducerProperties;
import no.ipshub.engine.config.RetryProperties;
import no.ipshub.engine.kafka.BatchConsumerComponent;
import no.ipshub.engine.kafka.HubKafkaClients;
import no.ipshub.engine.kafka.HubProducer;
import no.ipshub.engine.kafka.HubWireCodec;
import no.ipshub.partners.PartnerDirectory;
import no.ipshub.partners.schema.HubSchemaRegistration;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.partners.topics.TopicProvisioner;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.registry.core.SchemaRegistryClients;
import no.ipshub.registry.kafka.KafkaClientSettings;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * What the hub and the routes module give the collaboration log at run time, for its integration tests: one
 * in-process KRaft broker (its log cleaner runs every half second, so compaction can be watched), the cluster
 * settings, an in-memory schema registry, the {@code hub-kafka} component, the shared producer and codec,
 * schema registration and topic provisioning of the routes module, the partners, and the
 * role rules of the hub with HTTP Basic users in place of API keys.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties({HubTopics.class, RetryProperties.class, ProducerProperties.class,
        ConsumerProperties.class, InstanceLeaseProperties.class})
@Import({HubSchemaRegistration.class, TopicProvisioner.class})
public class LogItConfiguration {

    public static final String RESEARCHER = "researcher-ida";
    public static final String TABLE_READER = "reader-tove";
    public static final String OPERATOR = "operator-ola";
    public static final String PARTNER = "partner-system";
    public static final String PASSWORD = "it-password";

    @Bean(destroyMethod = "destroy")
    EmbeddedKafkaKraftBroker embeddedKafka() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.brokerProperty("transaction.state.log.replication.factor", "1");
        broker.brokerProperty("transaction.state.log.min.isr", "1");
        broker.brokerProperty("log.cleaner.backoff.ms", "500");
        broker.brokerProperty("log.cleaner.dedupe.buffer.size", "2097152");
        broker.afterPropertiesSet();
        return broker;
    }

    @Bean
    KafkaClientSettings kafkaClientSettings(EmbeddedKafkaKraftBroker broker) {
        String bootstrap = broker.getBrokersAsString();
        return new KafkaClientSettings() {
            @Override
            public String bootstrapServers() {
                return bootstrap;
            }

            @Override
            public Map<String, Object> commonProperties() {
                Map<String, Object> common = new HashMap<>();
                common.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
                return common;
            }

            @Override
            public int clusterSize() {
                return 1;
            }
        };
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    HubKafkaClients hubKafkaClients(KafkaClientSettings settings) {
        return new HubKafkaClients(settings);
    }

    @Bean
    SchemaRegistryClient schemaRegistryClient() {
        return SchemaRegistryClients.create("mock://collaboration-log-it");
    }

    @Bean
    PartnerDirectory partnerDirectory() {
        return LogFixtures.partners();
    }

    @Bean("hub-kafka")
    BatchConsumerComponent batchConsumerComponent(HubKafkaClients kafka, ConsumerProperties consumer,
            ProducerProperties producer, RetryProperties retry, HubProducer hubProducer) {
        return new BatchConsumerComponent(kafka, consumer, producer, retry, hubProducer,
                new InstanceIdentity("collaboration-log-it"), null);
    }

    @Bean(destroyMethod = "close")
    HubProducer hubProducer(KafkaClientSettings settings, ProducerProperties producer) {
        Map<String, Object> config = settings.commonProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, producer.lingerMs());
        return new HubProducer(new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer()),
                producer.sendTimeout());
    }

    @Bean
    HubWireCodec hubWireCodec(SchemaRegistryClient registry) {
        return new HubWireCodec(registry);
    }

    @Bean
    SecurityFilterChain testSecurity(HttpSecurity http) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
            .httpBasic(Customizer.withDefaults())
            .authorizeHttpRequests(rules -> rules
                .requestMatchers("/error").permitAll()
                .requestMatchers("/api/v1/research/**").hasAnyRole("RESEARCHER", "TABLE_READER")
                .requestMatchers("/api/v1/ops/**").hasRole("OPERATOR")
                .requestMatchers(HttpMethod.PUT, "/api/v1/roster").hasRole("PARTNER")
                .anyRequest().denyAll());
        return http.build();
    }

    @Bean
    InMemoryUserDetailsManager testUsers() {
        return new InMemoryUserDetailsManager(
                User.withUsername(RESEARCHER).password("{noop}" + PASSWORD).roles("RESEARCHER").build(),
                User.withUsername(OPERATOR).password("{noop}" + PASSWORD).roles("OPERATOR").build(),
                User.withUsername(TABLE_READER).password("{noop}" + PASSWORD).roles("TABLE_READER").build(),
                User.withUsername(PARTNER).password("{noop}" + PASSWORD).roles("PARTNER").build());
    }
}
