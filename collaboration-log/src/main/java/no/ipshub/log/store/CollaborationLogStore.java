package no.ipshub.log.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import no.ipshub.log.audit.AuditTrail;
import no.ipshub.log.consent.BatchPlan;
import no.ipshub.log.consent.BatchPlanner;
import no.ipshub.log.consent.CaseState;
import no.ipshub.log.consent.CaseStatus;
import no.ipshub.log.consent.ConsentGivenAgain;
import no.ipshub.log.consent.ConsentRecord;
import no.ipshub.log.consent.Withdrawal;
import no.ipshub.log.mapping.EventDraft;
import no.ipshub.log.mapping.LogEvent;
import no.ipshub.schemas.v1.ClosureReason;
import no.ipshub.schemas.v1.CollaborationEventKind;
import no.ipshub.schemas.v1.CollaborationLogEntry;
import no.ipshub.schemas.v1.JobEndReason;
import no.ipshub.schemas.v1.Sector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The collaboration log's database: entries, the pseudonymous case map, parked events and withdrawn
 * participants. A batch of events is written in one transaction, idempotent on entry id, so a replayed batch
 * changes nothing; consent withdrawals delete the participant's entries and are audited in the same
 * transaction.
 */
public class CollaborationLogStore {

    private static final Logger log = LoggerFactory.getLogger(CollaborationLogStore.class);
    /** Bound on the IN lists of look-ups, well below what any driver accepts. */
    private static final int IN_CHUNK = 500;
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);
    static final String ENTRY_COLUMNS = "entry_id, project, participant_key, case_key, event_kind, event_date, "
            + "referral_date, recorded_at, sender_sector, sender_organisation, recipient_sector, recipient_organisation, "
            + "team, nav_office, job_specialist_key, employer_organisation_number, styrk_code, hours_per_week, "
            + "hourly_wage, competitive, permanent, wage_subsidy, rejection_reason, previous_job_specialist_key, "
            + "nav_measure_code, measure_end_date, closure_reason, job_end_reason";
    static final String INSERT_ENTRY = "INSERT INTO log_entry (" + ENTRY_COLUMNS + ", stored_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT DO NOTHING";
    /** The parameter index of {@code stored_at} in {@link #INSERT_ENTRY}. */
    static final int STORED_AT = 29;
    private static final String PENDING_COLUMNS = "entry_id, case_key, event_kind, event_date, recorded_at, "
            + "sender_sector, sender_organisation, recipient_sector, recipient_organisation, employer_organisation_number, "
            + "styrk_code, hours_per_week, hourly_wage, competitive, permanent, wage_subsidy, rejection_reason, "
            + "job_specialist_key, nav_measure_code, measure_end_date, closure_reason, job_end_reason";
    private static final RowMapper<CollaborationLogEntry> ENTRIES = (rs, n) -> entry(rs);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration pendingRetention;
    private final String project;
    private volatile Instant nextPurge = Instant.MIN;

    public CollaborationLogStore(JdbcTemplate jdbc, TransactionTemplate transactions, String project, AuditTrail audit,
            Clock clock, Duration pendingRetention) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.project = project;
        this.audit = audit;
        this.clock = clock;
        this.pendingRetention = pendingRetention;
    }

    /**
     * Writes a batch in one transaction. {@code beforeCommit} runs inside it, after every statement succeeded:
     * the caller publishes the outcome to the log topic there, so a failed publication rolls the database back
     * and the batch is read again; a failed commit after publication only repeats idempotent records.
     */
    public BatchOutcome write(List<LogEvent> events, Consumer<BatchOutcome> beforeCommit) {
        return write(Map.of(project, events), outcomes -> outcomes.forEach(beforeCommit)).get(0);
    }

    /**
     * Writes a batch's events of several projects in one transaction, each project by its own consent rules;
     * {@code beforeCommit} gets every project's outcome inside it, as for {@link #write(List, Consumer)}.
     *
     * @param byProject each project's events, by project code, in the order they were consumed
     */
    public List<BatchOutcome> write(Map<String, List<LogEvent>> byProject, Consumer<List<BatchOutcome>> beforeCommit) {
        return transactions.execute(status -> {
            List<BatchOutcome> outcomes = new ArrayList<>();
            List<AuditTrail.Event> audits = new ArrayList<>();
            byProject.forEach((code, events) -> outcomes.add(writeProject(code, events, audits)));
            audit.appendAll(audits);
            purgeExpiredPending();
            beforeCommit.accept(List.copyOf(outcomes));
            return outcomes;
        });
    }

    /** Writes one project's part of the batch; its audit rows are added to {@code audits}, to be appended in order. */
    private BatchOutcome writeProject(String code, List<LogEvent> events, List<AuditTrail.Event> audits) {
        Set<String> knownCases = new HashSet<>();
        BatchPlan plan = plan(code, events, knownCases);
        List<String> tombstones = new ArrayList<>(applyWithdrawals(code, plan.withdrawals(), audits));
        tombstones.addAll(plan.retracted());
        saveConsentRecords(plan.consentRecords());
        auditComebacks(code, plan.consentsGivenAgain(), audits);
        upsertCases(plan.cases(), knownCases);
        insertEntries(plan.entries());
        park(plan.pendingToPark());
        settle(plan.pendingCasesResolved());
        return new BatchOutcome(code, plan, plan.entries(), List.copyOf(tombstones));
    }

    /** Plans the project's part of the batch over what the store knows; the keys of the stored cases go to {@code knownCases}. */
    private BatchPlan plan(String code, List<LogEvent> events, Set<String> knownCases) {
        Set<String> caseKeys = new LinkedHashSet<>();
        Set<String> participants = new HashSet<>();
        for (LogEvent e : events) {
            caseKeys.add(e.caseKey());
            if (e.isReferral()) {
                participants.add(e.opening().participantKey());
            }
        }
        Map<String, CaseState> known = loadCases(caseKeys);
        knownCases.addAll(known.keySet());
        known.values().forEach(c -> participants.add(c.participantKey()));
        Map<String, ConsentRecord> consent = loadConsentRecords(participants);
        Set<String> unknown = new LinkedHashSet<>(caseKeys);
        unknown.removeAll(known.keySet());
        return new BatchPlanner(code).plan(events, known, consent, loadParked(unknown));
    }

    /**
     * Deletes the entries of every participant who left the log in this batch and marks their cases withdrawn, with
     * one statement (or JDBC batch) for all of them. A participant who leaves twice in one batch: the first withdrawal
     * deletes (and audits) the stored entries, the second finds none, as one statement per withdrawal would.
     */
    private List<String> applyWithdrawals(String code, List<Withdrawal> withdrawals, List<AuditTrail.Event> audits) {
        if (withdrawals.isEmpty()) {
            return List.of();
        }
        Set<String> participants = new LinkedHashSet<>();
        withdrawals.forEach(w -> participants.add(w.participantKey()));
        Map<String, List<String>> stored = new HashMap<>();
        inChunks(participants, (marks, args) -> jdbc.query("SELECT participant_key, entry_id FROM log_entry "
                + "WHERE participant_key IN (" + marks + ")", (RowCallbackHandler) rs -> stored.computeIfAbsent(
                        rs.getString("participant_key"), k -> new ArrayList<>()).add(rs.getString("entry_id")), args));
        inChunks(participants, (marks, args) -> jdbc.update("DELETE FROM log_entry WHERE participant_key IN (" + marks
                + ")", args));
        OffsetDateTime now = now();
        List<String> keys = List.copyOf(participants);
        jdbc.batchUpdate("UPDATE log_case SET status = ?, team = NULL, nav_office = NULL, referral_date = NULL, "
                + "job_specialist_key = NULL, updated_at = ? WHERE participant_key = ?", keys, keys.size(), (ps, k) -> {
                    ps.setString(1, CaseStatus.WITHDRAWN.name());
                    ps.setObject(2, now);
                    ps.setString(3, k);
                });
        List<String> removed = new ArrayList<>();
        for (Withdrawal w : withdrawals) {
            List<String> ids = stored.remove(w.participantKey());
            ids = ids == null ? List.of() : ids;
            audits.add(new AuditTrail.Event(w.sender(), w.reason().name(),
                    "participant=" + w.participantKey() + "&case=" + w.caseKey() + "&effectiveOn=" + w.date()
                            + "&messageId=" + w.messageId(),
                    ids.size(), code));
            log.info("Route collaboration-log: message {} took a participant out of the log ({}), {} stored entries deleted",
                    w.messageId(), w.reason(), ids.size());
            removed.addAll(ids);
        }
        return removed;
    }

    /** Writes each participant's consent record as it stands at the end of the batch, one JDBC batch per statement. */
    private void saveConsentRecords(Map<String, ConsentRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        OffsetDateTime now = now();
        List<Map.Entry<String, ConsentRecord>> rows = List.copyOf(records.entrySet());
        jdbc.batchUpdate("INSERT INTO log_withdrawn_participant (participant_key, reason, effective_on, recorded_at, "
                + "consented_again_on) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", rows, rows.size(), (ps, row) -> {
                    ps.setString(1, row.getKey());
                    ps.setString(2, row.getValue().reason().name());
                    setDate(ps, 3, row.getValue().withdrawnOn());
                    ps.setObject(4, now);
                    setDate(ps, 5, row.getValue().consentedAgainOn());
                });
        jdbc.batchUpdate("UPDATE log_withdrawn_participant SET reason = ?, effective_on = ?, recorded_at = ?, "
                + "consented_again_on = ? WHERE participant_key = ?", rows, rows.size(), (ps, row) -> {
                    ps.setString(1, row.getValue().reason().name());
                    setDate(ps, 2, row.getValue().withdrawnOn());
                    ps.setObject(3, now);
                    setDate(ps, 4, row.getValue().consentedAgainOn());
                    ps.setString(5, row.getKey());
                });
    }

    private void auditComebacks(String code, List<ConsentGivenAgain> comebacks, List<AuditTrail.Event> audits) {
        for (ConsentGivenAgain c : comebacks) {
            audits.add(new AuditTrail.Event(c.sender(), "CONSENT_GIVEN_AGAIN", "participant=" + c.participantKey()
                    + "&case=" + c.caseKey() + "&effectiveOn=" + c.date() + "&via=" + c.via() + "&messageId="
                    + c.messageId(), 0, code));
            log.info("Route collaboration-log: message {} brought a participant back into the log from {} ({})",
                    c.messageId(), c.date(), c.via());
        }
    }

    /**
     * Stores the batch's new and changed cases: a case the batch found stored is updated; a new one is inserted, and
     * updated only when its insert statement found some case already stored (another instance wrote it meanwhile,
     * after a rebalance), so a new case costs one row of a multi-row insert instead of an insert and an update.
     */
    private void upsertCases(List<CaseState> cases, Set<String> knownCases) {
        if (cases.isEmpty()) {
            return;
        }
        OffsetDateTime now = now();
        List<CaseState> fresh = new ArrayList<>();
        List<CaseState> update = new ArrayList<>();
        for (CaseState c : cases) {
            (knownCases.contains(c.caseKey()) ? update : fresh).add(c);
        }
        update.addAll(new MultiRowInsert<CaseState>("INSERT INTO log_case (case_key, participant_key, status, team, "
                + "nav_office, referral_date, job_specialist_key, updated_at)", 8, "ON CONFLICT DO NOTHING",
                (ps, c, first) -> setCase(ps, c, now, first)).insert(jdbc, fresh));
        if (update.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("UPDATE log_case SET participant_key = ?, status = ?, team = ?, nav_office = ?, referral_date = ?, "
                + "job_specialist_key = ?, updated_at = ? WHERE case_key = ?", update, update.size(), (ps, c) -> {
                    ps.setString(1, c.participantKey());
                    ps.setString(2, c.status().name());
                    ps.setString(3, c.team());
                    ps.setString(4, c.navOffice());
                    setDate(ps, 5, c.referralDate());
                    ps.setString(6, c.jobSpecialistKey());
                    ps.setObject(7, now);
                    ps.setString(8, c.caseKey());
                });
    }

    private static void setCase(PreparedStatement ps, CaseState c, OffsetDateTime now, int at) throws SQLException {
        ps.setString(at, c.caseKey());
        ps.setString(at + 1, c.participantKey());
        ps.setString(at + 2, c.status().name());
        ps.setString(at + 3, c.team());
        ps.setString(at + 4, c.navOffice());
        setDate(ps, at + 5, c.referralDate());
        ps.setString(at + 6, c.jobSpecialistKey());
        ps.setObject(at + 7, now);
    }

    /** Inserts entries with one JDBC batch of multi-row statements; entries already stored are left as they are. */
    void insertEntries(List<CollaborationLogEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        OffsetDateTime now = now();
        new MultiRowInsert<CollaborationLogEntry>("INSERT INTO log_entry (" + ENTRY_COLUMNS + ", stored_at)",
                STORED_AT, // stored_at is the last of the row's parameters
                "ON CONFLICT DO NOTHING", (ps, e, first) -> {
                    setEntry(ps, e, first);
                    ps.setObject(first + STORED_AT - 1, now);
                }).insert(jdbc, entries);
    }

    static void setEntry(PreparedStatement ps, CollaborationLogEntry e) throws SQLException {
        setEntry(ps, e, 1);
    }

    /** Sets the entry's columns of {@link #ENTRY_COLUMNS}, the first at parameter {@code first}. */
    static void setEntry(PreparedStatement ps, CollaborationLogEntry e, int first) throws SQLException {
        int at = first - 1;
        ps.setString(at + 1, e.getEntryId());
        ps.setString(at + 2, e.getProject());
        ps.setString(at + 3, e.getParticipantKey());
        ps.setString(at + 4, e.getCaseKey());
        ps.setString(at + 5, e.getEventKind().name());
        setDate(ps, at + 6, e.getEventDate());
        setDate(ps, at + 7, e.getReferralDate());
        ps.setObject(at + 8, OffsetDateTime.ofInstant(e.getRecordedAt(), ZoneOffset.UTC));
        ps.setString(at + 9, e.getSenderSector().name());
        ps.setString(at + 10, e.getSenderOrganisation());
        ps.setString(at + 11, e.getRecipientSector().name());
        ps.setString(at + 12, e.getRecipientOrganisation());
        ps.setString(at + 13, e.getTeam());
        ps.setString(at + 14, e.getNavOffice());
        ps.setString(at + 15, e.getJobSpecialistKey());
        ps.setString(at + 16, e.getEmployerOrganisationNumber());
        ps.setString(at + 17, e.getStyrkCode());
        setDouble(ps, at + 18, e.getHoursPerWeek());
        ps.setBigDecimal(at + 19, e.getHourlyWage());
        setBoolean(ps, at + 20, e.getCompetitive());
        setBoolean(ps, at + 21, e.getPermanent());
        setBoolean(ps, at + 22, e.getWageSubsidy());
        ps.setString(at + 23, e.getRejectionReason());
        ps.setString(at + 24, e.getPreviousJobSpecialistKey());
        ps.setString(at + 25, e.getNavMeasureCode());
        setDate(ps, at + 26, e.getMeasureEndDate());
        ps.setString(at + 27, e.getClosureReason() == null ? null : e.getClosureReason().name());
        ps.setString(at + 28, e.getJobEndReason() == null ? null : e.getJobEndReason().name());
    }

    private void park(List<EventDraft> drafts) {
        if (drafts.isEmpty()) {
            return;
        }
        OffsetDateTime now = now();
        new MultiRowInsert<EventDraft>("INSERT INTO log_pending_event (" + PENDING_COLUMNS + ", parked_at)", 23,
                "ON CONFLICT DO NOTHING", (ps, d, first) -> {
                    int at = first - 1;
                    ps.setString(at + 1, d.entryId());
                    ps.setString(at + 2, d.caseKey());
                    ps.setString(at + 3, d.kind().name());
                    setDate(ps, at + 4, d.eventDate());
                    ps.setObject(at + 5, OffsetDateTime.ofInstant(d.recordedAt(), ZoneOffset.UTC));
                    ps.setString(at + 6, d.senderSector().name());
                    ps.setString(at + 7, d.senderOrganisation());
                    ps.setString(at + 8, d.recipientSector().name());
                    ps.setString(at + 9, d.recipientOrganisation());
                    ps.setString(at + 10, d.employerOrganisationNumber());
                    ps.setString(at + 11, d.styrkCode());
                    setDouble(ps, at + 12, d.hoursPerWeek());
                    ps.setBigDecimal(at + 13, d.hourlyWage());
                    setBoolean(ps, at + 14, d.competitive());
                    setBoolean(ps, at + 15, d.permanent());
                    setBoolean(ps, at + 16, d.wageSubsidy());
                    ps.setString(at + 17, d.rejectionReason());
                    ps.setString(at + 18, d.jobSpecialistKey());
                    ps.setString(at + 19, d.navMeasureCode());
                    setDate(ps, at + 20, d.measureEndDate());
                    ps.setString(at + 21, d.closureReason() == null ? null : d.closureReason().name());
                    ps.setString(at + 22, d.jobEndReason() == null ? null : d.jobEndReason().name());
                    ps.setObject(at + 23, now);
                }).insert(jdbc, drafts);
    }

    private void settle(Set<String> caseKeys) {
        if (!caseKeys.isEmpty()) {
            List<String> keys = List.copyOf(caseKeys);
            jdbc.batchUpdate("DELETE FROM log_pending_event WHERE case_key = ?", keys, keys.size(),
                    (ps, k) -> ps.setString(1, k));
        }
    }

    private void purgeExpiredPending() {
        Instant now = clock.instant();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(PURGE_INTERVAL);
        int purged = jdbc.update("DELETE FROM log_pending_event WHERE parked_at < ?",
                OffsetDateTime.ofInstant(now.minus(pendingRetention), ZoneOffset.UTC));
        if (purged > 0) {
            log.warn("Route collaboration-log: {} events waited longer than {} for their referral and were dropped",
                    purged, pendingRetention);
        }
    }

    private Map<String, CaseState> loadCases(Collection<String> caseKeys) {
        Map<String, CaseState> cases = new HashMap<>();
        inChunks(caseKeys, (marks, args) -> jdbc.query("SELECT case_key, participant_key, status, team, nav_office, "
                + "referral_date, job_specialist_key FROM log_case WHERE case_key IN (" + marks + ")",
                (RowCallbackHandler) rs -> cases.put(rs.getString("case_key"), new CaseState(
                        rs.getString("case_key"),
                        rs.getString("participant_key"),
                        CaseStatus.valueOf(rs.getString("status")),
                        rs.getString("team"),
                        rs.getString("nav_office"),
                        rs.getObject("referral_date", LocalDate.class),
                        rs.getString("job_specialist_key"))), args));
        return cases;
    }

    private Map<String, ConsentRecord> loadConsentRecords(Collection<String> participants) {
        Map<String, ConsentRecord> records = new HashMap<>();
        inChunks(participants, (marks, args) -> jdbc.query("SELECT participant_key, reason, effective_on, consented_again_on "
                + "FROM log_withdrawn_participant WHERE participant_key IN (" + marks + ")",
                (RowCallbackHandler) rs -> records.put(rs.getString("participant_key"), new ConsentRecord(
                        Withdrawal.Reason.valueOf(rs.getString("reason")),
                        rs.getObject("effective_on", LocalDate.class),
                        rs.getObject("consented_again_on", LocalDate.class))), args));
        return records;
    }

    private Map<String, List<EventDraft>> loadParked(Collection<String> caseKeys) {
        Map<String, List<EventDraft>> parked = new HashMap<>();
        inChunks(caseKeys, (marks, args) -> jdbc.query("SELECT " + PENDING_COLUMNS
                + " FROM log_pending_event WHERE case_key IN (" + marks + ")", (RowCallbackHandler) rs -> {
                    EventDraft d = new EventDraft(
                            rs.getString("entry_id"),
                            rs.getString("case_key"),
                            CollaborationEventKind.valueOf(rs.getString("event_kind")),
                            rs.getObject("event_date", LocalDate.class),
                            rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                            Sector.valueOf(rs.getString("sender_sector")),
                            rs.getString("sender_organisation"),
                            Sector.valueOf(rs.getString("recipient_sector")),
                            rs.getString("recipient_organisation"),
                            rs.getString("employer_organisation_number"),
                            rs.getString("styrk_code"),
                            nullableDouble(rs, "hours_per_week"),
                            rs.getBigDecimal("hourly_wage"),
                            nullableBoolean(rs, "competitive"),
                            nullableBoolean(rs, "permanent"),
                            nullableBoolean(rs, "wage_subsidy"),
                            rs.getString("rejection_reason"),
                            rs.getString("job_specialist_key"),
                            rs.getString("nav_measure_code"),
                            rs.getObject("measure_end_date", LocalDate.class),
                            closureReason(rs.getString("closure_reason")),
                            jobEndReason(rs.getString("job_end_reason")));
                    parked.computeIfAbsent(d.caseKey(), k -> new ArrayList<>()).add(d);
                }, args));
        return parked;
    }

    /** One page of the default project's entries, ordered by event date and entry id. */
    public List<CollaborationLogEntry> find(EntryQuery query, int offset, int limit) {
        return find(project, query, offset, limit);
    }

    /** One page of the project's entries, ordered by event date and entry id. */
    public List<CollaborationLogEntry> find(String project, EntryQuery query, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        args.add(project);
        String where = query.where(args);
        args.add(limit);
        args.add(offset);
        return jdbc.query("SELECT " + ENTRY_COLUMNS + " FROM log_entry" + where
                + " ORDER BY event_date, entry_id LIMIT ? OFFSET ?", ENTRIES, args.toArray());
    }

    /** How many of the default project's entries match. */
    public long count(EntryQuery query) {
        return count(project, query);
    }

    /** How many of the project's entries match. */
    public long count(String project, EntryQuery query) {
        List<Object> args = new ArrayList<>();
        args.add(project);
        String where = query.where(args);
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM log_entry" + where, Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    /** Hands every matching entry to {@code sink}, ordered by event date and entry id, without holding them all. */
    public void stream(EntryQuery query, Consumer<CollaborationLogEntry> sink) {
        stream(project, query, sink);
    }

    /** Hands every matching entry of the project to {@code sink}, ordered by event date and entry id. */
    public void stream(String project, EntryQuery query, Consumer<CollaborationLogEntry> sink) {
        List<Object> args = new ArrayList<>();
        args.add(project);
        String where = query.where(args);
        jdbc.query("SELECT " + ENTRY_COLUMNS + " FROM log_entry" + where + " ORDER BY event_date, entry_id",
                (RowCallbackHandler) rs -> sink.accept(entry(rs)), args.toArray());
    }

    /** Every entry of the project with an event on or before {@code to}: what the indicators are computed from. */
    public List<CollaborationLogEntry> upTo(LocalDate to) {
        return upTo(project, to);
    }

    /** Every entry of the project with an event on or before {@code to}. */
    public List<CollaborationLogEntry> upTo(String project, LocalDate to) {
        return jdbc.query("SELECT " + ENTRY_COLUMNS + " FROM log_entry WHERE project = ? AND event_date <= ?",
                ENTRIES, project, to);
    }

    /** How many entries of the participant are stored (zero once they withdrew). */
    public long countOfParticipant(String participantKey) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM log_entry WHERE participant_key = ?", Long.class, participantKey);
        return n == null ? 0 : n;
    }

    private static CollaborationLogEntry entry(ResultSet rs) throws SQLException {
        return CollaborationLogEntry.newBuilder()
                .setEntryId(rs.getString("entry_id"))
                .setProject(rs.getString("project"))
                .setParticipantKey(rs.getString("participant_key"))
                .setCaseKey(rs.getString("case_key"))
                .setEventKind(CollaborationEventKind.valueOf(rs.getString("event_kind")))
                .setEventDate(rs.getObject("event_date", LocalDate.class))
                .setReferralDate(rs.getObject("referral_date", LocalDate.class))
                .setRecordedAt(rs.getObject("recorded_at", OffsetDateTime.class).toInstant())
                .setSenderSector(Sector.valueOf(rs.getString("sender_sector")))
                .setSenderOrganisation(rs.getString("sender_organisation"))
                .setRecipientSector(Sector.valueOf(rs.getString("recipient_sector")))
                .setRecipientOrganisation(rs.getString("recipient_organisation"))
                .setTeam(rs.getString("team"))
                .setNavOffice(rs.getString("nav_office"))
                .setJobSpecialistKey(rs.getString("job_specialist_key"))
                .setEmployerOrganisationNumber(rs.getString("employer_organisation_number"))
                .setStyrkCode(rs.getString("styrk_code"))
                .setHoursPerWeek(nullableDouble(rs, "hours_per_week"))
                .setHourlyWage(scaled(rs.getBigDecimal("hourly_wage")))
                .setCompetitive(nullableBoolean(rs, "competitive"))
                .setPermanent(nullableBoolean(rs, "permanent"))
                .setWageSubsidy(nullableBoolean(rs, "wage_subsidy"))
                .setRejectionReason(rs.getString("rejection_reason"))
                .setPreviousJobSpecialistKey(rs.getString("previous_job_specialist_key"))
                .setNavMeasureCode(rs.getString("nav_measure_code"))
                .setMeasureEndDate(rs.getObject("measure_end_date", LocalDate.class))
                .setClosureReason(closureReason(rs.getString("closure_reason")))
                .setJobEndReason(jobEndReason(rs.getString("job_end_reason")))
                .build();
    }

    private static ClosureReason closureReason(String name) {
        return name == null ? null : ClosureReason.valueOf(name);
    }

    private static JobEndReason jobEndReason(String name) {
        return name == null ? null : JobEndReason.valueOf(name);
    }

    /** The default project's code. */
    public String defaultProject() {
        return project;
    }

    private interface ChunkQuery {
        void run(String marks, Object[] args);
    }

    private static void inChunks(Collection<String> keys, ChunkQuery query) {
        List<String> all = List.copyOf(keys);
        for (int i = 0; i < all.size(); i += IN_CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + IN_CHUNK));
            query.run(String.join(", ", Collections.nCopies(chunk.size(), "?")), chunk.toArray());
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static BigDecimal scaled(BigDecimal wage) {
        return wage == null ? null : wage.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static void setDate(PreparedStatement ps, int at, LocalDate date) throws SQLException {
        if (date == null) {
            ps.setNull(at, Types.DATE);
        } else {
            ps.setObject(at, date);
        }
    }

    private static void setDouble(PreparedStatement ps, int at, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(at, Types.DOUBLE);
        } else {
            ps.setDouble(at, value);
        }
    }

    private static void setBoolean(PreparedStatement ps, int at, Boolean value) throws SQLException {
        if (value == null) {
            ps.setNull(at, Types.BOOLEAN);
        } else {
            ps.setBoolean(at, value);
        }
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static Boolean nullableBoolean(ResultSet rs, String column) throws SQLException {
        boolean v = rs.getBoolean(column);
        return rs.wasNull() ? null : v;
    }
}
