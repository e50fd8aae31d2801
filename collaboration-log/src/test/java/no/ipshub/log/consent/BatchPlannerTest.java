package no.ipshub.log.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        return planner.plan(events(messages), Map.of(), Set.of(), Map.of());
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
                Map.of(caseKey, stored), Set.of(), Map.of());

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

    @Test
    void participantWhoLeftTheLogBeforeIsNotLoggedAgainByANewReferral() {
        BatchPlan plan = planner.plan(events(HubMessages.referral().caseId("case-0009").build()), Map.of(),
                Set.of(participant), Map.of());

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

        BatchPlan plan = planner.plan(events(HubMessages.referral().build()), Map.of(), Set.of(),
                Map.of(caseKey, List.of(parked)));

        assertThat(kinds(plan)).containsExactly(CollaborationEventKind.REFERRAL, CollaborationEventKind.REFERRAL_ACCEPTED);
    }

    @Test
    void parkedConsentWithdrawalOutweighsTheConsentOfALaterReadReferral() {
        EventDraft parked = mapper.map(HubMessages.followUp(FollowUpKind.CONSENT_WITHDRAWN).build()).draft();

        BatchPlan plan = planner.plan(events(HubMessages.referral().build()), Map.of(), Set.of(),
                Map.of(caseKey, List.of(parked)));

        assertThat(plan.entries()).isEmpty();
    }

    @Test
    void parkedEventsAreSettledWithTheirReferral() {
        EventDraft parked = mapper.map(HubMessages.followUp(FollowUpKind.REFERRAL_ACCEPTED).build()).draft();

        BatchPlan plan = planner.plan(events(HubMessages.referral().build()), Map.of(), Set.of(),
                Map.of(caseKey, List.of(parked)));

        assertThat(plan.pendingCasesResolved()).containsExactly(caseKey);
    }

    @Test
    void eventsOfAWithdrawnCaseAreDropped() {
        BatchPlan plan = planner.plan(events(HubMessages.outcome(OutcomeKind.JOB_STARTED).build()),
                Map.of(caseKey, new CaseState(caseKey, participant, CaseStatus.WITHDRAWN, null, null, null, null)),
                Set.of(participant), Map.of());

        assertThat(plan.entries()).isEmpty();
    }
}
