package no.ipshub.log.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import no.ipshub.log.ResearchProperties;
import no.ipshub.log.pseudonym.Pseudonymiser;
import no.ipshub.log.store.CollaborationLogEntries;
import no.ipshub.log.support.LogIntegrationTest;
import no.ipshub.log.support.LogKafka;
import no.ipshub.log.support.SyntheticPeople;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.registry.serde.AvroWireCodec;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.v1.CollaborationEventKind;
import no.ipshub.schemas.v1.CollaborationLogEntry;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.HubMessage;
import no.ipshub.schemas.v1.OutcomeKind;
import org.apache.camel.CamelContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/*
 * The collaboration-log route end to end on an in-process broker and H2: canonical messages in, pseudonymised
 * entries in the store and on the compacted log topic, offsets committed after both, replays absorbed.
 */
@LogIntegrationTest
class CollaborationLogRouteIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    LogKafka kafka;
    @Autowired
    CollaborationLogEntries store;
    @Autowired
    Pseudonymiser pseudonyms;
    @Autowired
    HubTopics topics;
    @Autowired
    SchemaRegistryClient registry;
    @Autowired
    ResearchProperties research;
    @Autowired
    CamelContext camel;

    private String newCase() {
        return "case-route-" + UUID.randomUUID();
    }

    private HubMessage[] oneCase(String caseId, String nationalId) {
        return new HubMessage[] {
            HubMessages.referral().caseId(caseId).referral(r -> r.setParticipantNationalId(nationalId)).build(),
            HubMessages.followUp(FollowUpKind.REFERRAL_ACCEPTED).caseId(caseId).sender(HubMessages.NAV_OFFICE)
                    .recipient(HubMessages.TEAM).build(),
            HubMessages.followUp(FollowUpKind.EMPLOYER_CONTACT).caseId(caseId).build(),
            HubMessages.outcome(OutcomeKind.JOB_STARTED).caseId(caseId).build()};
    }

    @Test
    void messagesOfAConsentingParticipantBecomeEntriesInTheStore() {
        String participantId = SyntheticPeople.next();
        kafka.send(oneCase(newCase(), participantId));

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(store.countOfParticipant(pseudonyms.participantKey(participantId))).isEqualTo(4));
    }

    @Test
    void entriesReachTheLogTopicKeyedByEntryIdInTheWireFormat() {
        String caseId = newCase();
        HubMessage[] messages = oneCase(caseId, SyntheticPeople.next());
        kafka.send(messages);
        String entryId = pseudonyms.entryId(messages[3].getMessageId());
        AvroWireCodec codec = new AvroWireCodec(registry, false, false);

        await().atMost(WAIT).untilAsserted(() -> {
            List<ConsumerRecord<byte[], byte[]>> records = kafka.readAll(topics.collaborationLog());
            assertThat(records.stream()
                    .filter(r -> entryId.equals(new String(r.key(), StandardCharsets.UTF_8)) && r.value() != null)
                    .map(r -> codec.decode(r.value(), CollaborationLogEntry.class).getEventKind()).distinct().toList())
                    .containsExactly(CollaborationEventKind.JOB_STARTED);
        });
    }

    @Test
    void offsetsAreCommittedOnceTheBatchIsWritten() {
        String participantId = SyntheticPeople.next();
        kafka.send(oneCase(newCase(), participantId));

        await().atMost(WAIT).until(() -> store.countOfParticipant(pseudonyms.participantKey(participantId)) == 4
                && kafka.groupCaughtUp(CollaborationLogRoute.GROUP_ID));
    }

    @Test
    void replayedMessagesDoNotDoubleTheEntries() {
        String participantId = SyntheticPeople.next();
        HubMessage[] messages = oneCase(newCase(), participantId);
        kafka.send(messages);
        await().atMost(WAIT).until(() -> store.countOfParticipant(pseudonyms.participantKey(participantId)) == 4);

        kafka.send(messages);

        await().atMost(WAIT).until(() -> kafka.groupCaughtUp(CollaborationLogRoute.GROUP_ID));
        assertThat(store.countOfParticipant(pseudonyms.participantKey(participantId))).isEqualTo(4);
    }

    @Test
    void followUpReadBeforeItsReferralIsLoggedWhenTheReferralArrives() {
        String caseId = newCase();
        String participantId = SyntheticPeople.next();
        HubMessage[] messages = oneCase(caseId, participantId);
        kafka.send(messages[2]);
        await().atMost(WAIT).until(() -> kafka.groupCaughtUp(CollaborationLogRoute.GROUP_ID));

        kafka.send(messages[0]);

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(store.countOfParticipant(pseudonyms.participantKey(participantId))).isEqualTo(2));
    }

    @Test
    void recordThatIsNoMessageInsideABatchIsSkippedAndTheRestOfTheBatchIsLogged() throws Exception {
        String caseId = newCase();
        String participantId = SyntheticPeople.next();
        HubMessage[] messages = oneCase(caseId, participantId);
        // suspended, the route finds every record of the case waiting in one poll when it resumes
        camel.getRouteController().suspendRoute(CollaborationLogRoute.ROUTE_ID);
        try {
            kafka.send(messages[0], messages[1]);
            kafka.sendRaw(topics.canonicalFor(messages[2]), caseId, "not a message".getBytes(StandardCharsets.UTF_8));
            kafka.send(messages[2], messages[3]);
        } finally {
            camel.getRouteController().resumeRoute(CollaborationLogRoute.ROUTE_ID);
        }

        await().atMost(WAIT).until(() -> store.countOfParticipant(pseudonyms.participantKey(participantId)) == 4
                && kafka.groupCaughtUp(CollaborationLogRoute.GROUP_ID));
    }

    @Test
    void replayedBatchWithAWithdrawalInsideItChangesNothing() throws Exception {
        String caseId = newCase();
        String participantId = SyntheticPeople.next();
        String otherId = SyntheticPeople.next();
        HubMessage[] messages = oneCase(caseId, participantId);
        HubMessage[] others = oneCase(newCase(), otherId);
        HubMessage withdrawal = HubMessages.followUp(FollowUpKind.CONSENT_WITHDRAWN).caseId(caseId).build();
        HubMessage[] batch = {messages[0], messages[1], others[0], withdrawal, messages[2], others[1], others[2],
            messages[3], others[3]};
        camel.getRouteController().suspendRoute(CollaborationLogRoute.ROUTE_ID);
        try {
            kafka.send(batch);
        } finally {
            camel.getRouteController().resumeRoute(CollaborationLogRoute.ROUTE_ID);
        }
        await().atMost(WAIT).until(() -> store.countOfParticipant(pseudonyms.participantKey(otherId)) == 4
                && kafka.groupCaughtUp(CollaborationLogRoute.GROUP_ID));

        camel.getRouteController().suspendRoute(CollaborationLogRoute.ROUTE_ID);
        try {
            kafka.send(batch);
        } finally {
            camel.getRouteController().resumeRoute(CollaborationLogRoute.ROUTE_ID);
        }

        await().atMost(WAIT).until(() -> kafka.groupCaughtUp(CollaborationLogRoute.GROUP_ID));
        assertThat(List.of(store.countOfParticipant(pseudonyms.participantKey(participantId)),
                store.countOfParticipant(pseudonyms.participantKey(otherId)))).containsExactly(0L, 4L);
    }
}
