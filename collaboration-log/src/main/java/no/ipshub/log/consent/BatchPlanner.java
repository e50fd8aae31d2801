package no.ipshub.log.consent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 *   <li>a referral with consent opens the case and is logged, unless its participant left the log before;</li>
 *   <li>a referral without consent, or a follow-up CONSENT_WITHDRAWN, takes the participant out: nothing of
 *       theirs is logged from then on and their existing entries are to be deleted and tombstoned;</li>
 *   <li>follow-ups and outcomes inherit participant, team, NAV office and referral date from their case, and
 *       are dropped when the case is not consented;</li>
 *   <li>an event whose case is not known yet (the canonical topics are not ordered against each other) is
 *       parked until the referral arrives, then logged or dropped with it.</li>
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
     * @param events      the batch, in the order it was consumed
     * @param knownCases  the stored state of the batch's cases (absent when unknown)
     * @param withdrawn   the batch's participants who left the log before
     * @param parked      events parked earlier for the batch's unknown cases
     */
    public BatchPlan plan(List<LogEvent> events, Map<String, CaseState> knownCases, Set<String> withdrawn,
            Map<String, List<EventDraft>> parked) {
        return new Run(knownCases, withdrawn, parked).apply(events);
    }

    private final class Run {
        private final Map<String, CaseState> cases;
        private final Set<String> withdrawn;
        private final Map<String, List<EventDraft>> waiting = new HashMap<>();
        private final List<EventDraft> newlyParked = new ArrayList<>();
        private final Map<String, CollaborationLogEntry> entries = new LinkedHashMap<>();
        private final Map<String, CaseState> changed = new LinkedHashMap<>();
        private final Set<String> resolved = new HashSet<>();
        private final List<Withdrawal> withdrawals = new ArrayList<>();
        private final List<String> retracted = new ArrayList<>();
        private int dropped;

        Run(Map<String, CaseState> knownCases, Set<String> withdrawn, Map<String, List<EventDraft>> parked) {
            this.cases = new HashMap<>(knownCases);
            this.withdrawn = new HashSet<>(withdrawn);
            parked.forEach((caseKey, drafts) -> waiting.put(caseKey, new ArrayList<>(drafts)));
        }

        BatchPlan apply(List<LogEvent> events) {
            for (LogEvent event : events) {
                if (event.isReferral()) {
                    referral(event);
                } else {
                    caseEvent(event);
                }
            }
            List<EventDraft> toPark = newlyParked.stream().filter(d -> waiting.containsKey(d.caseKey())).toList();
            return new BatchPlan(List.copyOf(entries.values()), List.copyOf(changed.values()), toPark,
                    Set.copyOf(resolved), List.copyOf(withdrawals), List.copyOf(retracted), dropped);
        }

        private void referral(LogEvent event) {
            String caseKey = event.caseKey();
            CaseOpening opening = event.opening();
            String participant = opening.participantKey();
            List<EventDraft> earlier = waiting.remove(caseKey);
            if (earlier != null) {
                resolved.add(caseKey);
            }
            int settled = 1 + (earlier == null ? 0 : earlier.size());
            if (withdrawn.contains(participant)) {
                put(CaseState.withdrawn(caseKey, participant));
                dropped += settled;
                return;
            }
            EventDraft withdrawal = earlier == null ? null : earlier.stream()
                    .filter(d -> d.kind() == CollaborationEventKind.CONSENT_WITHDRAWN).findFirst().orElse(null);
            if (!opening.researchConsent() || withdrawal != null) {
                put(CaseState.withdrawn(caseKey, participant));
                withdraw(participant, caseKey,
                        withdrawal == null ? event.draft().eventDate() : withdrawal.eventDate(),
                        withdrawal == null ? Withdrawal.Reason.CONSENT_REFUSED : Withdrawal.Reason.CONSENT_WITHDRAWN,
                        event.sender(), event.messageId());
                dropped += settled;
                return;
            }
            CaseState state = CaseState.consented(caseKey, opening);
            put(state);
            log(event.draft(), state);
            if (earlier != null) {
                earlier.stream().sorted(IN_CASE_ORDER).forEach(d -> log(d, state));
            }
        }

        private void caseEvent(LogEvent event) {
            String caseKey = event.caseKey();
            CaseState state = cases.get(caseKey);
            if (state == null) {
                waiting.computeIfAbsent(caseKey, k -> new ArrayList<>()).add(event.draft());
                newlyParked.add(event.draft());
                return;
            }
            if (state.status() != CaseStatus.CONSENTED) {
                dropped++;
                return;
            }
            if (withdrawn.contains(state.participantKey())) {
                put(CaseState.withdrawn(caseKey, state.participantKey()));
                dropped++;
                return;
            }
            if (event.isConsentWithdrawal()) {
                withdraw(state.participantKey(), caseKey, event.draft().eventDate(),
                        Withdrawal.Reason.CONSENT_WITHDRAWN, event.sender(), event.messageId());
                dropped++;
                return;
            }
            log(event.draft(), state);
        }

        private void withdraw(String participant, String caseKey, LocalDate date, Withdrawal.Reason reason,
                String sender, String messageId) {
            withdrawn.add(participant);
            List<String> made = entries.values().stream()
                    .filter(e -> e.getParticipantKey().equals(participant)).map(CollaborationLogEntry::getEntryId).toList();
            made.forEach(entries::remove);
            retracted.addAll(made);
            dropped += made.size();
            for (CaseState state : List.copyOf(cases.values())) {
                if (participant.equals(state.participantKey()) && state.status() == CaseStatus.CONSENTED) {
                    put(CaseState.withdrawn(state.caseKey(), participant));
                }
            }
            withdrawals.add(new Withdrawal(participant, caseKey, date, reason, sender, messageId));
        }

        private void put(CaseState state) {
            cases.put(state.caseKey(), state);
            changed.put(state.caseKey(), state);
        }

        private void log(EventDraft draft, CaseState state) {
            entries.put(draft.entryId(), CollaborationLogEntry.newBuilder()
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
                    .build());
        }
    }
}
