package no.ipshub.routes.intake;

import static no.ipshub.partners.support.TestPartners.NAV_OFFICE;
import static no.ipshub.partners.support.TestPartners.OTHER_TEAM;
import static no.ipshub.partners.support.TestPartners.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.registry.kafka.KafkaClientSettings;
import no.ipshub.routes.RoutesIntegrationTest;
import no.ipshub.routes.intake.IntakeResult.Status;
import no.ipshub.routes.support.KafkaTestClient;
import no.ipshub.routes.support.RouteScenarios;
import no.ipshub.routes.validation.ViolationCode;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.HubMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Submissions the way the HTTP edge makes them. This instance owns every partition, so valid messages are decided
 * from memory and answered once on the submission topic; refusals that rest on the case's state go through the
 * submission topic to the intake and are answered on the reply topic. Each test uses its own case and message ids.
 */
@RoutesIntegrationTest
class MessageSubmissionsIT {

    private static final Duration SHORT = Duration.ofSeconds(3);

    @Autowired
    MessageSubmissions submissions;
    @Autowired
    KafkaClientSettings kafkaSettings;
    @Autowired
    SchemaRegistryClient registry;
    @Autowired
    HubTopics topics;

    private KafkaTestClient kafka;
    private RouteScenarios scenarios;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(kafkaSettings);
        scenarios = new RouteScenarios(kafka, topics, registry);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    private static HubMessage referral() {
        return HubMessages.referral().caseId("submit-" + UUID.randomUUID()).build();
    }

    @Test
    void acceptedMessageReachesTheRecipientsInboxTopicSoonAfterTheAnswer() {
        HubMessage referral = referral();

        assertThat(submissions.submit(referral, TEAM, false).status()).isEqualTo(Status.ACCEPTED);

        assertThat(scenarios.findMessage(topics.inboxFor(NAV_OFFICE), referral.getMessageId(), SHORT)).isPresent();
    }

    @Test
    void validMessageOnAPartitionThisInstanceOwnsIsAnsweredFromMemory() {
        long before = submissions.answeredFromMemory();

        submissions.submit(referral(), TEAM, false);

        assertThat(submissions.answeredFromMemory()).isEqualTo(before + 1);
    }

    /* The referral is accepted from memory and not yet taken in when its follow-up comes: the follow-up sees the
       referral's parties among the pending submissions and is accepted at once, and both reach the inbox in order. */
    @Test
    void followUpRightAfterItsReferralIsAcceptedFromMemory() {
        HubMessage referral = referral();
        HubMessage accepted = HubMessages.followUp(FollowUpKind.REFERRAL_ACCEPTED).caseId(referral.getCaseId())
                .sender(NAV_OFFICE).recipient(TEAM).correlationId(referral.getMessageId()).build();
        long before = submissions.answeredFromMemory();

        assertThat(submissions.submit(referral, TEAM, false).status()).isEqualTo(Status.ACCEPTED);
        assertThat(submissions.submit(accepted, NAV_OFFICE, false).status()).isEqualTo(Status.ACCEPTED);

        assertThat(submissions.answeredFromMemory()).isEqualTo(before + 2);
        assertThat(scenarios.findMessage(topics.inboxFor(TEAM), accepted.getMessageId(), SHORT)).isPresent();
    }

    @Test
    void acceptedMessageReachesItsCanonicalTopicSoonAfterTheAnswer() {
        HubMessage referral = referral();

        submissions.submit(referral, TEAM, false);

        assertThat(scenarios.findMessage(topics.referral(), referral.getMessageId(), SHORT)).isPresent();
    }

    @Test
    void messageSentAgainIsADuplicate() {
        HubMessage referral = referral();
        submissions.submit(referral, TEAM, false);

        assertThat(submissions.submit(referral, TEAM, false).status()).isEqualTo(Status.DUPLICATE);
    }

    @Test
    void messageSentAgainIsInTheInboxTopicOnce() {
        HubMessage referral = referral();
        submissions.submit(referral, TEAM, false);
        submissions.submit(referral, TEAM, false);

        assertThat(scenarios.countMessage(topics.inboxFor(NAV_OFFICE), referral.getMessageId())).isEqualTo(1);
    }

    @Test
    void followUpOfThePartiesOfTheCaseIsAccepted() {
        HubMessage referral = referral();
        submissions.submit(referral, TEAM, false);
        HubMessage accepted = HubMessages.followUp(FollowUpKind.REFERRAL_ACCEPTED).caseId(referral.getCaseId())
                .sender(NAV_OFFICE).recipient(TEAM).build();

        assertThat(submissions.submit(accepted, NAV_OFFICE, false).status()).isEqualTo(Status.ACCEPTED);
    }

    @Test
    void followUpFromATeamThatIsNotAPartyOfTheCaseIsNotACaseParty() {
        HubMessage referral = referral();
        submissions.submit(referral, TEAM, false);
        HubMessage meeting = HubMessages.followUp(FollowUpKind.NAV_COLLABORATION_MEETING).caseId(referral.getCaseId())
                .sender(OTHER_TEAM).recipient(NAV_OFFICE).build();

        IntakeResult result = submissions.submit(meeting, OTHER_TEAM, false);

        assertThat(result.violations()).extracting(v -> v.code()).containsExactly(ViolationCode.NOT_A_CASE_PARTY);
    }

    @Test
    void rejectedMessageIsNotDeadLettered() {
        HubMessage meeting = HubMessages.followUp(FollowUpKind.NAV_COLLABORATION_MEETING)
                .caseId("submit-" + UUID.randomUUID()).sender(TEAM).recipient(NAV_OFFICE).build();
        submissions.submit(meeting, TEAM, false);

        assertThat(scenarios.findDeadLetter(meeting.getCaseId(), SHORT)).isEmpty();
    }

    @Test
    void dryRunOfAValidMessageIsAcceptedAndPublishesNothing() {
        HubMessage referral = referral();

        assertThat(submissions.submit(referral, TEAM, true).status()).isEqualTo(Status.ACCEPTED);
        assertThat(scenarios.findMessage(topics.inboxFor(NAV_OFFICE), referral.getMessageId(), SHORT)).isEmpty();
    }

    @Test
    void messageSentAfterItsDryRunIsAccepted() {
        HubMessage referral = referral();
        submissions.submit(referral, TEAM, true);

        assertThat(submissions.submit(referral, TEAM, false).status()).isEqualTo(Status.ACCEPTED);
    }

    @Test
    void dryRunOfAFollowUpFromANonPartyIsNotACaseParty() {
        HubMessage meeting = HubMessages.followUp(FollowUpKind.NAV_COLLABORATION_MEETING)
                .caseId("submit-" + UUID.randomUUID()).sender(TEAM).recipient(NAV_OFFICE).build();

        IntakeResult result = submissions.submit(meeting, TEAM, true);

        assertThat(result.violations()).extracting(v -> v.code()).containsExactly(ViolationCode.NOT_A_CASE_PARTY);
    }

    /* Eight requests with the same message at once, as a partner retrying impatiently: one is accepted, the
       others are duplicates, and the inbox holds the message once. */
    @Test
    void concurrentCopiesOfAMessageAreAcceptedOnce() {
        HubMessage referral = referral();
        List<CompletableFuture<IntakeResult>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(CompletableFuture.supplyAsync(() -> submissions.submit(referral, TEAM, false)));
        }

        assertThat(answers.stream().map(CompletableFuture::join).map(IntakeResult::status))
                .containsOnlyOnce(Status.ACCEPTED).containsOnly(Status.ACCEPTED, Status.DUPLICATE);
    }
}
