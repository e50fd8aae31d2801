package no.ipshub.log.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import no.ipshub.log.audit.AuditTrail;
import no.ipshub.log.mapping.CollaborationLogMapper;
import no.ipshub.log.mapping.LogEvent;
import no.ipshub.log.support.LogFixtures;
import no.ipshub.log.support.SyntheticPeople;
import no.ipshub.log.support.TestDatabase;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.v1.CollaborationLogEntry;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.OutcomeKind;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/*
 * Throughput of the log into PostgreSQL, printed rather than asserted: 20,000 entries (4,000 cases of five
 * events) through the store's batch write in batches of 500 as the route hands them over (case and consent
 * look-ups, case upserts, entry insert, one transaction per batch), against a plain JDBC batch insert of the
 * same rows with the same statement and batch size into an empty schema. Mapping and pseudonymisation happen
 * before the clock starts, as does a warm-up of both paths.
 */
class LogThroughputIT {

    private static final Logger log = LoggerFactory.getLogger(LogThroughputIT.class);
    private static final int CASES = 4_000;
    private static final int BATCH = 500;

    @Test
    void logWritesIntoPostgresAtAMeasuredRate() {
        assumeTrue(TestDatabase.postgresReachable(),
                () -> "PostgreSQL is not reachable at " + TestDatabase.postgresDescription() + ": skipping the throughput run");
        List<LogEvent> events = events(CASES);
        List<LogEvent> warmUp = events(50);

        try (TestDatabase storeDb = TestDatabase.postgres(); TestDatabase plainDb = TestDatabase.postgres()) {
            JdbcTemplate jdbc = new JdbcTemplate(storeDb.dataSource());
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(storeDb.dataSource()));
            CollaborationLogStore store = new CollaborationLogStore(jdbc, tx, LogFixtures.PROJECT,
                    new AuditTrail(jdbc, tx, Clock.systemUTC()), Clock.systemUTC(), Duration.ofDays(30));
            List<CollaborationLogEntry> warmUpRows = store.write(warmUp, o -> { }).entries();

            List<CollaborationLogEntry> written = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < events.size(); i += BATCH) {
                written.addAll(store.write(events.subList(i, Math.min(events.size(), i + BATCH)), o -> { }).entries());
            }
            double storeSeconds = (System.nanoTime() - start) / 1e9;

            JdbcTemplate plain = new JdbcTemplate(plainDb.dataSource());
            TransactionTemplate plainTx = new TransactionTemplate(new DataSourceTransactionManager(plainDb.dataSource()));
            insertPlain(plain, plainTx, warmUpRows);
            start = System.nanoTime();
            for (int i = 0; i < written.size(); i += BATCH) {
                insertPlain(plain, plainTx, written.subList(i, Math.min(written.size(), i + BATCH)));
            }
            double plainSeconds = (System.nanoTime() - start) / 1e9;

            log.info("Collaboration log throughput into PostgreSQL ({}): store batch write {} entries in {} s = {} entries/s; "
                    + "plain JDBC batch insert {} rows in {} s = {} rows/s; store at {}% of plain",
                    TestDatabase.postgresDescription(), written.size(), round(storeSeconds), Math.round(written.size() / storeSeconds),
                    written.size(), round(plainSeconds), Math.round(written.size() / plainSeconds),
                    Math.round(100 * plainSeconds / storeSeconds));
            Long plainRows = plain.queryForObject("SELECT COUNT(*) FROM log_entry", Long.class);
            assertThat(List.of(new CollaborationLogEntries(jdbc, LogFixtures.PROJECT).count(EntryQuery.all()), plainRows)).containsExactly(CASES * 5L + 250, CASES * 5L + 250);
        }
    }

    private static void insertPlain(JdbcTemplate jdbc, TransactionTemplate tx, List<CollaborationLogEntry> rows) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        tx.executeWithoutResult(status -> jdbc.batchUpdate(LogRows.INSERT_ENTRY, rows, rows.size(), (ps, e) -> {
            LogRows.setEntry(ps, e);
            ps.setObject(LogRows.STORED_AT, now);
        }));
    }

    private static List<LogEvent> events(int cases) {
        CollaborationLogMapper mapper = LogFixtures.mapper();
        List<LogEvent> events = new ArrayList<>(cases * 5);
        for (int c = 0; c < cases; c++) {
            String caseId = "case-bench-" + c + "-" + System.nanoTime();
            String person = SyntheticPeople.next();
            events.add(mapper.map(HubMessages.referral().caseId(caseId).referral(r -> r.setParticipantNationalId(person)).build()));
            events.add(mapper.map(HubMessages.followUp(FollowUpKind.REFERRAL_ACCEPTED).caseId(caseId).build()));
            events.add(mapper.map(HubMessages.followUp(FollowUpKind.EMPLOYER_CONTACT).caseId(caseId).build()));
            events.add(mapper.map(HubMessages.followUp(FollowUpKind.NAV_COLLABORATION_MEETING).caseId(caseId).build()));
            events.add(mapper.map(HubMessages.outcome(OutcomeKind.JOB_STARTED).caseId(caseId).build()));
        }
        return events;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 100) / 100.0;
    }
}
