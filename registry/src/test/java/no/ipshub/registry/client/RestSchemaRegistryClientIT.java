package no.ipshub.registry.client;

import static no.ipshub.registry.fixtures.TestMessages.GREETING_REQUIRED_FIELD;
import static no.ipshub.registry.fixtures.TestMessages.GREETING_V1;
import static no.ipshub.registry.fixtures.TestMessages.GREETING_V2;
import static no.ipshub.registry.fixtures.TestMessages.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.util.List;
import java.util.UUID;
import no.ipshub.registry.core.SchemaRegistryClients;
import no.ipshub.schemas.v1.HubMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The REST client against the embedded registry served over HTTP by a running application. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "hub.schema-registry.topic=_schemas-app-it")
class RestSchemaRegistryClientIT {

    @LocalServerPort
    private int port;

    private SchemaRegistryClient client;
    private String subject;

    @BeforeEach
    void setUp() {
        client = SchemaRegistryClients.create(url());
        subject = "rest-" + UUID.randomUUID() + "-value";
    }

    @Test
    void aRegisteredSchemaIsFoundByIdByAnotherClient() {
        int id = client.register(subject, HubMessage.getClassSchema());

        assertThat(SchemaRegistryClients.create(url()).getById(id)).isEqualTo(HubMessage.getClassSchema());
    }

    @Test
    void theIdOfARegisteredSchemaIsLookedUp() {
        int id = client.register(subject, schema(GREETING_V1));

        assertThat(SchemaRegistryClients.create(url()).getId(subject, schema(GREETING_V1))).isEqualTo(id);
    }

    @Test
    void theLatestVersionCarriesItsNumberIdAndSchema() {
        client.register(subject, schema(GREETING_V1));
        int id = client.register(subject, schema(GREETING_V2));

        SchemaRegistryClient.SubjectVersion latest = client.getLatest(subject);

        assertThat(List.of(latest.version(), latest.id(), latest.schema())).containsExactly(2, id, schema(GREETING_V2));
    }

    @Test
    void versionsAndSubjectsAreListed() {
        client.register(subject, schema(GREETING_V1));
        client.register(subject, schema(GREETING_V2));

        assertThat(List.of(client.getVersions(subject), client.getSubjects().contains(subject)))
                .containsExactly(List.of(1, 2), true);
    }

    @Test
    void compatibilityFollowsTheSubjectLevel() {
        client.register(subject, schema(GREETING_V1));

        assertThat(List.of(client.isCompatible(subject, schema(GREETING_V2)),
                client.isCompatible(subject, schema(GREETING_REQUIRED_FIELD)))).containsExactly(true, false);
    }

    @Test
    void anIncompatibleRegistrationFailsWith409() {
        client.register(subject, schema(GREETING_V1));

        assertThatThrownBy(() -> client.register(subject, schema(GREETING_REQUIRED_FIELD)))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(409));
    }

    @Test
    void hubSubjectsAreHeldToBackwardTransitive() {
        HubSubjects.ensureRegistered(client, subject.replace("-value", ""), schema(GREETING_V1));

        assertThat(client.getCompatibility(subject)).isEqualTo("BACKWARD_TRANSITIVE");
    }

    @Test
    void aSubjectWithoutItsOwnLevelReportsTheGlobalOne() {
        assertThat(client.getCompatibility(subject)).isEqualTo(client.getCompatibility(null));
    }

    @Test
    void aSoftDeletedVersionIsStillFoundWhenDeletedOnesAreIncluded() {
        client.register(subject, schema(GREETING_V1));
        client.deleteVersion(subject, 1, false);

        assertThat(client.lookup(subject, schema(GREETING_V1), true).version()).isEqualTo(1);
    }

    @Test
    void aSubjectIsDeletedSoftThenPermanently() {
        client.register(subject, schema(GREETING_V1));

        assertThat(List.of(client.deleteSubject(subject, false), client.deleteSubject(subject, true)))
                .containsExactly(List.of(1), List.of(1));
    }

    @Test
    void anUnknownSubjectFailsWith40401() {
        assertThatThrownBy(() -> client.getLatest(subject))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40401));
    }

    @Test
    void aDeadFirstUrlFailsOverToTheNextOne() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        SchemaRegistryClient failingOver = SchemaRegistryClients.create("http://127.0.0.1:" + deadPort + "/registry," + url());

        assertThat(failingOver.register(subject, schema(GREETING_V1))).isPositive();
    }

    private String url() {
        return "http://localhost:" + port + "/registry";
    }
}
