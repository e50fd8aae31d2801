package no.ipshub.routes.deadletter;

import static no.ipshub.partners.support.TestPartners.NAV_OFFICE;
import static no.ipshub.partners.support.TestPartners.OTHER_NAV_OFFICE;
import static no.ipshub.partners.support.TestPartners.TEAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.registry.kafka.KafkaClientSettings;
import no.ipshub.routes.RoutesIntegrationTest;
import no.ipshub.routes.inbox.InboxReader;
import no.ipshub.routes.intake.PartnerIngressRoute;
import no.ipshub.routes.support.InboxAssertions;
import no.ipshub.routes.support.KafkaTestClient;
import no.ipshub.routes.support.RouteScenarios;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.v1.DeadLetter;
import no.ipshub.schemas.v1.DeadLetterReason;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.HubMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Bad records on a partner ingress topic: each becomes a dead letter on ips.deadletter-v1 with its reason
 * code, keyed by its original key, and the valid message the partner produces right after it to the same
 * partition (same key) still reaches the recipient's inbox: a bad record never blocks the partition.
 */
@RoutesIntegrationTest
class DeadLetterRoutingIT {

    @Autowired
    KafkaClientSettings kafkaSettings;
    @Autowired
    SchemaRegistryClient registry;
    @Autowired
    HubTopics topics;
    @Autowired
    InboxReader inbox;

    private KafkaTestClient kafka;
    private RouteScenarios scenarios;
    private final String caseId = "dead-" + UUID.randomUUID();

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(kafkaSettings);
        scenarios = new RouteScenarios(kafka, topics, registry);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    /** Produces the bad bytes, then a valid referral with the same key; returns the bad record's dead letter. */
    private DeadLetter deadLetterOf(String partner, byte[] bad) {
        scenarios.produceRaw(partner, caseId, bad);
        HubMessage valid = HubMessages.referral().caseId(caseId).build();
        scenarios.produce(TEAM, valid);
        await().atMost(RouteScenarios.WAIT)
                .until(() -> InboxAssertions.contains(inbox, NAV_OFFICE, valid.getMessageId()));
        return scenarios.findDeadLetter(caseId).orElseThrow(() -> new AssertionError("no dead letter for " + caseId));
    }

    private DeadLetter deadLetterOf(HubMessage bad) {
        return deadLetterOf(TEAM, scenarios.wireBytes(TEAM, bad));
    }

    private HubMessage validReferral() {
        return HubMessages.referral().caseId(caseId).build();
    }

    @Test
    void textIsAWrongMagicByte() {
        DeadLetter letter = deadLetterOf(TEAM, "{\"messageId\": \"not avro\"}".getBytes());

        assertThat(letter.getReasonCode()).isEqualTo(DeadLetterReason.WRONG_MAGIC_BYTE);
    }

    @Test
    void unregisteredSchemaIdIsAnUnknownSchemaId() {
        byte[] valid = scenarios.wireBytes(TEAM, validReferral());
        byte[] bad = valid.clone();
        ByteBuffer.wrap(bad).putInt(1, 987_654);

        assertThat(deadLetterOf(TEAM, bad).getReasonCode()).isEqualTo(DeadLetterReason.UNKNOWN_SCHEMA_ID);
    }

    @Test
    void truncatedAvroIsMalformed() {
        byte[] valid = scenarios.wireBytes(TEAM, validReferral());

        assertThat(deadLetterOf(TEAM, Arrays.copyOf(valid, 12)).getReasonCode())
                .isEqualTo(DeadLetterReason.MALFORMED_AVRO);
    }

    @Test
    void randomBytesAfterAValidHeaderAreMalformed() {
        byte[] bad = scenarios.wireBytes(TEAM, validReferral());
        byte[] noise = new byte[bad.length - 5];
        new Random(42).nextBytes(noise);
        System.arraycopy(noise, 0, bad, 5, noise.length);

        assertThat(deadLetterOf(TEAM, bad).getReasonCode()).isEqualTo(DeadLetterReason.MALFORMED_AVRO);
    }

    @Test
    void deadLetterKeepsTheOriginalBytesAndWhereTheyCameFrom() {
        byte[] bad = "not a message".getBytes();

        DeadLetter letter = deadLetterOf(TEAM, bad);

        assertThat(letter).satisfies(l -> {
            assertThat(l.getOriginalValue()).isEqualTo(ByteBuffer.wrap(bad));
            assertThat(l.getSourceTopic()).isEqualTo(topics.ingressFor(TEAM));
            assertThat(l.getSourceOffset()).isNotNegative();
            assertThat(l.getRouteId()).isEqualTo(PartnerIngressRoute.ROUTE_ID);
            assertThat(l.getPartner()).isEqualTo(TEAM);
        });
    }

    @Test
    void invalidFodselsnummerIsInvalidContentNamingTheFieldButNotTheValue() {
        String badId = "17059012345";
        HubMessage bad = HubMessages.referral().caseId(caseId).referral(r -> r.setParticipantNationalId(badId)).build();

        DeadLetter letter = deadLetterOf(bad);

        assertThat(letter.getReasonCode()).isEqualTo(DeadLetterReason.INVALID_CONTENT);
        assertThat(letter.getReason()).contains("payload.participantNationalId").doesNotContain(badId);
    }

    @Test
    void messageOnAnotherPartnersIngressTopicIsASpoofedSender() {
        HubMessage bad = HubMessages.referral().caseId(caseId).build();

        assertThat(deadLetterOf(NAV_OFFICE, scenarios.wireBytes(NAV_OFFICE, bad)).getReasonCode())
                .isEqualTo(DeadLetterReason.SPOOFED_SENDER);
    }

    @Test
    void messageToAnUnknownPartnerIsDeadLettered() {
        HubMessage bad = HubMessages.followUp(FollowUpKind.TREATMENT_TEAM_MEETING).caseId(caseId)
                .recipient("nav-atlantis").build();

        assertThat(deadLetterOf(bad).getReasonCode()).isEqualTo(DeadLetterReason.UNKNOWN_PARTNER);
    }

    @Test
    void followUpToAnOfficeOutsideTheCaseIsNotACaseParty() {
        String otherCase = "no-such-" + caseId;
        HubMessage bad = HubMessages.followUp(FollowUpKind.EMPLOYER_CONTACT).caseId(otherCase)
                .recipient(OTHER_NAV_OFFICE).build();
        scenarios.produceRaw(TEAM, otherCase, scenarios.wireBytes(TEAM, bad));

        DeadLetter deadLetter = scenarios.findDeadLetter(otherCase)
                .orElseThrow(() -> new AssertionError("no dead letter for " + otherCase));
        assertThat(deadLetter.getReasonCode()).isEqualTo(DeadLetterReason.NOT_A_CASE_PARTY);
    }

    /* The bound is checked before the case's state: no referral opened this case, yet the answer is the bound. */
    @Test
    void followUpWithAMessageIdOfSeventyThousandCharactersIsInvalidContentNamingTheBound() {
        HubMessage bad = HubMessages.followUp(FollowUpKind.EMPLOYER_CONTACT).caseId(caseId)
                .messageId("7".repeat(70_000)).build();

        DeadLetter letter = deadLetterOf(bad);

        assertThat(letter.getReasonCode()).isEqualTo(DeadLetterReason.INVALID_CONTENT);
        assertThat(letter.getReason()).contains("messageId OUT_OF_RANGE").doesNotContain("7777777777");
    }

    @Test
    void messageOverTheSizeLimitKeepsOnlyItsFirst64KiB() {
        byte[] huge = new byte[2 * 1024 * 1024];
        new Random(7).nextBytes(huge);
        huge[0] = 0;

        DeadLetter letter = deadLetterOf(TEAM, huge);

        assertThat(letter.getReasonCode()).isEqualTo(DeadLetterReason.MESSAGE_TOO_LARGE);
        assertThat(letter.getOriginalValue().remaining()).isEqualTo(DeadLetters.KEPT_BYTES_OF_OVERSIZED);
        assertThat(letter.getReason()).contains("2097152 bytes", "first 65536 bytes");
    }
}
