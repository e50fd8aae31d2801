package no.ipshub.log.config;

import java.time.Clock;
import java.util.LinkedHashSet;
import no.ipshub.engine.kafka.HubKafkaClients;
import no.ipshub.engine.kafka.HubProducer;
import no.ipshub.engine.kafka.HubWireCodec;
import no.ipshub.log.ResearchProperties;
import no.ipshub.log.api.ResearchAccess;
import no.ipshub.log.api.ResearchAnswers;
import no.ipshub.log.audit.AuditTrail;
import no.ipshub.log.disclosure.ReleaseLedger;
import no.ipshub.log.fidelity.FidelityCalculator;
import no.ipshub.log.fidelity.FidelityReviewStore;
import no.ipshub.log.indicators.IndicatorCalculator;
import no.ipshub.log.mapping.CollaborationLogMapper;
import no.ipshub.log.pairs.PairPictureCalculator;
import no.ipshub.log.project.ProjectAdministration;
import no.ipshub.log.project.ProjectDirectory;
import no.ipshub.log.project.ProjectKeySeal;
import no.ipshub.log.project.ProjectStore;
import no.ipshub.log.project.ProjectTopics;
import no.ipshub.log.project.ResearchProject;
import no.ipshub.log.pseudonym.ProjectKey;
import no.ipshub.log.pseudonym.Pseudonymiser;
import no.ipshub.log.roster.TeamRosterStore;
import no.ipshub.log.route.CollaborationLogProcessor;
import no.ipshub.log.route.CollaborationLogPublisher;
import no.ipshub.log.store.CollaborationLogEntries;
import no.ipshub.log.store.CollaborationLogStore;
import no.ipshub.log.survival.TimeToEventCalculator;
import no.ipshub.partners.PartnerDirectory;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.registry.client.SchemaRegistryClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the collaboration log: the default project's key (start-up fails here, with the reason, when it is missing
 * or short), the projects (the default one synchronised from {@code hub.research} into the database, the others
 * added at run time with their keys sealed), mapper, store, publisher, and the research API's helpers: the access
 * rules of the two audiences, the calculators and the ledger of what each audience was shown. Off with
 * {@code hub.research.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "hub.research", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(ResearchProperties.class)
public class CollaborationLogConfiguration {

    /** The projects, with the default one synchronised into the database from {@code hub.research} first. */
    @Bean
    ProjectDirectory researchProjects(ProjectStore store, ProjectKey key, ResearchProperties research) {
        store.synchroniseDefault(new ResearchProject(research.project(), research.project(), research.minCellSize(),
                research.researchers() == null ? null : new LinkedHashSet<>(research.researchers()), true));
        ProjectKeySeal seal = research.hasProjectSealKey() ? new ProjectKeySeal(ProjectKey.material(research.projectSealKey(),
                research.projectSealKeyFile(), research.generateKeyIfMissing(), "hub.research.project-seal-key",
                "to add research projects at run time")) : null;
        return new ProjectDirectory(store, key, seal);
    }

    @Bean
    ProjectStore projectStore(JdbcTemplate jdbc, Clock clock) {
        return new ProjectStore(jdbc, clock);
    }

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
            AuditTrail audit, ResearchProperties research, Clock clock) {
        return new CollaborationLogStore(jdbc, transactions, key.project(), audit, clock,
                research.pendingRetention());
    }

    @Bean
    CollaborationLogEntries collaborationLogEntries(JdbcTemplate jdbc, ProjectKey key) {
        return new CollaborationLogEntries(jdbc, key.project());
    }

    @Bean
    ProjectTopics projectTopics(HubTopics topics, HubKafkaClients kafka, SchemaRegistryClient registry) {
        return new ProjectTopics(topics, kafka, registry);
    }

    /** Each project's entries go to its own topic, which exists (and has its subject) before the first is sent. */
    @Bean
    CollaborationLogPublisher collaborationLogPublisher(HubProducer producer, HubWireCodec codec, ProjectDirectory projects,
            ProjectTopics topics) {
        projects.all().forEach(p -> topics.provision(p.project()));
        return new CollaborationLogPublisher(producer, codec, code -> topics.topicOf(projects.find(code)
                .orElseThrow(() -> new IllegalStateException("no research project " + code)).project()));
    }

    @Bean
    CollaborationLogProcessor collaborationLogProcessor(HubWireCodec codec, CollaborationLogMapper mapper,
            CollaborationLogStore store, CollaborationLogPublisher publisher, ProjectDirectory projects) {
        return new CollaborationLogProcessor(codec, mapper, store, publisher, projects);
    }

    @Bean
    IndicatorCalculator indicatorCalculator() {
        return new IndicatorCalculator();
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
    TimeToEventCalculator timeToEventCalculator() {
        return new TimeToEventCalculator();
    }

    @Bean
    ReleaseLedger releaseLedger(JdbcTemplate jdbc, TransactionTemplate transactions, AuditTrail audit,
            ResearchProperties research, Clock clock) {
        return new ReleaseLedger(jdbc, transactions, audit, clock, research.maxDisclosureSteps());
    }

    @Bean
    ResearchAnswers researchAnswers(CollaborationLogEntries store, IndicatorCalculator indicators, FidelityCalculator fidelity,
            PairPictureCalculator pairs, TimeToEventCalculator timeToEvent, ReleaseLedger ledger, AuditTrail audit,
            TeamRosterStore rosters, Clock clock) {
        return new ResearchAnswers(store, indicators, fidelity, pairs, timeToEvent, ledger, audit, rosters, clock);
    }

    @Bean
    ProjectAdministration projectAdministration(ProjectStore store, ProjectDirectory projects, ProjectTopics topics,
            AuditTrail audit, TransactionTemplate transactions) {
        return new ProjectAdministration(store, projects, topics, audit, transactions);
    }

    @Bean
    FidelityReviewStore fidelityReviewStore(JdbcTemplate jdbc, Clock clock) {
        return new FidelityReviewStore(jdbc, clock);
    }

    @Bean
    TeamRosterStore teamRosterStore(JdbcTemplate jdbc, Clock clock) {
        return new TeamRosterStore(jdbc, clock);
    }

    @Bean
    ResearchAccess researchAccess(ProjectDirectory projects) {
        return new ResearchAccess(projects);
    }
}
