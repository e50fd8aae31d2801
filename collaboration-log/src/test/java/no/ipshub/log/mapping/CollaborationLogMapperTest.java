package no.ipshub.log.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import no.ipshub.log.support.LogFixtures;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.v1.CollaborationEventKind;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.HubMessage;
import no.ipshub.schemas.v1.OutcomeKind;
import no.ipshub.schemas.v1.Sector;
import org.junit.jupiter.api.Test;

class CollaborationLogMapperTest {

    private static final String NOTE = "Ringte mor, hun er bekymret for jobbintervjuet";
    private final CollaborationLogMapper mapper = LogFixtures.mapper();

    @Test
    void referralBecomesAPseudonymisedCaseOpening() {
        HubMessage referral = HubMessages.referral().build();

        LogEvent event = mapper.map(referral);

        assertThat(event.opening()).isEqualTo(new CaseOpening(
                LogFixtures.pseudonymiser().participantKey(HubMessages.PARTICIPANT_NATIONAL_ID), true,
                HubMessages.TEAM, HubMessages.NAV_OFFICE, HubMessages.REFERRAL_DATE,
                LogFixtures.pseudonymiser().jobSpecialistKey("js-01")));
    }

    @Test
    void neitherTheNationalIdNorTheNoteNorTheCaseIdReachTheEvent() {
        HubMessage referral = HubMessages.referral().referral(r -> r.setNote(NOTE)).build();

        String event = mapper.map(referral).toString();

        assertThat(event).doesNotContain(HubMessages.PARTICIPANT_NATIONAL_ID).doesNotContain(NOTE)
                .doesNotContain(HubMessages.CASE_ID).doesNotContain("js-01");
    }

    @Test
    void senderAndRecipientSectorsAndOrganisationsComeFromThePartnerDirectory() {
        EventDraft draft = mapper.map(HubMessages.followUp(FollowUpKind.NAV_COLLABORATION_MEETING).build()).draft();

        assertThat(draft).extracting(EventDraft::senderSector, EventDraft::senderOrganisation,
                EventDraft::recipientSector, EventDraft::recipientOrganisation)
                .containsExactly(Sector.HEALTH, LogFixtures.TEAM_ORGANISATION, Sector.NAV, LogFixtures.NAV_UNIT);
    }

    @Test
    void followUpKeepsItsKindDateAndEmployer() {
        EventDraft draft = mapper.map(HubMessages.followUp(FollowUpKind.EMPLOYER_CONTACT).build()).draft();

        assertThat(draft).extracting(EventDraft::kind, EventDraft::eventDate, EventDraft::employerOrganisationNumber)
                .containsExactly(CollaborationEventKind.EMPLOYER_CONTACT, HubMessages.FOLLOW_UP_DATE,
                        HubMessages.EMPLOYER_ORGANISATION_NUMBER);
    }

    @Test
    void dialogueNoteKeepsItsKindAndDate() {
        EventDraft draft = mapper.map(HubMessages.followUp(FollowUpKind.DIALOGUE_NOTE).schemaVersion(3)
                .followUp(f -> f.setNote(NOTE)).build()).draft();

        assertThat(draft).extracting(EventDraft::kind, EventDraft::eventDate)
                .containsExactly(CollaborationEventKind.DIALOGUE_NOTE, HubMessages.FOLLOW_UP_DATE);
    }

    @Test
    void theTextOfADialogueNoteNeverReachesTheEvent() {
        LogEvent event = mapper.map(HubMessages.followUp(FollowUpKind.DIALOGUE_NOTE).schemaVersion(3)
                .followUp(f -> f.setNote(NOTE)).build());

        assertThat(event.toString()).doesNotContain(NOTE).doesNotContain("bekymret");
    }

    @Test
    void rejectionReasonCodeIsKept() {
        EventDraft draft = mapper.map(HubMessages.followUp(FollowUpKind.REFERRAL_REJECTED).build()).draft();

        assertThat(draft.rejectionReason()).isEqualTo(HubMessages.REJECTION_REASON);
    }

    @Test
    void rejectionReasonInFreeTextIsReplacedByOther() {
        HubMessage rejected = HubMessages.followUp(FollowUpKind.REFERRAL_REJECTED)
                .followUp(f -> f.setReason("Han sier han ikke orker nå")).build();

        assertThat(mapper.map(rejected).draft().rejectionReason()).isEqualTo(CollaborationLogMapper.OTHER_REASON);
    }

    @Test
    void jobOutcomeKeepsTheStructuredJobFields() {
        EventDraft draft = mapper.map(HubMessages.outcome(OutcomeKind.JOB_STARTED).build()).draft();

        assertThat(draft).extracting(EventDraft::kind, EventDraft::styrkCode, EventDraft::hoursPerWeek,
                EventDraft::hourlyWage, EventDraft::competitive)
                .containsExactly(CollaborationEventKind.JOB_STARTED, HubMessages.STYRK_CODE, HubMessages.HOURS_PER_WEEK,
                        HubMessages.HOURLY_WAGE, true);
    }

    @Test
    void replayedMessageMapsToTheSameEntryId() {
        HubMessage message = HubMessages.outcome(OutcomeKind.EPISODE_CLOSED).build();

        assertThat(mapper.map(message).draft().entryId()).isEqualTo(mapper.map(message).draft().entryId());
    }
}
