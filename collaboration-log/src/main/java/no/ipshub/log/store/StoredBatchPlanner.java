package no.ipshub.log.store;

import static no.ipshub.log.store.InLists.inChunks;
import static no.ipshub.log.store.InLists.inPairedChunks;

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
 * Plans a project's part of a batch over what the store knows: looks up the batch's cases with the consent records of
 * their participants and of the participants the batch refers, in one query, then the events parked for the new
 * cases the batch refers (when it refers any), and lets the {@link BatchPlanner} apply the consent rules.
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
        Map<String, CaseState> known = new HashMap<>();
        Map<String, ConsentRecord> consent = new HashMap<>();
        loadCasesAndConsent(caseKeys, participants, known, consent);
        // parked events only matter to the referral that settles them: an unknown case without one in the batch
        // keeps its parked events where they are, and the batch parks its own events for it beside them
        Set<String> settling = new LinkedHashSet<>(referred);
        settling.removeAll(known.keySet());
        BatchPlan plan = new BatchPlanner(code).plan(events, known, consent, loadParked(settling));
        return new Planned(plan, Set.copyOf(known.keySet()), Set.copyOf(consent.keySet()));
    }

    /**
     * Fills {@code cases} with the stored cases of {@code caseKeys} and {@code consent} with the consent records of
     * their participants and of {@code participants}, in one statement per chunk of keys: the cases joined to their
     * participants' records, and beside them the records of the participants the batch refers.
     */
    private void loadCasesAndConsent(Collection<String> caseKeys, Collection<String> participants,
            Map<String, CaseState> cases, Map<String, ConsentRecord> consent) {
        inPairedChunks(caseKeys, participants, (caseMarks, participantMarks, args) -> {
            List<String> branches = new ArrayList<>(2);
            if (caseMarks != null) {
                branches.add("SELECT 'C' AS row_kind, c.case_key, c.participant_key, c.status, c.team, c.nav_office, "
                        + "c.referral_date, c.job_specialist_key, w.participant_key AS consent_participant, w.reason, "
                        + "w.effective_on, w.consented_again_on FROM log_case c LEFT JOIN log_withdrawn_participant w "
                        + "ON w.participant_key = c.participant_key WHERE c.case_key IN (" + caseMarks + ")");
            }
            if (participantMarks != null) {
                branches.add("SELECT 'P' AS row_kind, NULL AS case_key, NULL AS participant_key, NULL AS status, "
                        + "NULL AS team, NULL AS nav_office, NULL AS referral_date, NULL AS job_specialist_key, "
                        + "w.participant_key AS consent_participant, w.reason, w.effective_on, w.consented_again_on "
                        + "FROM log_withdrawn_participant w WHERE w.participant_key IN (" + participantMarks + ")");
            }
            jdbc.query(String.join(" UNION ALL ", branches), (RowCallbackHandler) rs -> {
                if ("C".equals(rs.getString("row_kind"))) {
                    CaseState c = LogRows.caseState(rs);
                    cases.put(c.caseKey(), c);
                }
                String participant = rs.getString("consent_participant");
                if (participant != null) {
                    consent.put(participant, new ConsentRecord(Withdrawal.Reason.valueOf(rs.getString("reason")),
                            rs.getObject("effective_on", LocalDate.class),
                            rs.getObject("consented_again_on", LocalDate.class)));
                }
            }, args);
        });
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
