package no.ipshub.routes.intake;

import static no.ipshub.partners.support.TestPartners.NAV_OFFICE;
import static no.ipshub.partners.support.TestPartners.OTHER_TEAM;
import static no.ipshub.partners.support.TestPartners.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import no.ipshub.engine.state.CaseStateStore;
import no.ipshub.engine.state.StateChangelog;
import no.ipshub.engine.state.StateChanges;
import no.ipshub.partners.support.TestPartners;
import no.ipshub.routes.intake.IntakeResult.Status;
import no.ipshub.routes.validation.IngressValidator;
import no.ipshub.routes.validation.ViolationCode;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.HubMessage;
import org.junit.jupiter.api.Test;

/** The intake's decision on one message against its case's state, without Kafka. */
class IntakeDeciderTest {

    private static final Instant NOW = Instant.parse("2025-06-02T10:00:00Z");

    private final IntakeDecider decider = new IntakeDecider(new IngressValidator(TestPartners.directory(),
            Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5)));
    private final CaseStateStore state = new CaseStateStore(new StateChangelog("ips.intake-state-v1", 3), null);

    private IntakeResult decide(HubMessage message, String from, StateChanges changes) {
        return decider.decide(new Submission(message, from), state, changes, NOW.toEpochMilli());
    }

    /** Decides in one batch and applies its changes, as a committed batch does. */
    private IntakeResult decideAndCommit(HubMessage message, String from) {
        StateChanges changes = state.changes();
        IntakeResult result = decide(message, from, changes);
        state.apply(changes);
        return result;
    }

    private static HubMessage referral() {
        return HubMessages.referral().caseId("case-" + UUID.randomUUID()).build();
    }

    private static HubMessage acceptanceOf(HubMessage referral) {
        return HubMessages.followUp(FollowUpKind.REFERRAL_ACCEPTED).caseId(referral.getCaseId())
                .sender(NAV_OFFICE).recipient(TEAM).build();
    }

    @Test
    void validReferralIsAccepted() {
        assertThat(decideAndCommit(referral(), TEAM).status()).isEqualTo(Status.ACCEPTED);
    }

    @Test
    void acceptedReferralWritesItsIdAndItsCasePartiesToTheChangelog() {
        StateChanges changes = state.changes();

        decide(referral(), TEAM, changes);

        assertThat(changes.records()).extracting(r -> new String(r.key()).substring(0, 2)).containsExactly("a|", "c|");
    }

    @Test
    void repeatedMessageIdIsADuplicate() {
        HubMessage referral = referral();
        decideAndCommit(referral, TEAM);

        assertThat(decideAndCommit(referral, TEAM).status()).isEqualTo(Status.DUPLICATE);
    }

    @Test
    void repeatedMessageChangesNothing() {
        HubMessage referral = referral();
        decideAndCommit(referral, TEAM);
        StateChanges changes = state.changes();

        decide(referral, TEAM, changes);

        assertThat(changes.records()).isEmpty();
    }

    @Test
    void messageIdAlreadyUsedInTheCaseByAnotherPartnerIsRejected() {
        HubMessage referral = referral();
        decideAndCommit(referral, TEAM);
        HubMessage acceptance = HubMessages.followUp(FollowUpKind.REFERRAL_ACCEPTED).caseId(referral.getCaseId())
                .messageId(referral.getMessageId()).sender(NAV_OFFICE).recipient(TEAM).build();

        IntakeResult result = decideAndCommit(acceptance, NAV_OFFICE);

        assertThat(result.violations()).extracting(v -> v.code()).containsExactly(ViolationCode.MESSAGE_ID_IN_USE);
    }

    @Test
    void sameMessageTwiceInOneBatchIsAcceptedOnce() {
        HubMessage referral = referral();
        StateChanges changes = state.changes();

        IntakeResult first = decide(referral, TEAM, changes);
        IntakeResult second = decide(referral, TEAM, changes);

        assertThat(new Status[] {first.status(), second.status()}).containsExactly(Status.ACCEPTED, Status.DUPLICATE);
    }

    @Test
    void acceptanceInTheSameBatchAfterItsReferralIsAccepted() {
        HubMessage referral = referral();
        StateChanges changes = state.changes();
        decide(referral, TEAM, changes);

        assertThat(decide(acceptanceOf(referral), NAV_OFFICE, changes).status()).isEqualTo(Status.ACCEPTED);
    }

    @Test
    void acceptanceOfACaseOpenedInAnEarlierBatchIsAccepted() {
        HubMessage referral = referral();
        decideAndCommit(referral, TEAM);

        assertThat(decideAndCommit(acceptanceOf(referral), NAV_OFFICE).status()).isEqualTo(Status.ACCEPTED);
    }

    @Test
    void followUpOfACaseNoReferralOpenedIsNotACaseParty() {
        IntakeResult result = decideAndCommit(acceptanceOf(referral()), NAV_OFFICE);

        assertThat(result.violations()).extracting(v -> v.code()).containsExactly(ViolationCode.NOT_A_CASE_PARTY);
    }

    @Test
    void followUpFromATeamThatIsNotThePartyOfTheCaseIsNotACaseParty() {
        HubMessage referral = referral();
        decideAndCommit(referral, TEAM);
        HubMessage meeting = HubMessages.followUp(FollowUpKind.NAV_COLLABORATION_MEETING).caseId(referral.getCaseId())
                .sender(OTHER_TEAM).recipient(NAV_OFFICE).build();

        IntakeResult result = decideAndCommit(meeting, OTHER_TEAM);

        assertThat(result.violations()).extracting(v -> v.code()).containsExactly(ViolationCode.NOT_A_CASE_PARTY);
    }

    @Test
    void dryRunOfAValidMessageIsAcceptedAndChangesNothing() {
        StateChanges changes = state.changes();

        IntakeResult result = decider.decide(new Submission(referral(), TEAM, true), state, changes, NOW.toEpochMilli());

        assertThat(result.status()).isEqualTo(Status.ACCEPTED);
        assertThat(changes.records()).isEmpty();
    }

    @Test
    void dryRunOfAMessageAcceptedBeforeIsADuplicate() {
        HubMessage referral = referral();
        decideAndCommit(referral, TEAM);

        IntakeResult result = decider.decide(new Submission(referral, TEAM, true), state, state.changes(),
                NOW.toEpochMilli());

        assertThat(result.status()).isEqualTo(Status.DUPLICATE);
    }
}
