package no.ipshub.operations.partners;

import java.time.Clock;
import no.ipshub.connectors.nhn.NhnAddressStore;
import no.ipshub.log.audit.AuditTrail;
import no.ipshub.partners.JdbcPartnerDirectory;
import no.ipshub.partners.PartnerStore;
import no.ipshub.partners.provisioning.PartnerProvisioner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the partner administration of the operations API and dashboard. */
@Configuration(proxyBeanMethods = false)
public class PartnersConfiguration {

    @Bean
    @ConditionalOnProperty(prefix = "hub.nhn", name = "enabled", havingValue = "true", matchIfMissing = true)
    NhnAddressAdministration nhnAddressAdministration(NhnAddressStore addresses, PartnerStore store, AuditTrail audit,
            TransactionTemplate transactions, Clock clock) {
        return new NhnAddressAdministration(addresses, store, audit, transactions, clock);
    }

    @Bean
    PartnerAdministration partnerAdministration(PartnerStore store, JdbcPartnerDirectory directory,
            PartnerProvisioner provisioner, AuditTrail audit, TransactionTemplate transactions) {
        return new PartnerAdministration(store, directory, provisioner, audit, transactions);
    }
}
