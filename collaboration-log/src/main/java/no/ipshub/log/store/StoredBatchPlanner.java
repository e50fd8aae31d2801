package no.ipshub.log.store;

import static no.ipshub.log.store.InLists.inChunks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.ipshub.log.consent.BatchPlan;
import no.ipshub.log.consent.BatchPlanner;
import no.ipshub.log.consent.CaseState;
import no.ipshub.log.consent.ConsentRecord;
import no.ipshub.log.consent.Withdrawal;
import no.ipshub.log.mapping.EventDraft;
import no.ipshub.log.mapping.LogEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Plans a project's part of a batch over what the store knows: looks up the batch's cases, the consent records of
 * their participants and the events parked for the new cases the batch refers, with one {@code IN} query each, and
 * lets the {@link BatchPlanner} apply the consent rules.
 */
final class StoredBatchPlanner {

    /**
     * The plan, the keys of the batch's cases that were stored before it and the participants whose consent record
     * was stored before it.
     */
    record Planned(BatchPlan plan, Set<String> knownCases, Set<String> storedConsentRecords) {
    }

    private final JdbcTemplate jdbc;

    StoredBatchPlanner(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Planned plan(String code, List<LogEvent> events) {
        Set<String> caseKeys = new LinkedHashSet<>();
        Set<String> referred = new LinkedHashSet<>();
        Set<String> participants = new HashSet<>();
        for (LogEvent e : events) {
            caseKeys.add(e.caseKey());
            if (e.isReferral()) {
                referred.add(e.caseKey());
                participants.add(e.opening().participantKey());
            }
        }
        Map<String, CaseState> known = loadCases(caseKeys);
        known.values().forEach(c -> participants.add(c.participantKey()));
        Map<String, ConsentRecord> consent = loadConsentRecords(participants);
        // parked events only matter to the referral that settles them: an unknown case without one in the batch
        // keeps its parked events where they are, and the batch parks its own events for it beside them
        Set<String> settling = new LinkedHashSet<>(referred);
        settling.removeAll(known.keySet());
        BatchPlan plan = new BatchPlanner(code).plan(events, known, consent, loadParked(settling));
        return new Planned(plan, Set.copyOf(known.keySet()), Set.copyOf(consent.keySet()));
    }

    private Map<String, CaseState> loadCases(Collection<String> caseKeys) {
        Map<String, CaseState> cases = new HashMap<>();
        inChunks(caseKeys, (marks, args) -> jdbc.query("SELECT " + LogRows.CASE_COLUMNS + " FROM log_case "
                + "WHERE case_key IN (" + marks + ")", (RowCallbackHandler) rs -> {
                    CaseState c = LogRows.caseState(rs);
                    cases.put(c.caseKey(), c);
                }, args));
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
        inChunks(caseKeys, (marks, args) -> jdbc.query("SELECT " + LogRows.PENDING_COLUMNS
                + " FROM log_pending_event WHERE case_key IN (" + marks + ")", (RowCallbackHandler) rs -> {
                    EventDraft d = LogRows.pending(rs);
                    parked.computeIfAbsent(d.caseKey(), k -> new ArrayList<>()).add(d);
                }, args));
        return parked;
    }
}
