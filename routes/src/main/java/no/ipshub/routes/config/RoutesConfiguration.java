package no.ipshub.routes.config;

import java.time.Clock;
import java.time.Duration;
import no.ipshub.engine.config.ConsumerProperties;
import no.ipshub.engine.config.InstanceIdentity;
import no.ipshub.engine.config.ProducerProperties;
import no.ipshub.engine.kafka.HubKafkaClients;
import no.ipshub.engine.kafka.HubProducer;
import no.ipshub.engine.kafka.HubWireCodec;
import no.ipshub.engine.state.CaseStateStore;
import no.ipshub.engine.state.ChangelogReader;
import no.ipshub.engine.state.StateChangelog;
import no.ipshub.engine.supervision.SupervisedLoops;
import no.ipshub.routes.deadletter.DeadLetterPublisher;
import no.ipshub.routes.deadletter.DeadLetterQuarantine;
import no.ipshub.routes.inbox.InboxReader;
import no.ipshub.routes.inbox.LegacyInbox;
import no.ipshub.routes.instance.InstanceLease;
import no.ipshub.routes.intake.IntakeDecider;
import no.ipshub.routes.intake.IntakeReplies;
import no.ipshub.routes.intake.MessageSubmissions;
import no.ipshub.routes.migration.PreviousVersionMigration;
import no.ipshub.routes.partner.PartnerDirectory;
import no.ipshub.routes.partner.PartnersProperties;
import no.ipshub.routes.topics.TopicProvisioner;
import no.ipshub.routes.validation.IngressValidator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wires the routes module: the validator, the dead-letter quarantine the engine's loops hand poison records to, the
 * intake's state (changelog, store), the HTTP edge's way into the intake, the inbox reader and the upgrade migration.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({HubTopics.class, IngressProperties.class, IdempotencyProperties.class,
        PartnersProperties.class})
public class RoutesConfiguration {

    /** How many inbox pages may be read at once per instance; more wait for a reader. */
    static final int INBOX_READERS = 4;

    /** This instance's id, once no other running process holds it: nothing made from the id starts before. */
    @Bean
    InstanceIdentity instanceIdentity(InstanceLease lease) {
        return lease.identity();
    }

    @Bean
    DeadLetterQuarantine deadLetterQuarantine(DeadLetterPublisher publisher, HubTopics topics, Clock clock) {
        return new DeadLetterQuarantine(publisher, topics, clock);
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
