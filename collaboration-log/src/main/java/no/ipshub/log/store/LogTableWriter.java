package no.ipshub.log.store;

import static no.ipshub.log.store.InLists.inChunks;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.ipshub.log.consent.CaseState;
import no.ipshub.log.consent.CaseStatus;
import no.ipshub.log.consent.ConsentRecord;
import no.ipshub.log.mapping.EventDraft;
import no.ipshub.schemas.v1.CollaborationLogEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The statements of the write path, each a fixed number per batch whatever its size (multi-row inserts, JDBC
 * batches, {@code IN} lists); they run in the caller's transaction.
 */
final class LogTableWriter {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    LogTableWriter(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Deletes every entry of the participants and marks their cases withdrawn.
     *
     * @return the ids of the deleted entries, by participant
     */
    Map<String, List<String>> withdraw(Collection<String> participants) {
        Map<String, List<String>> stored = new HashMap<>();
        inChunks(participants, (marks, args) -> jdbc.query("SELECT participant_key, entry_id FROM log_entry "
                + "WHERE participant_key IN (" + marks + ")", (RowCallbackHandler) rs -> stored.computeIfAbsent(
                        rs.getString("participant_key"), k -> new ArrayList<>()).add(rs.getString("entry_id")), args));
        inChunks(participants, (marks, args) -> jdbc.update("DELETE FROM log_entry WHERE participant_key IN (" + marks
                + ")", args));
        OffsetDateTime now = now();
        inChunks(participants, (marks, args) -> {
            Object[] all = new Object[args.length + 2];
            all[0] = CaseStatus.WITHDRAWN.name();
            all[1] = now;
            System.arraycopy(args, 0, all, 2, args.length);
            jdbc.update("UPDATE log_case SET status = ?, team = NULL, nav_office = NULL, referral_date = NULL, "
                    + "job_specialist_key = NULL, updated_at = ? WHERE participant_key IN (" + marks + ")", all);
        });
        return stored;
    }

    /**
     * Writes each participant's consent record as it stands at the end of the batch: a record the batch found stored
     * is updated; a new one is inserted, and updated only when its insert statement found some record already stored
     * (another instance wrote it meanwhile), as for cases.
     */
    void saveConsentRecords(Map<String, ConsentRecord> records, Set<String> storedRecords) {
        if (records.isEmpty()) {
            return;
        }
        OffsetDateTime now = now();
        List<Map.Entry<String, ConsentRecord>> fresh = new ArrayList<>();
        List<Map.Entry<String, ConsentRecord>> update = new ArrayList<>();
        for (Map.Entry<String, ConsentRecord> row : records.entrySet()) {
            (storedRecords.contains(row.getKey()) ? update : fresh).add(row);
        }
        update.addAll(new MultiRowInsert<Map.Entry<String, ConsentRecord>>("INSERT INTO log_withdrawn_participant "
                + "(participant_key, reason, effective_on, recorded_at, consented_again_on)", 5, "ON CONFLICT DO NOTHING",
                (ps, row, first) -> {
                    ps.setString(first, row.getKey());
                    ps.setString(first + 1, row.getValue().reason().name());
                    LogRows.setDate(ps, first + 2, row.getValue().withdrawnOn());
                    ps.setObject(first + 3, now);
                    LogRows.setDate(ps, first + 4, row.getValue().consentedAgainOn());
                }).insert(jdbc, fresh));
        if (update.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("UPDATE log_withdrawn_participant SET reason = ?, effective_on = ?, recorded_at = ?, "
                + "consented_again_on = ? WHERE participant_key = ?", update, update.size(), (ps, row) -> {
                    ps.setString(1, row.getValue().reason().name());
                    LogRows.setDate(ps, 2, row.getValue().withdrawnOn());
                    ps.setObject(3, now);
                    LogRows.setDate(ps, 4, row.getValue().consentedAgainOn());
                    ps.setString(5, row.getKey());
                });
    }

    /**
     * Stores the batch's new and changed cases: a case the batch found stored is updated; a new one is inserted, and
     * updated only when its insert statement found some case already stored (another instance wrote it meanwhile,
     * after a rebalance), so a new case costs one row of a multi-row insert instead of an insert and an update.
     */
    void upsertCases(List<CaseState> cases, Set<String> knownCases) {
        if (cases.isEmpty()) {
            return;
        }
        OffsetDateTime now = now();
        List<CaseState> fresh = new ArrayList<>();
        List<CaseState> update = new ArrayList<>();
        for (CaseState c : cases) {
            (knownCases.contains(c.caseKey()) ? update : fresh).add(c);
        }
        update.addAll(new MultiRowInsert<CaseState>("INSERT INTO log_case (" + LogRows.CASE_COLUMNS + ", updated_at)",
                8, "ON CONFLICT DO NOTHING", (ps, c, first) -> LogRows.setCase(ps, c, now, first)).insert(jdbc, fresh));
        if (update.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("UPDATE log_case SET participant_key = ?, status = ?, team = ?, nav_office = ?, referral_date = ?, "
                + "job_specialist_key = ?, updated_at = ? WHERE case_key = ?", update, update.size(), (ps, c) -> {
                    ps.setString(1, c.participantKey());
                    ps.setString(2, c.status().name());
                    ps.setString(3, c.team());
                    ps.setString(4, c.navOffice());
                    LogRows.setDate(ps, 5, c.referralDate());
                    ps.setString(6, c.jobSpecialistKey());
                    ps.setObject(7, now);
                    ps.setString(8, c.caseKey());
                });
    }

    /** Inserts entries with one JDBC batch of multi-row statements; entries already stored are left as they are. */
    void insertEntries(List<CollaborationLogEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        OffsetDateTime now = now();
        new MultiRowInsert<CollaborationLogEntry>("INSERT INTO log_entry (" + LogRows.ENTRY_COLUMNS + ", stored_at)",
                LogRows.STORED_AT, // stored_at is the last of the row's parameters
                "ON CONFLICT DO NOTHING", (ps, e, first) -> {
                    LogRows.setEntry(ps, e, first);
                    ps.setObject(first + LogRows.STORED_AT - 1, now);
                }).insert(jdbc, entries);
    }

    /** Parks events whose case is not known yet. */
    void park(List<EventDraft> drafts) {
        if (drafts.isEmpty()) {
            return;
        }
        OffsetDateTime now = now();
        new MultiRowInsert<EventDraft>("INSERT INTO log_pending_event (" + LogRows.PENDING_COLUMNS + ", parked_at)",
                LogRows.PARKED_AT, "ON CONFLICT DO NOTHING", (ps, d, first) -> {
                    LogRows.setPending(ps, d, first);
                    ps.setObject(first + LogRows.PARKED_AT - 1, now);
                }).insert(jdbc, drafts);
    }

    /** Deletes the events parked for these cases, which the batch logged or dropped. */
    void settle(Set<String> caseKeys) {
        inChunks(caseKeys, (marks, args) -> jdbc.update("DELETE FROM log_pending_event WHERE case_key IN (" + marks + ")",
                args));
    }

    /** Deletes the events parked before {@code before}; returns how many. */
    int dropParkedBefore(Instant before) {
        return jdbc.update("DELETE FROM log_pending_event WHERE parked_at < ?",
                OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
