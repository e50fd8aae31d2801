package no.ipshub.routes.instance;

import java.time.Clock;
import no.ipshub.engine.config.InstanceIdentity;
import no.ipshub.engine.config.InstanceLeaseProperties;
import no.ipshub.engine.kafka.HubKafkaClients;
import no.ipshub.partners.topics.TopicProvisioner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Takes this instance's id ({@link InstanceIdentity#from}) for this process before anything is made from it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InstanceLeaseProperties.class)
public class InstanceLeaseConfiguration {

    /** Created after the topics exist; refuses to start (the exception) when another process holds the id. */
    @Bean(destroyMethod = "close")
    InstanceLease instanceLease(Environment environment, HubKafkaClients kafka, InstanceLeaseProperties properties,
            TopicProvisioner provisionedTopics, Clock clock) {
        return InstanceLease.acquire(InstanceIdentity.from(environment), kafka, properties, clock);
    }

    /** This instance's id, once no other running process holds it: nothing made from the id starts before. */
    @Bean
    InstanceIdentity instanceIdentity(InstanceLease lease) {
        return lease.identity();
    }
}
