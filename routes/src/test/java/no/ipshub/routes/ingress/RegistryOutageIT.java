package no.ipshub.routes.ingress;

import static no.ipshub.partners.support.TestPartners.NAV_OFFICE;
import static no.ipshub.partners.support.TestPartners.TEAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import no.ipshub.partners.schema.HubSchemaRegistration;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.registry.kafka.KafkaClientSettings;
import no.ipshub.routes.RoutesIntegrationTest;
import no.ipshub.routes.inbox.InboxReader;
import no.ipshub.routes.support.InboxAssertions;
import no.ipshub.routes.support.KafkaTestClient;
import no.ipshub.routes.support.RouteScenarios;
import no.ipshub.routes.support.SwitchableSchemaRegistry;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The schema registry is away while a partner sends a message written with a schema version the hub has not
 * seen yet: the hub cannot decode it, retries with back-off instead of dead-lettering it, and delivers it
 * once the registry is back.
 */
@RoutesIntegrationTest
class RegistryOutageIT {

    @Autowired
    KafkaClientSettings kafkaSettings;
    @Autowired
    SchemaRegistryClient registry;
    @Autowired
    SwitchableSchemaRegistry outage;
    @Autowired
    HubTopics topics;
    @Autowired
    InboxReader inbox;

    private KafkaTestClient kafka;
    private RouteScenarios scenarios;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(kafkaSettings);
        scenarios = new RouteScenarios(kafka, topics, registry);
    }

    @AfterEach
    void restoreRegistry() {
        outage.up();
        kafka.close();
    }

    /**
     * The message in the wire format of a newer HubMessage version (one optional field more, at the end),
     * registered under the partner's ingress subject: an id the hub's decoder has never looked up.
     */
    private byte[] writtenWithNewerVersion(HubMessage message) {
        Schema current = HubMessage.getClassSchema();
        List<Schema.Field> fields = new ArrayList<>();
        current.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(new Schema.Field("channel" + UUID.randomUUID().toString().replace("-", ""),
                Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
                "How the message was sent. Null when not known.", Schema.Field.NULL_DEFAULT_VALUE));
        Schema newer = Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false, fields);
        int id = registry.register(HubSchemaRegistration.subject(topics.ingressFor(TEAM)), newer);
        byte[] currentBytes = scenarios.wireBytes(TEAM, message);
        byte[] bytes = Arrays.copyOf(currentBytes, currentBytes.length + 1);
        ByteBuffer.wrap(bytes).putInt(1, id);
        bytes[bytes.length - 1] = 0; // the new field's union branch: null
        return bytes;
    }

    @Test
    void messageThatCannotBeDecodedWhileTheRegistryIsAwayIsDeliveredOnceItIsBack() {
        HubMessage referral = HubMessages.referral().caseId("outage-" + UUID.randomUUID()).build();
        byte[] bytes = writtenWithNewerVersion(referral);
        outage.down();

        scenarios.produceRaw(TEAM, referral.getCaseId(), bytes);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(15))
                .until(() -> !InboxAssertions.contains(inbox, NAV_OFFICE, referral.getMessageId()));
        outage.up();

        await().atMost(RouteScenarios.WAIT)
                .until(() -> InboxAssertions.contains(inbox, NAV_OFFICE, referral.getMessageId()));
    }

    @Test
    void messageDelayedByARegistryOutageIsNotDeadLettered() {
        HubMessage referral = HubMessages.referral().caseId("outage-" + UUID.randomUUID()).build();
        byte[] bytes = writtenWithNewerVersion(referral);
        outage.down();
        scenarios.produceRaw(TEAM, referral.getCaseId(), bytes);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(15))
                .until(() -> !InboxAssertions.contains(inbox, NAV_OFFICE, referral.getMessageId()));
        outage.up();
        await().atMost(RouteScenarios.WAIT)
                .until(() -> InboxAssertions.contains(inbox, NAV_OFFICE, referral.getMessageId()));

        assertThat(scenarios.findDeadLetter(referral.getCaseId(), Duration.ofSeconds(2))).isEmpty();
    }
}
