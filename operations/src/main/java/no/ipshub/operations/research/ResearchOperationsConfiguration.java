package no.ipshub.operations.research;

import no.ipshub.connectors.security.HubSecurityProperties;
import no.ipshub.connectors.security.RunTimeAccounts;
import no.ipshub.log.audit.AuditTrail;
import no.ipshub.log.project.ProjectAdministration;
import no.ipshub.partners.PartnerDirectory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the operators' administration of research projects and table readers. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "hub.research", name = "enabled", havingValue = "true", matchIfMissing = true)
public class ResearchOperationsConfiguration {

    @Bean
    TableReaderAdministration tableReaderAdministration(RunTimeAccounts accounts, ProjectAdministration projects,
            HubSecurityProperties configured, PartnerDirectory partners, AuditTrail audit, TransactionTemplate transactions) {
        return new TableReaderAdministration(accounts, projects, configured, partners, audit, transactions);
    }
}
