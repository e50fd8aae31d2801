package no.ipshub.routes.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.registry.serde.AvroWireCodec;
import no.ipshub.registry.client.SchemaRegistryClients;
import no.ipshub.routes.cases.CaseOpening;
import no.ipshub.routes.cases.CasePartyStore;
import no.ipshub.routes.idempotency.ProcessedMessageStore;
import no.ipshub.routes.idempotency.ProcessedMessageStore.ProcessedMessage;
import no.ipshub.routes.inbox.InboxDelivery;
import no.ipshub.routes.inbox.InboxReader;
import no.ipshub.routes.inbox.InboxReader.InboxItem;
import no.ipshub.routes.inbox.InboxReader.InboxPage;
import no.ipshub.routes.inbox.InboxStore;
import no.ipshub.routes.kafka.HubWireCodec;
import no.ipshub.routes.support.TestPartners;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.v1.HubMessage;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The routes module's tables and stores, the same tests on every database the hub supports: each subclass
 * supplies a fresh, empty database; the module's Flyway migrations create the tables.
 */
abstract class StoreContract {

    private static final Instant NOW = Instant.parse("2025-06-02T10:00:00Z");
    private static final String TOPIC = "ips.referral-v1";

    private CasePartyStore caseParties;
    private ProcessedMessageStore processed;
    private InboxStore inboxStore;
    private InboxReader inboxReader;
    private AvroWireCodec codec;

    /** A fresh database, migrated by nothing yet. */
    abstract DataSource dataSource();

    /** The schema Flyway migrates; null for the connection's default. */
    abstract String schema();

    @BeforeEach
    void migrate() {
        DataSource dataSource = dataSource();
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        if (schema() != null) {
            flyway.schemas(schema());
        }
        flyway.load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        SchemaRegistryClient registry = SchemaRegistryClients.create("mock://stores-" + UUID.randomUUID());
        registry.register(TOPIC + "-value", HubMessage.getClassSchema());
        codec = new AvroWireCodec(registry, false, false);
        caseParties = new CasePartyStore(jdbc);
        processed = new ProcessedMessageStore(jdbc);
        inboxStore = new InboxStore(jdbc, tx);
        inboxReader = new InboxReader(jdbc, new HubWireCodec(registry));
    }

    private InboxDelivery delivery(HubMessage message, long offset) {
        return new InboxDelivery(message.getRecipient(), message.getMessageId(), message.getCaseId(), message.getSender(),
                codec.encode(TOPIC, message), TOPIC, 0, offset);
    }

    private static HubMessage message(String caseId) {
        return HubMessages.referral().caseId(caseId).build();
    }

    @Test
    void openedCaseIsSharedByItsTeamAndNavOfficeInEitherOrder() {
        caseParties.record(List.of(new CaseOpening("c-1", TestPartners.TEAM, TestPartners.NAV_OFFICE, "m-1")), NOW);

        assertThat(caseParties.areParties("c-1", TestPartners.NAV_OFFICE, TestPartners.TEAM)).isTrue();
    }

    @Test
    void caseIsNotSharedWithAnotherNavOffice() {
        caseParties.record(List.of(new CaseOpening("c-1", TestPartners.TEAM, TestPartners.NAV_OFFICE, "m-1")), NOW);

        assertThat(caseParties.areParties("c-1", TestPartners.TEAM, TestPartners.OTHER_NAV_OFFICE)).isFalse();
    }

    @Test
    void caseOpenedTwiceIsRecordedOnce() {
        CaseOpening opening = new CaseOpening("c-1", TestPartners.TEAM, TestPartners.NAV_OFFICE, "m-1");
        caseParties.record(List.of(opening), NOW);
        caseParties.record(List.of(opening), NOW);

        assertThat(caseParties.find(List.of("c-1")).get("c-1")).containsExactly(opening);
    }

    @Test
    void processedMessageIsKnownWithItsSender() {
        processed.record(List.of(new ProcessedMessage("m-1", TestPartners.TEAM, "c-1", TOPIC)), NOW);

        assertThat(processed.sendersOf(List.of("m-1", "m-2"))).containsExactly(java.util.Map.entry("m-1", TestPartners.TEAM));
    }

    @Test
    void processedMessageRecordedTwiceKeepsItsFirstSender() {
        processed.record(List.of(new ProcessedMessage("m-1", TestPartners.TEAM, "c-1", TOPIC)), NOW);
        processed.record(List.of(new ProcessedMessage("m-1", TestPartners.OTHER_TEAM, "c-1", TOPIC)), NOW);

        assertThat(processed.sendersOf(List.of("m-1"))).containsEntry("m-1", TestPartners.TEAM);
    }

    @Test
    void idsRecordedBeforeTheRetentionCutoffArePurgedAndNewerKept() {
        processed.record(List.of(new ProcessedMessage("old", TestPartners.TEAM, "c-1", TOPIC)), NOW.minusSeconds(3600));
        processed.record(List.of(new ProcessedMessage("new", TestPartners.TEAM, "c-1", TOPIC)), NOW);

        processed.purgeRecordedBefore(NOW.minusSeconds(60));

        assertThat(processed.sendersOf(List.of("old", "new"))).containsOnlyKeys("new");
    }

    @Test
    void newDeliveryIsStoredAndToBePublished() {
        InboxDelivery d = delivery(message("c-1"), 0);

        assertThat(inboxStore.store(List.of(d), NOW)).containsExactly(d);
    }

    @Test
    void sameMessageFromAnotherCanonicalRecordIsNeitherStoredNorPublishedAgain() {
        HubMessage m = message("c-1");
        inboxStore.store(List.of(delivery(m, 0)), NOW);

        assertThat(inboxStore.store(List.of(delivery(m, 7)), NOW)).isEmpty();
    }

    /* A crash after the inbox row was committed but before the inbox topic acknowledged: the canonical record
       is read again, and the message must still go to the inbox topic. */
    @Test
    void sameCanonicalRecordReadAgainIsPublishedAgainButStoredOnce() {
        HubMessage m = message("c-1");
        inboxStore.store(List.of(delivery(m, 3)), NOW);

        assertThat(inboxStore.store(List.of(delivery(m, 3)), NOW)).hasSize(1);
        assertThat(inboxReader.read(m.getRecipient(), 0, 10).items()).hasSize(1);
    }

    @Test
    void inboxReturnsTheMessageAsItWasDelivered() {
        HubMessage m = message("c-1");
        inboxStore.store(List.of(delivery(m, 0)), NOW);

        assertThat(inboxReader.read(m.getRecipient(), 0, 10).items()).extracting(InboxItem::message).containsExactly(m);
    }

    @Test
    void inboxPagesResumeAfterTheCursorInDeliveryOrder() {
        List<HubMessage> messages = IntStream.range(0, 5).mapToObj(i -> message("c-" + i)).toList();
        inboxStore.store(IntStream.range(0, 5).mapToObj(i -> delivery(messages.get(i), i)).toList(), NOW);

        InboxPage first = inboxReader.read(TestPartners.NAV_OFFICE, 0, 2);
        InboxPage second = inboxReader.read(TestPartners.NAV_OFFICE, first.nextCursor(), 10);

        assertThat(second.items()).extracting(i -> i.message().getCaseId()).containsExactly("c-2", "c-3", "c-4");
    }

    @Test
    void emptyPageKeepsTheCursor() {
        assertThat(inboxReader.read(TestPartners.NAV_OFFICE, 41, 10).nextCursor()).isEqualTo(41);
    }

    @Test
    void partnerDoesNotSeeAnotherPartnersInbox() {
        inboxStore.store(List.of(delivery(message("c-1"), 0)), NOW);

        assertThat(inboxReader.read(TestPartners.OTHER_NAV_OFFICE, 0, 10).items()).isEmpty();
    }

    @Test
    void pageSizeIsCappedAtTheMaximum() {
        List<InboxDelivery> many = IntStream.range(0, InboxReader.MAX_LIMIT + 5)
                .mapToObj(i -> delivery(message("c-" + i), i)).toList();
        inboxStore.store(many, NOW);

        assertThat(inboxReader.read(TestPartners.NAV_OFFICE, 0, 10_000).items()).hasSize(InboxReader.MAX_LIMIT);
    }
}
