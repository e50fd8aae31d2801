package no.ipshub.hub.ops;

import static no.ipshub.hub.ops.OpsTestHub.JSON;
import static no.ipshub.hub.ops.OpsTestHub.NAV_OFFICE;
import static no.ipshub.hub.ops.OpsTestHub.OPERATOR;
import static no.ipshub.hub.ops.OpsTestHub.OPERATOR_KEY;
import static no.ipshub.hub.ops.OpsTestHub.newCaseId;
import static no.ipshub.hub.ops.OpsTestHub.newMessageId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import no.ipshub.engine.kafka.HubWireCodec;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.registry.kafka.KafkaClientSettings;
import no.ipshub.schemas.identifiers.SyntheticIdentifiers;
import no.ipshub.schemas.json.HubMessageJson;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/*
 * Partners added, suspended and removed at run time on a running hub: a new partner's topics and subjects exist at
 * once, its API key works at once, and its ingress topic is read without a restart; a suspended partner's messages
 * are refused over HTTP and dead-lettered over Kafka; a removed partner's inbox topic stays; every change is in the
 * hash-chained audit trail.
 */
@ExtendWith(OpsTestHub.Extension.class)
class PartnersApiIT {

    private static final Duration SOON = Duration.ofSeconds(60);
    private static OpsTestHub hub;

    @BeforeAll
    static void startHub() {
        hub = OpsTestHub.shared();
    }

    /** A new treatment team, with a unique id and a valid organisation number. */
    private static String newTeam(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static HttpResponse<String> add(String id) {
        String organisation = new SyntheticIdentifiers(id.hashCode()).organisationNumber();
        return hub.post("/api/v1/ops/partners", OPERATOR_KEY, "{\"id\":\"" + id + "\",\"name\":\"Team " + id
                + "\",\"sector\":\"HEALTH\",\"organisation\":\"" + organisation + "\"}");
    }

    private static String addedKey(String id) {
        HttpResponse<String> added = add(id);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        return JSON.readTree(added.body()).path("apiKey").asString();
    }

    private static HubMessage referralFrom(String team) {
        HubMessage message = OpsTestHub.referral(newMessageId(), newCaseId());
        message.setSender(team);
        ((no.ipshub.schemas.v1.Referral) message.getPayload()).setReferringTeam(team);
        return message;
    }

    private static HttpResponse<String> postMessage(String apiKey, HubMessage message, String query) {
        return hub.post("/api/v1/messages" + query, apiKey, new HubMessageJson().toJson(message));
    }

    @Test
    void addingAPartnerAnswers201WithItsKeyTokenOrganisationAndTopics() {
        String id = newTeam("added");

        JsonNode added = JSON.readTree(add(id).body());

        assertThat(added.path("apiKey").asString()).hasSizeGreaterThan(30);
        assertThat(added.path("tokenOrganisation").asString()).isEqualTo(added.path("partner").path("organisation").asString());
        assertThat(added.path("partner").path("ingressTopic").asString()).isEqualTo(hub.topics().ingressFor(id));
        assertThat(added.path("provisioning").path("acls").asString()).isEqualTo("NO_AUTHORIZER");
    }

    @Test
    void aNewPartnersTopicsAndSubjectsExistAtOnce() throws Exception {
        String id = newTeam("topics");
        addedKey(id);

        try (Admin admin = Admin.create(hub.bean(KafkaClientSettings.class).commonProperties())) {
            assertThat(admin.listTopics().names().get())
                    .contains(hub.topics().ingressFor(id), hub.topics().inboxFor(id));
        }
        assertThat(hub.bean(SchemaRegistryClient.class).getSubjects())
                .contains(hub.topics().ingressFor(id) + "-value", hub.topics().inboxFor(id) + "-value");
    }

    private static Config topicConfig(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin admin = Admin.create(hub.bean(KafkaClientSettings.class).commonProperties())) {
            return admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
        }
    }

    @Test
    void aNewPartnersIngressTopicKeepsAMessageForTheIngressRetentionByTheBrokersClock() throws Exception {
        String id = newTeam("retained");
        addedKey(id);

        Config config = topicConfig(hub.topics().ingressFor(id));
        assertThat(config.get("retention.ms").value())
                .isEqualTo(Long.toString(hub.topics().ingressRetention().toMillis()));
        assertThat(config.get("message.timestamp.type").value()).isEqualTo("LogAppendTime");
    }

    /* The partner's ingress topic was made before it was added (by hand, with the broker's 7-day default). */
    @Test
    void anIngressTopicThatExistedBeforeItsPartnerWasAddedGetsTheIngressRetention() throws Exception {
        String id = newTeam("premade");
        try (Admin admin = Admin.create(hub.bean(KafkaClientSettings.class).commonProperties())) {
            admin.createTopics(List.of(new NewTopic(hub.topics().ingressFor(id), hub.topics().partitions().ingress(),
                    (short) 1).configs(Map.of("retention.ms", Long.toString(Duration.ofDays(7).toMillis())))))
                    .all().get(30, TimeUnit.SECONDS);
        }

        addedKey(id);

        // the broker applies a changed topic setting a moment after the change is accepted
        await().atMost(SOON).untilAsserted(() -> assertThat(topicConfig(hub.topics().ingressFor(id))
                .get("retention.ms").value()).isEqualTo(Long.toString(hub.topics().ingressRetention().toMillis())));
    }

    @Test
    void aNewPartnersKeyWorksAtOnce() {
        String id = newTeam("keyed");
        String key = addedKey(id);

        HttpResponse<String> dryRun = postMessage(key, referralFrom(id), "?dryRun=true");

        assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
    }

    @Test
    void aNewPartnersIngressTopicIsReadWithoutARestart() {
        String id = newTeam("kafka");
        addedKey(id);
        HubMessage message = referralFrom(id);

        hub.produce(hub.topics().ingressFor(id), message.getCaseId().getBytes(StandardCharsets.UTF_8),
                hub.bean(HubWireCodec.class).encode(hub.topics().ingressFor(id), message));

        await().atMost(SOON).until(() -> hub.inbox(NAV_OFFICE).contains(message.getMessageId()));
    }

    @Test
    void aSuspendedPartnersHttpMessageIsRefusedWith403() {
        String id = newTeam("suspended");
        String key = addedKey(id);

        assertThat(hub.post("/api/v1/ops/partners/" + id + "/suspend", OPERATOR_KEY, "").statusCode()).isEqualTo(200);
        HttpResponse<String> refused = postMessage(key, referralFrom(id), "");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).path("detail").asString()).contains("suspended");
    }

    @Test
    void aSuspendedPartnersKafkaRecordIsDeadLetteredAsUnknownPartner() {
        String id = newTeam("parked");
        addedKey(id);
        long before = unknownPartnerDeadLetters();
        hub.post("/api/v1/ops/partners/" + id + "/suspend", OPERATOR_KEY, "");
        HubMessage message = referralFrom(id);

        hub.produce(hub.topics().ingressFor(id), message.getCaseId().getBytes(StandardCharsets.UTF_8),
                hub.bean(HubWireCodec.class).encode(hub.topics().ingressFor(id), message));

        await().atMost(SOON).until(() -> unknownPartnerDeadLetters() > before);
        assertThat(hub.inbox(NAV_OFFICE)).doesNotContain(message.getMessageId());
    }

    @Test
    void aReinstatedPartnerSendsAgain() {
        String id = newTeam("back");
        String key = addedKey(id);
        hub.post("/api/v1/ops/partners/" + id + "/suspend", OPERATOR_KEY, "");

        hub.post("/api/v1/ops/partners/" + id + "/reinstate", OPERATOR_KEY, "");

        assertThat(postMessage(key, referralFrom(id), "?dryRun=true").statusCode()).isEqualTo(200);
    }

    @Test
    void aRemovedPartnersInboxTopicIsKeptAndItsIdIsNotGivenOutAgain() throws Exception {
        String id = newTeam("removed");
        String key = addedKey(id);

        HttpResponse<String> removed = hub.send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/api/v1/ops/partners/" + id))
                .header("Authorization", "Bearer " + OPERATOR_KEY).DELETE());

        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(postMessage(key, referralFrom(id), "").statusCode()).isEqualTo(401);
        try (Admin admin = Admin.create(hub.bean(KafkaClientSettings.class).commonProperties())) {
            assertThat(admin.listTopics().names().get()).contains(hub.topics().inboxFor(id));
        }
        assertThat(add(id).statusCode()).isEqualTo(409);
    }

    @Test
    void aPartnerWithInvalidFieldsIsRefusedWith400NamingEachOne() {
        HttpResponse<String> refused = hub.post("/api/v1/ops/partners", OPERATOR_KEY,
                "{\"id\":\"Not Valid\",\"name\":\"x\",\"sector\":\"HEALTH\",\"organisation\":\"123456789\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).path("errors").valueStream().map(e -> e.path("field").asString()))
                .containsExactlyInAnyOrder("id", "organisation");
    }

    @Test
    void everyChangeIsInTheAuditTrailWithItsOperatorAndTheChainIsIntact() {
        String id = newTeam("audited");
        addedKey(id);
        hub.post("/api/v1/ops/partners/" + id + "/suspend", OPERATOR_KEY, "");
        hub.post("/api/v1/ops/partners/" + id + "/reinstate", OPERATOR_KEY, "");

        JsonNode audit = hub.getJson("/api/v1/ops/audit?limit=1000");

        List<String> actions = audit.path("records").valueStream()
                .filter(r -> r.path("query").asString().startsWith("partner=" + id + " "))
                .map(r -> r.path("actor").asString() + " " + r.path("action").asString()).toList();
        assertThat(actions).containsExactly(OPERATOR + " PARTNER_ADDED", OPERATOR + " PARTNER_SUSPENDED",
                OPERATOR + " PARTNER_REINSTATED");
        assertThat(audit.path("verification").path("intact").asBoolean()).isTrue();
    }

    @Test
    void aPartnerCannotAddPartners() {
        assertThat(hub.post("/api/v1/ops/partners", OpsTestHub.TEAM_KEY, "{}").statusCode()).isEqualTo(403);
    }

    private static long unknownPartnerDeadLetters() {
        return hub.getJson("/api/v1/ops/deadletters?reason=UNKNOWN_PARTNER&size=1").path("total").asLong();
    }
}
