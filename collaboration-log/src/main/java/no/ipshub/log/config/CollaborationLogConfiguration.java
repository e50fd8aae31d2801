package no.ipshub.log.config;

import java.time.Clock;
import no.ipshub.log.api.ResearchAnswers;
import no.ipshub.log.audit.AuditTrail;
import no.ipshub.log.disclosure.DisclosureControl;
import no.ipshub.log.disclosure.ReleaseLedger;
import no.ipshub.log.fidelity.FidelityCalculator;
import no.ipshub.log.pairs.PairPictureCalculator;
import no.ipshub.log.indicators.IndicatorCalculator;
import no.ipshub.log.mapping.CollaborationLogMapper;
import no.ipshub.log.pseudonym.ProjectKey;
import no.ipshub.log.pseudonym.Pseudonymiser;
import no.ipshub.log.route.CollaborationLogProcessor;
import no.ipshub.log.route.CollaborationLogPublisher;
import no.ipshub.log.store.CollaborationLogStore;
import no.ipshub.log.suppression.SmallCellSuppressor;
import no.ipshub.routes.config.HubTopics;
import no.ipshub.routes.kafka.HubProducer;
import no.ipshub.routes.kafka.HubWireCodec;
import no.ipshub.routes.partner.PartnerDirectory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the collaboration log: the project key (start-up fails here, with the reason, when it is missing or
 * short), pseudonymiser, mapper, store, audit trail, publisher and the research API's helpers: the calculators,
 * small-cell suppression and the ledger of what each researcher was shown. Off with
 * {@code hub.research.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "hub.research", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(ResearchProperties.class)
public class CollaborationLogConfiguration {

    @Bean
    ProjectKey researchProjectKey(ResearchProperties research) {
        return ProjectKey.from(research);
    }

    @Bean
    Pseudonymiser pseudonymiser(ProjectKey key) {
        return new Pseudonymiser(key);
    }

    @Bean
    CollaborationLogMapper collaborationLogMapper(Pseudonymiser pseudonymiser, PartnerDirectory partners) {
        return new CollaborationLogMapper(pseudonymiser, partners);
    }

    @Bean
    CollaborationLogStore collaborationLogStore(JdbcTemplate jdbc, TransactionTemplate transactions, ProjectKey key,
            AuditTrail audit, ResearchProperties research) {
        return new CollaborationLogStore(jdbc, transactions, key.project(), audit, Clock.systemUTC(),
                research.pendingRetention());
    }

    @Bean
    CollaborationLogPublisher collaborationLogPublisher(HubProducer producer, HubWireCodec codec, HubTopics topics) {
        return new CollaborationLogPublisher(producer, codec, topics);
    }

    @Bean
    CollaborationLogProcessor collaborationLogProcessor(HubWireCodec codec, CollaborationLogMapper mapper,
            CollaborationLogStore store, CollaborationLogPublisher publisher) {
        return new CollaborationLogProcessor(codec, mapper, store, publisher);
    }

    @Bean
    IndicatorCalculator indicatorCalculator() {
        return new IndicatorCalculator();
    }

    @Bean
    SmallCellSuppressor smallCellSuppressor(ResearchProperties research) {
        return new SmallCellSuppressor(research.minCellSize());
    }

    @Bean
    FidelityCalculator fidelityCalculator() {
        return new FidelityCalculator();
    }

    @Bean
    PairPictureCalculator pairPictureCalculator() {
        return new PairPictureCalculator();
    }

    @Bean
    ReleaseLedger releaseLedger(JdbcTemplate jdbc, TransactionTemplate transactions, SmallCellSuppressor suppressor,
            AuditTrail audit) {
        return new ReleaseLedger(jdbc, transactions, new DisclosureControl(suppressor), audit, Clock.systemUTC());
    }

    @Bean
    ResearchAnswers researchAnswers(CollaborationLogStore store, IndicatorCalculator indicators, FidelityCalculator fidelity,
            PairPictureCalculator pairs, ReleaseLedger ledger, AuditTrail audit, ResearchProperties research) {
        return new ResearchAnswers(store, indicators, fidelity, pairs, ledger, audit, research.minCellSize());
    }
}
