package no.ipshub.partners.provisioning;

import no.ipshub.engine.kafka.HubKafkaClients;
import no.ipshub.partners.JdbcPartnerDirectory;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.registry.client.SchemaRegistryClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires what a partner added or changed at run time needs on the cluster: its topics, subjects and ACLs. */
@Configuration(proxyBeanMethods = false)
public class ProvisioningConfiguration {

    @Bean
    PartnerProvisioner partnerProvisioner(HubKafkaClients kafka, HubTopics topics, SchemaRegistryClient registry) {
        return new PartnerProvisioner(kafka, topics, registry);
    }

    @Bean
    PartnerAclAlignment partnerAclAlignment(PartnerProvisioner provisioner, JdbcPartnerDirectory directory) {
        return new PartnerAclAlignment(provisioner, directory);
    }
}
