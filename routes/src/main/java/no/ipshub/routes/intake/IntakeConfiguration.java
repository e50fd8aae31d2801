package no.ipshub.routes.intake;

import java.time.Clock;
import java.time.Duration;
import no.ipshub.engine.config.ConsumerProperties;
import no.ipshub.engine.config.InstanceIdentity;
import no.ipshub.engine.kafka.HubKafkaClients;
import no.ipshub.engine.kafka.HubProducer;
import no.ipshub.engine.kafka.HubWireCodec;
import no.ipshub.engine.state.CaseStateStore;
import no.ipshub.engine.state.ChangelogReader;
import no.ipshub.engine.state.StateChangelog;
import no.ipshub.engine.supervision.SupervisedLoops;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.partners.topics.TopicProvisioner;
import no.ipshub.routes.config.IngressProperties;
import no.ipshub.routes.validation.IngressValidator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the intake: its state (changelog, reader, store), its decisions, the reply reader and the HTTP edge's way in. */
@Configuration(proxyBeanMethods = false)
public class IntakeConfiguration {

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
}
