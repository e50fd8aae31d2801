package no.ipshub.routes.config;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.registry.kafka.KafkaClientSettings;
import no.ipshub.routes.deadletter.DeadLetterPublisher;
import no.ipshub.routes.deadletter.DeadLetterQuarantine;
import no.ipshub.routes.inbox.InboxReader;
import no.ipshub.routes.inbox.LegacyInbox;
import no.ipshub.routes.instance.InstanceLease;
import no.ipshub.routes.intake.IntakeDecider;
import no.ipshub.routes.intake.IntakeReplies;
import no.ipshub.routes.intake.MessageSubmissions;
import no.ipshub.routes.kafka.BatchConsumerComponent;
import no.ipshub.routes.kafka.HubKafkaClients;
import no.ipshub.routes.kafka.HubProducer;
import no.ipshub.routes.kafka.HubWireCodec;
import no.ipshub.routes.migration.PreviousVersionMigration;
import no.ipshub.routes.partner.PartnerDirectory;
import no.ipshub.routes.partner.PartnersProperties;
import no.ipshub.routes.state.CaseStateStore;
import no.ipshub.routes.state.ChangelogReader;
import no.ipshub.routes.state.StateChangelog;
import no.ipshub.routes.supervision.SupervisedLoops;
import no.ipshub.routes.topics.TopicProvisioner;
import no.ipshub.routes.validation.IngressValidator;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wires the routes module: the {@code hub-kafka} component every Kafka-reading route uses, the shared idempotent
 * producer, the wire codec, the validator, the intake's state (changelog, store), the HTTP edge's way into the
 * intake and the inbox reader.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({HubTopics.class, IngressProperties.class, IdempotencyProperties.class,
        RetryProperties.class, ProducerProperties.class, ConsumerProperties.class, PartnersProperties.class})
public class RoutesConfiguration {

    /** How many inbox pages may be read at once per instance; more wait for a reader. */
    static final int INBOX_READERS = 4;

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** This instance's id, once no other running process holds it: nothing made from the id starts before. */
    @Bean
    InstanceIdentity instanceIdentity(InstanceLease lease) {
        return lease.identity();
    }

    /** Every Kafka client of the hub is made here, with the cluster's settings. */
    @Bean
    HubKafkaClients hubKafkaClients(KafkaClientSettings settings) {
        return new HubKafkaClients(settings);
    }

    @Bean("hub-kafka")
    BatchConsumerComponent batchConsumerComponent(HubKafkaClients kafka, ConsumerProperties consumer,
            ProducerProperties producer, RetryProperties retry, HubProducer hubProducer, InstanceIdentity instance,
            DeadLetterQuarantine quarantine, SupervisedLoops loops) {
        return new BatchConsumerComponent(kafka, consumer, producer, retry, hubProducer, instance, quarantine, loops);
    }

    @Bean
    DeadLetterQuarantine deadLetterQuarantine(DeadLetterPublisher publisher, HubTopics topics, Clock clock) {
        return new DeadLetterQuarantine(publisher, topics, clock);
    }

    /** The hub's one shared idempotent producer (acks=all) for what is written outside a route's transaction. */
    @Bean(destroyMethod = "close")
    HubProducer hubProducer(HubKafkaClients kafka, ProducerProperties producer, InstanceIdentity instance) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.LINGER_MS_CONFIG, producer.lingerMs());
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, producer.batchSize());
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, producer.compressionType());
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, producer.maxRequestBytes());
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, ProducerProperties.BUFFER_BYTES);
        // a send blocked on metadata (broker away) gives up when a caller would stop waiting anyway
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) producer.sendTimeout().toMillis());
        return new HubProducer(kafka.producer("ips-hub-" + instance.id(), config), producer.sendTimeout());
    }

    @Bean
    HubWireCodec hubWireCodec(SchemaRegistryClient registry) {
        return new HubWireCodec(registry);
    }

    @Bean
    IngressValidator ingressValidator(PartnerDirectory partners, IngressProperties ingress, Clock clock) {
        return new IngressValidator(partners, clock, ingress.clockSkew());
    }

    @Bean
    DeadLetterPublisher deadLetterPublisher(HubWireCodec codec, HubTopics topics) {
        return new DeadLetterPublisher(codec, topics);
    }

    @Bean
    StateChangelog stateChangelog(HubTopics topics) {
        return new StateChangelog(topics.intakeState(), topics.partitions().ingress());
    }

    @Bean(destroyMethod = "close")
    ChangelogReader changelogReader(HubKafkaClients kafka, ConsumerProperties consumer, InstanceIdentity instance) {
        return new ChangelogReader(kafka, "ips-hub-intake-state-" + instance.id(), consumer.transactionTimeout());
    }

    @Bean(destroyMethod = "close")
    CaseStateStore caseStateStore(StateChangelog changelog, ChangelogReader reader, SupervisedLoops loops) {
        return new CaseStateStore(changelog, reader, CaseStateStore.RELEASE_AFTER, loops);
    }

    @Bean
    IntakeDecider intakeDecider(IngressValidator validator) {
        return new IntakeDecider(validator);
    }

    /** Reads this instance's partition of the reply topic; created after the topics exist. */
    @Bean(destroyMethod = "close")
    IntakeReplies intakeReplies(HubKafkaClients kafka, HubTopics topics, InstanceIdentity instance,
            TopicProvisioner provisionedTopics, SupervisedLoops loops) {
        int partition = Math.floorMod(instance.id().hashCode(), topics.partitions().intakeReply());
        return new IntakeReplies(kafka, topics.intakeReply(), partition, "ips-hub-intake-replies-" + instance.id(),
                loops);
    }

    @Bean
    MessageSubmissions messageSubmissions(IngressValidator validator, HubTopics topics, HubWireCodec codec,
            HubProducer producer, IntakeReplies replies, CaseStateStore state, IntakeDecider decider, Clock clock,
            IngressProperties ingress) throws InterruptedException {
        replies.awaitReady(Duration.ofSeconds(60));
        return new MessageSubmissions(validator, topics, codec, producer, replies, state, decider, clock,
                ingress.replyTimeout());
    }

    @Bean
    LegacyInbox legacyInbox(JdbcTemplate jdbc) {
        return new LegacyInbox(jdbc);
    }

    @Bean(destroyMethod = "close")
    InboxReader inboxReader(HubKafkaClients kafka, HubTopics topics, HubWireCodec codec, LegacyInbox legacy,
            ProducerProperties producer, SupervisedLoops loops) {
        return new InboxReader(kafka, topics, codec, legacy, INBOX_READERS, producer.sendTimeout(), loops);
    }

    /** Runs before any route starts: routes are started by Camel once the context is refreshed. */
    @Bean
    PreviousVersionMigration previousVersionMigration(JdbcTemplate jdbc, HubKafkaClients kafka, HubTopics topics,
            HubWireCodec codec, StateChangelog changelog, LegacyInbox legacy, IdempotencyProperties idempotency,
            InstanceIdentity instance, Clock clock, TopicProvisioner provisionedTopics) {
        return new PreviousVersionMigration(jdbc, kafka, topics, codec, changelog, legacy, idempotency, instance, clock);
    }
}
