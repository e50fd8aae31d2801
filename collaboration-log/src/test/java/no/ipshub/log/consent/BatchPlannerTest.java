package no.ipshub.log.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import no.ipshub.log.mapping.CollaborationLogMapper;
import no.ipshub.log.mapping.EventDraft;
import no.ipshub.log.mapping.LogEvent;
import no.ipshub.log.pseudonym.Pseudonymiser;
import no.ipshub.log.support.LogFixtures;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.v1.CollaborationEventKind;
import no.ipshub.schemas.v1.CollaborationLogEntry;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.HubMessage;
import no.ipshub.schemas.v1.OutcomeKind;
import org.junit.jupiter.api.Test;

class BatchPlannerTest {

    private final CollaborationLogMapper mapper = LogFixtures.mapper();
    private final Pseudonymiser pseudonyms = LogFixtures.pseudonymiser();
    private final BatchPlanner planner = new BatchPlanner(LogFixtures.PROJECT);
    private final String participant = pseudonyms.participantKey(HubMessages.PARTICIPANT_NATIONAL_ID);
    private final String caseKey = pseudonyms.caseKey(HubMessages.CASE_ID);

    private List<LogEvent> events(HubMessage... messages) {
        return Arrays.stream(messages).map(mapper::map).toList();
    }

    private BatchPlan planFresh(HubMessage... messages) {
        return planner.plan(events(messages), Map.of(), Map.of(), Map.of());
    }

    private static List<CollaborationEventKind> kinds(BatchPlan plan) {
        return plan.entries().stream().map(CollaborationLogEntry::getEventKind).toList();
    }

    @Test
    void consentedReferralAndItsFollowUpsAreLogged() {
        BatchPlan plan = planFresh(HubMessages.referral().build(),
                HubMessages.followUp(FollowUpKind.REFERRAL_ACCEPTED).build(),
                HubMessages.outcome(OutcomeKind.JOB_STARTED).build());

        assertThat(kinds(plan)).containsExactly(CollaborationEventKind.REFERRAL,
                CollaborationEventKind.REFERRAL_ACCEPTED, CollaborationEventKind.JOB_STARTED);
    }

    @Test
    void followUpInheritsParticipantTeamNavOfficeAndReferralDateFromItsCase() {
        BatchPlan plan = planFresh(HubMessages.referral().build(), HubMessages.followUp(FollowUpKind.EMPLOYER_CONTACT).build());

        CollaborationLogEntry contact = plan.entries().get(1);
        assertThat(contact).extracting(CollaborationLogEntry::getParticipantKey, CollaborationLogEntry::getTeam,
                CollaborationLogEntry::getNavOffice, CollaborationLogEntry::getReferralDate)
                .containsExactly(participant, HubMessages.TEAM, HubMessages.NAV_OFFICE, HubMessages.REFERRAL_DATE);
    }

    @Test
    void referralWithoutConsentLogsNothingOfTheCase() {
        BatchPlan plan = planFresh(HubMessages.referral().referral(r -> r.setResearchConsent(false)).build(),
                HubMessages.followUp(FollowUpKind.REFERRAL_ACCEPTED).build());

        assertThat(plan.entries()).isEmpty();
    }

    @Test
    void referralWithoutConsentTakesTheParticipantOutOfTheLog() {
        BatchPlan plan = planFresh(HubMessages.referral().referral(r -> r.setResearchConsent(false)).build());

        assertThat(plan.withdrawals()).extracting(Withdrawal::participantKey, Withdrawal::reason)
                .containsExactly(tuple(participant, Withdrawal.Reason.CONSENT_REFUSED));
    }

    @Test
    void consentWithdrawnStopsLaterEventsOfTheCase() {
        BatchPlan plan = planFresh(HubMessages.referral().build(),
                HubMessages.followUp(FollowUpKind.CONSENT_WITHDRAWN).build(),
                HubMessages.outcome(OutcomeKind.JOB_STARTED).build());

        assertThat(plan.entries()).isEmpty();
    }

    @Test
    void consentWithdrawnInTheSameBatchRetractsTheEntriesItHadMade() {
        HubMessage referral = HubMessages.referral().build();

        BatchPlan plan = planFresh(referral, HubMessages.followUp(FollowUpKind.CONSENT_WITHDRAWN).build());

        assertThat(plan.retracted()).containsExactly(pseudonyms.entryId(referral.getMessageId()));
    }

    @Test
    void consentWithdrawnOnAStoredCaseAsksForTheParticipantsEntriesToBeRemoved() {
        CaseState stored = new CaseState(caseKey, participant, CaseStatus.CONSENTED, HubMessages.TEAM,
                HubMessages.NAV_OFFICE, HubMessages.REFERRAL_DATE, null);

        BatchPlan plan = planner.plan(events(HubMessages.followUp(FollowUpKind.CONSENT_WITHDRAWN).build()),
                Map.of(caseKey, stored), Map.of(), Map.of());

        assertThat(plan.withdrawnParticipants()).containsExactly(participant);
    }

    @Test
    void withdrawalCoversEveryCaseOfTheParticipant() {
        BatchPlan plan = planFresh(HubMessages.referral().build(),
                HubMessages.referral().caseId("case-0002").build(),
                HubMessages.followUp(FollowUpKind.CONSENT_WITHDRAWN).build(),
                HubMessages.followUp(FollowUpKind.EMPLOYER_CONTACT).caseId("case-0002").build());

        assertThat(plan.entries()).isEmpty();
    }

    /** The participant left the log on {@code day} and has not come back. */
    private Map<String, ConsentRecord> out(LocalDate day) {
        return Map.of(participant, new ConsentRecord(Withdrawal.Reason.CONSENT_WITHDRAWN, day, null));
    }

    private CaseState withdrawnCase() {
        return new CaseState(caseKey, participant, CaseStatus.WITHDRAWN, null, null, null, null);
    }

    private HubMessage consentGiven(LocalDate day) {
        return HubMessages.followUp(FollowUpKind.CONSENT_GIVEN).schemaVersion(2).followUp(f -> f.setDate(day)).build();
    }

    @Test
    void participantWhoLeftTheLogBeforeIsNotLoggedAgainByANewReferral() {
        BatchPlan plan = planner.plan(events(HubMessages.referral().caseId("case-0009").build()), Map.of(),
                out(HubMessages.REFERRAL_DATE), Map.of());

        assertThat(plan.entries()).isEmpty();
    }

    @Test
    void followUpReadBeforeItsReferralIsParked() {
        BatchPlan plan = planFresh(HubMessages.followUp(FollowUpKind.REFERRAL_ACCEPTED).build());

        assertThat(plan.pendingToPark()).extracting(EventDraft::kind).containsExactly(CollaborationEventKind.REFERRAL_ACCEPTED);
    }

    @Test
    void parkedFollowUpIsLoggedWhenItsReferralArrives() {
        EventDraft parked = mapper.map(HubMessages.followUp(FollowUpKind.REFERRAL_ACCEPTED).build()).draft();

        BatchPlan plan = planner.plan(events(HubMessages.referral().build()), Map.of(), Map.of(),
                Map.of(caseKey, List.of(parked)));

        assertThat(kinds(plan)).containsExactly(CollaborationEventKind.REFERRAL, CollaborationEventKind.REFERRAL_ACCEPTED);
    }

    @Test
    void parkedConsentWithdrawalOutweighsTheConsentOfALaterReadReferral() {
        EventDraft parked = mapper.map(HubMessages.followUp(FollowUpKind.CONSENT_WITHDRAWN).build()).draft();

        BatchPlan plan = planner.plan(events(HubMessages.referral().build()), Map.of(), Map.of(),
                Map.of(caseKey, List.of(parked)));

        assertThat(plan.entries()).isEmpty();
    }

    @Test
    void parkedEventsAreSettledWithTheirReferral() {
        EventDraft parked = mapper.map(HubMessages.followUp(FollowUpKind.REFERRAL_ACCEPTED).build()).draft();

        BatchPlan plan = planner.plan(events(HubMessages.referral().build()), Map.of(), Map.of(),
                Map.of(caseKey, List.of(parked)));

        assertThat(plan.pendingCasesResolved()).containsExactly(caseKey);
    }

    @Test
    void eventsOfAWithdrawnCaseAreDropped() {
        BatchPlan plan = planner.plan(events(HubMessages.outcome(OutcomeKind.JOB_STARTED).build()),
                Map.of(caseKey, new CaseState(caseKey, participant, CaseStatus.WITHDRAWN, null, null, null, null)),
                out(HubMessages.REFERRAL_DATE), Map.of());

        assertThat(plan.entries()).isEmpty();
    }

    @Test
    void newReferralWithConsentDatedAfterTheWithdrawalBringsTheParticipantBack() {
        LocalDate later = HubMessages.REFERRAL_DATE.plusDays(10);

        BatchPlan plan = planner.plan(events(HubMessages.referral().caseId("case-0009")
                .referral(r -> r.setReferralDate(later)).build()), Map.of(), out(HubMessages.REFERRAL_DATE), Map.of());

        assertThat(List.of(kinds(plan), plan.consentRecords().get(participant).consentedAgainOn()))
                .containsExactly(List.of(CollaborationEventKind.REFERRAL), later);
    }

    @Test
    void consentGivenOnAWithdrawnCaseReopensItWithTheTeamAndNavOfficeOfTheMessage() {
        LocalDate later = HubMessages.REFERRAL_DATE.plusDays(20);

        BatchPlan plan = planner.plan(events(consentGiven(later)), Map.of(caseKey, withdrawnCase()),
                out(HubMessages.REFERRAL_DATE), Map.of());

        assertThat(plan.entries()).singleElement().extracting(CollaborationLogEntry::getEventKind,
                CollaborationLogEntry::getTeam, CollaborationLogEntry::getNavOffice, CollaborationLogEntry::getReferralDate)
                .containsExactly(CollaborationEventKind.CONSENT_GIVEN, HubMessages.TEAM, HubMessages.NAV_OFFICE, null);
    }

    @Test
    void eventsAfterConsentGivenAgainAreLogged() {
        LocalDate later = HubMessages.REFERRAL_DATE.plusDays(20);

        BatchPlan plan = planner.plan(events(consentGiven(later), HubMessages.followUp(FollowUpKind.EMPLOYER_CONTACT)
                .followUp(f -> f.setDate(later.plusDays(3))).build()), Map.of(caseKey, withdrawnCase()),
                out(HubMessages.REFERRAL_DATE), Map.of());

        assertThat(kinds(plan)).containsExactly(CollaborationEventKind.CONSENT_GIVEN, CollaborationEventKind.EMPLOYER_CONTACT);
    }

    @Test
    void eventDatedBeforeTheNewConsentIsNotLoggedSoAReplayCannotBringBackWhatWasDeleted() {
        LocalDate later = HubMessages.REFERRAL_DATE.plusDays(20);
        Map<String, ConsentRecord> back = Map.of(participant,
                new ConsentRecord(Withdrawal.Reason.CONSENT_WITHDRAWN, HubMessages.REFERRAL_DATE, later));
        CaseState reopened = new CaseState(caseKey, participant, CaseStatus.CONSENTED, HubMessages.TEAM,
                HubMessages.NAV_OFFICE, null, null);

        BatchPlan plan = planner.plan(events(HubMessages.followUp(FollowUpKind.EMPLOYER_CONTACT)
                .followUp(f -> f.setDate(later.minusDays(1))).build()), Map.of(caseKey, reopened), back, Map.of());

        assertThat(plan.entries()).isEmpty();
    }

    @Test
    void consentGivenOnTheDayOfTheWithdrawalDoesNotBringTheParticipantBack() {
        BatchPlan plan = planner.plan(events(consentGiven(HubMessages.FOLLOW_UP_DATE)), Map.of(caseKey, withdrawnCase()),
                out(HubMessages.FOLLOW_UP_DATE), Map.of());

        assertThat(List.of(plan.entries().size(), plan.consentsGivenAgain().size())).containsExactly(0, 0);
    }

    @Test
    void withdrawalAfterConsentGivenAgainTakesTheParticipantOutOnceMore() {
        LocalDate later = HubMessages.REFERRAL_DATE.plusDays(20);

        BatchPlan plan = planner.plan(events(consentGiven(later), HubMessages.followUp(FollowUpKind.CONSENT_WITHDRAWN)
                .followUp(f -> f.setDate(later.plusDays(5))).build()), Map.of(caseKey, withdrawnCase()),
                out(HubMessages.REFERRAL_DATE), Map.of());

        assertThat(List.of(plan.entries().isEmpty(), plan.consentRecords().get(participant).out())).containsExactly(true, true);
    }

    @Test
    void consentGivenAgainIsReportedForTheAudit() {
        LocalDate later = HubMessages.REFERRAL_DATE.plusDays(20);

        BatchPlan plan = planner.plan(events(consentGiven(later)), Map.of(caseKey, withdrawnCase()),
                out(HubMessages.REFERRAL_DATE), Map.of());

        assertThat(plan.consentsGivenAgain()).extracting(ConsentGivenAgain::participantKey, ConsentGivenAgain::via)
                .containsExactly(tuple(participant, ConsentGivenAgain.Via.CONSENT_GIVEN));
    }

    @Test
    void referralRefusedThenConsentGivenLaterInTheSameBatchLogsFromTheConsent() {
        LocalDate later = HubMessages.REFERRAL_DATE.plusDays(2);

        BatchPlan plan = planFresh(HubMessages.referral().referral(r -> r.setResearchConsent(false)).build(),
                consentGiven(later));

        assertThat(kinds(plan)).containsExactly(CollaborationEventKind.CONSENT_GIVEN);
    }
}
