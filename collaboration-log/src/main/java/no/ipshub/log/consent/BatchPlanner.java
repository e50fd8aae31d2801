package no.ipshub.log.consent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.ipshub.log.mapping.CaseOpening;
import no.ipshub.log.mapping.EventDraft;
import no.ipshub.log.mapping.LogEvent;
import no.ipshub.schemas.v1.CollaborationEventKind;
import no.ipshub.schemas.v1.CollaborationLogEntry;

/**
 * The consent rules of the collaboration log, applied to one batch of events in order:
 * <ul>
 *   <li>a referral with consent opens the case and is logged;</li>
 *   <li>a referral without consent, or a follow-up CONSENT_WITHDRAWN, takes the participant out: nothing of
 *       theirs is logged from then on and their existing entries are to be deleted and tombstoned;</li>
 *   <li>a participant who is out comes back with a referral with consent, or a follow-up CONSENT_GIVEN, dated
 *       after the withdrawal: from that day on their events are logged again (a CONSENT_GIVEN reopens its case
 *       with the team and NAV office of the message's two partners); what came before stays deleted, and events
 *       dated before that day are never logged, so a replay of old messages cannot bring them back;</li>
 *   <li>follow-ups and outcomes inherit participant, team, NAV office and referral date from their case, and
 *       are dropped when the case is not consented;</li>
 *   <li>a handover ({@code JOB_SPECIALIST_CHANGED}) gives the case to another job specialist: its entry names both,
 *       and the case's later entries carry the new one;</li>
 *   <li>an event whose case is not known yet (the canonical topics are not ordered against each other) is
 *       parked until the referral arrives, then handled after it in date order.</li>
 * </ul>
 * A plain class over what the store knows, so the rules are tested without a database.
 */
public final class BatchPlanner {

    private static final Comparator<EventDraft> IN_CASE_ORDER =
            Comparator.comparing(EventDraft::eventDate).thenComparing(EventDraft::recordedAt);

    private final String project;

    public BatchPlanner(String project) {
        this.project = project;
    }

    /**
     * Plans the batch.
     *
     * @param events     the batch, in the order it was consumed
     * @param knownCases the stored state of the batch's cases (absent when unknown)
     * @param consent    the consent records of the batch's participants who once left the log
     * @param parked     events parked earlier for the unknown cases whose referral is in the batch (those of other unknown
     *                   cases may be left out: they wait for their referral either way)
     */
    public BatchPlan plan(List<LogEvent> events, Map<String, CaseState> knownCases, Map<String, ConsentRecord> consent,
            Map<String, List<EventDraft>> parked) {
        return new Run(knownCases, consent, parked).apply(events);
    }

    private final class Run {
        private final Map<String, CaseState> cases;
        private final Map<String, ConsentRecord> records;
        private final Map<String, List<EventDraft>> waiting = new HashMap<>();
        private final List<EventDraft> newlyParked = new ArrayList<>();
        private final Map<String, CollaborationLogEntry> entries = new LinkedHashMap<>();
        /** The ids of {@link #entries} by participant, in the order they were made, so a withdrawal finds them at once. */
        private final Map<String, Set<String>> entriesOf = new HashMap<>();
        /** The keys of {@link #cases} by participant, so a withdrawal finds a participant's cases at once. */
        private final Map<String, Set<String>> casesOf = new HashMap<>();
        private final Map<String, CaseState> changed = new LinkedHashMap<>();
        private final Map<String, ConsentRecord> changedRecords = new LinkedHashMap<>();
        private final Set<String> resolved = new HashSet<>();
        private final List<Withdrawal> withdrawals = new ArrayList<>();
        private final List<ConsentGivenAgain> comebacks = new ArrayList<>();
        private final List<String> retracted = new ArrayList<>();
        private int dropped;

        Run(Map<String, CaseState> knownCases, Map<String, ConsentRecord> consent, Map<String, List<EventDraft>> parked) {
            this.cases = new HashMap<>(knownCases);
            knownCases.values().forEach(this::indexCase);
            this.records = new HashMap<>(consent);
            parked.forEach((caseKey, drafts) -> waiting.put(caseKey, new ArrayList<>(drafts)));
        }

        BatchPlan apply(List<LogEvent> events) {
            for (LogEvent event : events) {
                if (event.isReferral()) {
                    referral(event);
                } else if (cases.containsKey(event.caseKey())) {
                    caseEvent(event.draft(), event.sender(), event.messageId(), event.parties());
                } else {
                    waiting.computeIfAbsent(event.caseKey(), k -> new ArrayList<>()).add(event.draft());
                    newlyParked.add(event.draft());
                }
            }
            List<EventDraft> toPark = newlyParked.stream().filter(d -> waiting.containsKey(d.caseKey())).toList();
            return new BatchPlan(List.copyOf(entries.values()), List.copyOf(changed.values()), toPark,
                    Set.copyOf(resolved), List.copyOf(withdrawals), List.copyOf(comebacks), Map.copyOf(changedRecords),
                    List.copyOf(retracted), dropped);
        }

        private void referral(LogEvent event) {
            String caseKey = event.caseKey();
            CaseOpening opening = event.opening();
            String participant = opening.participantKey();
            LocalDate date = event.draft().eventDate();
            List<EventDraft> earlier = waiting.remove(caseKey);
            if (earlier != null) {
                resolved.add(caseKey);
            }
            ConsentRecord record = records.get(participant);
            if (record != null && opening.researchConsent() && record.reopenedBy(date)) {
                comeBack(participant, caseKey, date, ConsentGivenAgain.Via.REFERRAL, event.sender(), event.messageId());
            } else if (record != null && (record.out() || !record.admits(date))) {
                // a participant who is out, or an old referral of one who came back later
                put(CaseState.withdrawn(caseKey, participant));
                dropped++;
                handleParked(earlier, event, new LogEvent.CaseParties(opening.team(), opening.navOffice()));
                return;
            }
            if (!opening.researchConsent()) {
                put(CaseState.withdrawn(caseKey, participant));
                withdraw(participant, caseKey, date, Withdrawal.Reason.CONSENT_REFUSED, event.sender(), event.messageId());
                dropped++;
            } else {
                CaseState state = CaseState.consented(caseKey, opening);
                put(state);
                log(event.draft(), state);
            }
            handleParked(earlier, event, new LogEvent.CaseParties(opening.team(), opening.navOffice()));
        }

        /** Events that waited for this referral, in date order; they are handled as if they came after it. */
        private void handleParked(List<EventDraft> earlier, LogEvent referral, LogEvent.CaseParties parties) {
            if (earlier != null) {
                earlier.stream().sorted(IN_CASE_ORDER)
                        .forEach(d -> caseEvent(d, referral.sender(), referral.messageId(), parties));
            }
        }

        private void caseEvent(EventDraft draft, String sender, String messageId, LogEvent.CaseParties parties) {
            String caseKey = draft.caseKey();
            CaseState state = cases.get(caseKey);
            String participant = state.participantKey();
            ConsentRecord record = records.get(participant);
            LocalDate date = draft.eventDate();
            if (draft.kind() == CollaborationEventKind.CONSENT_GIVEN) {
                consentGiven(draft, state, record, sender, messageId, parties);
                return;
            }
            if (state.status() != CaseStatus.CONSENTED || (record != null && !record.admits(date))) {
                dropped++;
                return;
            }
            if (draft.kind() == CollaborationEventKind.CONSENT_WITHDRAWN) {
                withdraw(participant, caseKey, date, Withdrawal.Reason.CONSENT_WITHDRAWN, sender, messageId);
                dropped++;
                return;
            }
            if (draft.kind() == CollaborationEventKind.JOB_SPECIALIST_CHANGED && draft.jobSpecialistKey() != null) {
                // the entry names both specialists; the case's later entries carry the new one
                String previous = state.jobSpecialistKey();
                CaseState handedOver = state.handedTo(draft.jobSpecialistKey());
                put(handedOver);
                log(draft, handedOver, previous);
                return;
            }
            log(draft, state);
        }

        private void consentGiven(EventDraft draft, CaseState state, ConsentRecord record, String sender, String messageId,
                LogEvent.CaseParties parties) {
            String participant = state.participantKey();
            LocalDate date = draft.eventDate();
            if (record != null && record.reopenedBy(date)) {
                comeBack(participant, state.caseKey(), date, ConsentGivenAgain.Via.CONSENT_GIVEN, sender, messageId);
                record = records.get(participant);
            }
            boolean admitted = record == null ? state.status() == CaseStatus.CONSENTED : record.admits(date);
            if (!admitted) {
                dropped++;
                return;
            }
            if (state.status() != CaseStatus.CONSENTED) {
                if (parties == null) {
                    dropped++;
                    return;
                }
                state = CaseState.reopened(state.caseKey(), participant, parties);
                put(state);
            }
            log(draft, state);
        }

        private void comeBack(String participant, String caseKey, LocalDate date, ConsentGivenAgain.Via via, String sender,
                String messageId) {
            ConsentRecord before = records.get(participant);
            setRecord(participant, new ConsentRecord(before.reason(), before.withdrawnOn(), date));
            comebacks.add(new ConsentGivenAgain(participant, caseKey, date, via, sender, messageId));
        }

        private void withdraw(String participant, String caseKey, LocalDate date, Withdrawal.Reason reason,
                String sender, String messageId) {
            setRecord(participant, new ConsentRecord(reason, date, null));
            Set<String> made = entriesOf.remove(participant);
            if (made != null) {
                made.forEach(entries::remove);
                retracted.addAll(made);
                dropped += made.size();
            }
            for (String key : List.copyOf(casesOf.getOrDefault(participant, Set.of()))) {
                CaseState state = cases.get(key);
                if (state != null && participant.equals(state.participantKey()) && state.status() == CaseStatus.CONSENTED) {
                    put(CaseState.withdrawn(state.caseKey(), participant));
                }
            }
            withdrawals.add(new Withdrawal(participant, caseKey, date, reason, sender, messageId));
        }

        private void setRecord(String participant, ConsentRecord record) {
            records.put(participant, record);
            changedRecords.put(participant, record);
        }

        private void put(CaseState state) {
            cases.put(state.caseKey(), state);
            changed.put(state.caseKey(), state);
            indexCase(state);
        }

        private void indexCase(CaseState state) {
            if (state.participantKey() != null) {
                casesOf.computeIfAbsent(state.participantKey(), k -> new LinkedHashSet<>()).add(state.caseKey());
            }
        }

        private void log(EventDraft draft, CaseState state) {
            log(draft, state, null);
        }

        private void log(EventDraft draft, CaseState state, String previousSpecialist) {
            CollaborationLogEntry replaced = entries.put(draft.entryId(), CollaborationLogEntry.newBuilder()
                    .setEntryId(draft.entryId())
                    .setProject(project)
                    .setParticipantKey(state.participantKey())
                    .setCaseKey(state.caseKey())
                    .setEventKind(draft.kind())
                    .setEventDate(draft.eventDate())
                    .setReferralDate(state.referralDate())
                    .setRecordedAt(draft.recordedAt())
                    .setSenderSector(draft.senderSector())
                    .setSenderOrganisation(draft.senderOrganisation())
                    .setRecipientSector(draft.recipientSector())
                    .setRecipientOrganisation(draft.recipientOrganisation())
                    .setTeam(state.team())
                    .setNavOffice(state.navOffice())
                    .setJobSpecialistKey(state.jobSpecialistKey())
                    .setEmployerOrganisationNumber(draft.employerOrganisationNumber())
                    .setStyrkCode(draft.styrkCode())
                    .setHoursPerWeek(draft.hoursPerWeek())
                    .setHourlyWage(draft.hourlyWage())
                    .setCompetitive(draft.competitive())
                    .setPermanent(draft.permanent())
                    .setWageSubsidy(draft.wageSubsidy())
                    .setRejectionReason(draft.rejectionReason())
                    .setPreviousJobSpecialistKey(previousSpecialist)
                    .setNavMeasureCode(draft.navMeasureCode())
                    .setMeasureEndDate(draft.measureEndDate())
                    .setClosureReason(draft.closureReason())
                    .setJobEndReason(draft.jobEndReason())
                    .build());
            if (replaced != null && !replaced.getParticipantKey().equals(state.participantKey())) {
                entriesOf.getOrDefault(replaced.getParticipantKey(), new LinkedHashSet<>()).remove(draft.entryId());
            }
            entriesOf.computeIfAbsent(state.participantKey(), k -> new LinkedHashSet<>()).add(draft.entryId());
        }
    }
}
