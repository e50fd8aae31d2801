package no.ipshub.log.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.ipshub.log.audit.AuditTrail;
import no.ipshub.log.mapping.CollaborationLogMapper;
import no.ipshub.log.mapping.LogEvent;
import no.ipshub.log.pseudonym.Pseudonymiser;
import no.ipshub.log.support.LogFixtures;
import no.ipshub.log.support.SyntheticPeople;
import no.ipshub.log.support.TestDatabase;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.v1.CollaborationLogEntry;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.HubMessage;
import no.ipshub.schemas.v1.OutcomeKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the collaboration log's store must do on every database it runs on; the H2 and PostgreSQL ITs run it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CollaborationLogStoreContract {

    protected TestDatabase database;
    protected JdbcTemplate jdbc;
    protected AuditTrail audit;
    protected CollaborationLogStore store;
    protected CollaborationLogEntries entries;
    protected final CollaborationLogMapper mapper = LogFixtures.mapper();
    protected final Pseudonymiser pseudonyms = LogFixtures.pseudonymiser();

    protected void open(TestDatabase database) {
        this.database = database;
        this.jdbc = new JdbcTemplate(database.dataSource());
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
        this.audit = new AuditTrail(jdbc, tx, Clock.systemUTC());
        this.store = new CollaborationLogStore(jdbc, tx, LogFixtures.PROJECT, audit, Clock.systemUTC(), Duration.ofDays(30));
        this.entries = new CollaborationLogEntries(jdbc, LogFixtures.PROJECT);
    }

    @AfterAll
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    protected List<LogEvent> events(HubMessage... messages) {
        return Arrays.stream(messages).map(mapper::map).toList();
    }

    protected static HubMessage[] aCase(String caseId, String person) {
        return new HubMessage[] {
            HubMessages.referral().caseId(caseId).referral(r -> r.setParticipantNationalId(person)).build(),
            HubMessages.followUp(FollowUpKind.REFERRAL_ACCEPTED).caseId(caseId).build(),
            HubMessages.outcome(OutcomeKind.JOB_STARTED).caseId(caseId).build()};
    }

    private String participant(String person) {
        return pseudonyms.participantKey(person);
    }

    @Test
    void entriesAreStoredWithEveryFieldIntact() {
        String person = SyntheticPeople.next();
        BatchOutcome outcome = store.write(events(aCase("case-" + UUID.randomUUID(), person)), o -> { });

        List<CollaborationLogEntry> stored = entries.find(EntryQuery.all(), 0, 100_000).stream()
                .filter(e -> e.getParticipantKey().equals(participant(person))).toList();
        assertThat(stored).containsExactlyInAnyOrderElementsOf(outcome.entries());
    }

    @Test
    void replayedBatchChangesNothing() {
        String person = SyntheticPeople.next();
        List<LogEvent> batch = events(aCase("case-" + UUID.randomUUID(), person));
        store.write(batch, o -> { });

        BatchOutcome replay = store.write(batch, o -> { });

        assertThat(List.of(entries.countOfParticipant(participant(person)), (long) replay.entries().size())).containsExactly(3L, 3L);
    }

    @Test
    void failedPublicationRollsTheWholeBatchBack() {
        String person = SyntheticPeople.next();

        assertThatThrownBy(() -> store.write(events(aCase("case-" + UUID.randomUUID(), person)), o -> {
            throw new IllegalStateException("broker away");
        })).hasMessage("broker away");
        assertThat(entries.countOfParticipant(participant(person))).isZero();
    }

    @Test
    void withdrawalDeletesTheParticipantsEntriesAndNamesThemForTombstones() {
        String person = SyntheticPeople.next();
        String caseId = "case-" + UUID.randomUUID();
        BatchOutcome first = store.write(events(aCase(caseId, person)), o -> { });

        BatchOutcome withdrawal = store.write(events(HubMessages.followUp(FollowUpKind.CONSENT_WITHDRAWN).caseId(caseId).build()),
                o -> { });

        assertThat(withdrawal.tombstones()).containsExactlyInAnyOrderElementsOf(
                first.entries().stream().map(CollaborationLogEntry::getEntryId).toList());
        assertThat(entries.countOfParticipant(participant(person))).isZero();
    }

    @Test
    void withdrawnParticipantStaysOutAcrossBatches() {
        String person = SyntheticPeople.next();
        String caseId = "case-" + UUID.randomUUID();
        store.write(events(aCase(caseId, person)), o -> { });
        store.write(events(HubMessages.followUp(FollowUpKind.CONSENT_WITHDRAWN).caseId(caseId).build()), o -> { });

        store.write(events(aCase("case-" + UUID.randomUUID(), person)), o -> { });

        assertThat(entries.countOfParticipant(participant(person))).isZero();
    }

    @Test
    void withdrawalIsAuditedInTheSameTransaction() {
        String person = SyntheticPeople.next();
        String caseId = "case-" + UUID.randomUUID();
        store.write(events(aCase(caseId, person)), o -> { });

        store.write(events(HubMessages.followUp(FollowUpKind.CONSENT_WITHDRAWN).caseId(caseId).build()), o -> { });

        assertThat(audit.list(0, 100_000)).filteredOn(r -> r.query().contains(participant(person)))
                .extracting(r -> r.action() + ":" + r.rowCount()).containsExactly("CONSENT_WITHDRAWN:3");
    }

    private static HubMessage consentGiven(String caseId, LocalDate day) {
        return HubMessages.followUp(FollowUpKind.CONSENT_GIVEN).caseId(caseId).schemaVersion(2)
                .followUp(f -> f.setDate(day)).build();
    }

    private static HubMessage contact(String caseId, LocalDate day) {
        return HubMessages.followUp(FollowUpKind.EMPLOYER_CONTACT).caseId(caseId).followUp(f -> f.setDate(day)).build();
    }

    @Test
    void consentGivenAgainLogsWhatComesAfterWhileTheOldEntriesStayDeleted() {
        String person = SyntheticPeople.next();
        String caseId = "case-" + UUID.randomUUID();
        BatchOutcome first = store.write(events(aCase(caseId, person)), o -> { });
        store.write(events(HubMessages.followUp(FollowUpKind.CONSENT_WITHDRAWN).caseId(caseId).build()), o -> { });

        store.write(events(consentGiven(caseId, HubMessages.FOLLOW_UP_DATE.plusDays(5)),
                contact(caseId, HubMessages.FOLLOW_UP_DATE.plusDays(6))), o -> { });

        List<String> stored = entries.find(EntryQuery.all(), 0, 100_000).stream()
                .filter(e -> e.getParticipantKey().equals(participant(person))).map(CollaborationLogEntry::getEntryId).toList();
        assertThat(stored).hasSize(2).doesNotContainAnyElementsOf(
                first.entries().stream().map(CollaborationLogEntry::getEntryId).toList());
    }

    @Test
    void consentGivenAgainIsAuditedAfterTheWithdrawal() {
        String person = SyntheticPeople.next();
        String caseId = "case-" + UUID.randomUUID();
        store.write(events(aCase(caseId, person)), o -> { });
        store.write(events(HubMessages.followUp(FollowUpKind.CONSENT_WITHDRAWN).caseId(caseId).build()), o -> { });

        store.write(events(consentGiven(caseId, HubMessages.FOLLOW_UP_DATE.plusDays(5))), o -> { });

        assertThat(audit.list(0, 100_000)).filteredOn(r -> r.query().contains(participant(person)))
                .extracting(r -> r.action() + ":" + r.rowCount()).containsExactly("CONSENT_WITHDRAWN:3", "CONSENT_GIVEN_AGAIN:0");
    }

    @Test
    void replayedMessagesFromBeforeTheWithdrawalStayOutAfterConsentGivenAgain() {
        String person = SyntheticPeople.next();
        String caseId = "case-" + UUID.randomUUID();
        List<LogEvent> before = events(aCase(caseId, person));
        store.write(before, o -> { });
        store.write(events(HubMessages.followUp(FollowUpKind.CONSENT_WITHDRAWN).caseId(caseId)
                .followUp(f -> f.setDate(HubMessages.OUTCOME_DATE)).build()), o -> { });
        store.write(events(consentGiven(caseId, HubMessages.OUTCOME_DATE.plusDays(1))), o -> { });

        store.write(before, o -> { });

        assertThat(entries.countOfParticipant(participant(person))).isEqualTo(1);
    }

    @Test
    void withdrawalAfterConsentGivenAgainNamesTheNewEntriesForTombstones() {
        String person = SyntheticPeople.next();
        String caseId = "case-" + UUID.randomUUID();
        store.write(events(aCase(caseId, person)), o -> { });
        store.write(events(HubMessages.followUp(FollowUpKind.CONSENT_WITHDRAWN).caseId(caseId).build()), o -> { });
        BatchOutcome back = store.write(events(consentGiven(caseId, HubMessages.FOLLOW_UP_DATE.plusDays(5))), o -> { });

        BatchOutcome again = store.write(events(HubMessages.followUp(FollowUpKind.CONSENT_WITHDRAWN).caseId(caseId)
                .followUp(f -> f.setDate(HubMessages.FOLLOW_UP_DATE.plusDays(9))).build()), o -> { });

        assertThat(List.of(again.tombstones(), entries.countOfParticipant(participant(person)))).containsExactly(
                back.entries().stream().map(CollaborationLogEntry::getEntryId).toList(), 0L);
    }

    @Test
    void eventParkedInOneBatchIsLoggedWhenItsReferralComesInALaterOne() {
        String person = SyntheticPeople.next();
        HubMessage[] messages = aCase("case-" + UUID.randomUUID(), person);
        store.write(events(messages[1], messages[2]), o -> { });

        store.write(events(messages[0]), o -> { });

        assertThat(entries.countOfParticipant(participant(person))).isEqualTo(3);
    }

    @Test
    void batchOfManyCasesIsStoredIntactAndItsReplayWritesEachEntryOnce() {
        // 61 cases of three events: more rows than one multi-row statement takes, and a remainder
        List<LogEvent> batch = new ArrayList<>();
        List<String> participants = new ArrayList<>();
        for (int c = 0; c < 61; c++) {
            String person = SyntheticPeople.next();
            participants.add(participant(person));
            batch.addAll(events(aCase("case-" + UUID.randomUUID(), person)));
        }
        batch.add(batch.get(4));
        BatchOutcome first = store.write(batch, o -> { });

        BatchOutcome replay = store.write(batch, o -> { });

        List<CollaborationLogEntry> stored = entries.find(EntryQuery.all(), 0, 100_000).stream()
                .filter(e -> participants.contains(e.getParticipantKey())).toList();
        assertThat(first.entries()).hasSize(183);
        assertThat(stored).containsExactlyInAnyOrderElementsOf(first.entries());
        assertThat(replay.entries()).containsExactlyInAnyOrderElementsOf(first.entries());
    }

    private static HubMessage withdrawal(String caseId, LocalDate day) {
        return HubMessages.followUp(FollowUpKind.CONSENT_WITHDRAWN).caseId(caseId).followUp(f -> f.setDate(day)).build();
    }

    @Test
    void withdrawalsInsideOneBatchAreAppliedInTheirOrder() {
        String person = SyntheticPeople.next();
        String caseId = "case-" + UUID.randomUUID();
        BatchOutcome stored = store.write(events(aCase(caseId, person)), o -> { });
        String other = SyntheticPeople.next();
        String otherCase = "case-" + UUID.randomUUID();
        HubMessage[] others = aCase(otherCase, other);
        LocalDate day = HubMessages.FOLLOW_UP_DATE;

        BatchOutcome batch = store.write(events(
                contact(caseId, day.plusDays(1)),
                withdrawal(caseId, day.plusDays(2)),
                contact(caseId, day.plusDays(3)),
                others[0], others[1],
                withdrawal(otherCase, day.plusDays(2)),
                others[2],
                consentGiven(caseId, day.plusDays(5)),
                contact(caseId, day.plusDays(6)),
                withdrawal(caseId, day.plusDays(9))), o -> { });

        assertThat(List.of(entries.countOfParticipant(participant(person)), entries.countOfParticipant(participant(other))))
                .containsExactly(0L, 0L);
        assertThat(batch.entries()).isEmpty();
        // the three stored entries, then the five the batch made (the consent given again is one) before each withdrawal
        assertThat(batch.tombstones()).hasSize(8);
        assertThat(batch.tombstones().subList(0, 3)).containsExactlyInAnyOrderElementsOf(
                stored.entries().stream().map(CollaborationLogEntry::getEntryId).toList());
        assertThat(audit.list(0, 100_000)).filteredOn(r -> r.query().contains(participant(person)))
                .extracting(r -> r.action() + ":" + r.rowCount())
                .containsExactly("CONSENT_WITHDRAWN:3", "CONSENT_WITHDRAWN:0", "CONSENT_GIVEN_AGAIN:0");
        assertThat(audit.list(0, 100_000)).filteredOn(r -> r.query().contains(participant(other)))
                .extracting(r -> r.action() + ":" + r.rowCount()).containsExactly("CONSENT_WITHDRAWN:0");
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void auditChainStaysIntactUnderConcurrentAppends() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        audit.append("researcher-" + thread, "ENTRIES_READ", "GET /api/v1/research/entries?page=" + i, i);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void changedAuditRowIsFoundByVerification() {
        audit.append("researcher-a", "ENTRIES_EXPORTED", "GET /api/v1/research/exports/entries.csv", 10);
        long seq = audit.append("researcher-a", "ENTRIES_EXPORTED", "GET /api/v1/research/exports/entries.csv", 12).seq();
        jdbc.update("UPDATE research_audit SET actor = 'someone-else' WHERE seq = ?", seq);
        try {
            assertThat(audit.verify().brokenAtSeq()).isEqualTo(seq);
        } finally {
            jdbc.update("UPDATE research_audit SET actor = 'researcher-a' WHERE seq = ?", seq);
        }
    }
}
