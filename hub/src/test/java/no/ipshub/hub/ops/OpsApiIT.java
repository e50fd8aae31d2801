package no.ipshub.hub.ops;

import static no.ipshub.hub.ops.OpsTestHub.INGRESS_ROUTE;
import static no.ipshub.hub.ops.OpsTestHub.JSON;
import static no.ipshub.hub.ops.OpsTestHub.LAG_ALERT_AGE;
import static no.ipshub.hub.ops.OpsTestHub.NAV_OFFICE;
import static no.ipshub.hub.ops.OpsTestHub.OPERATOR_KEY;
import static no.ipshub.hub.ops.OpsTestHub.TEAM;
import static no.ipshub.hub.ops.OpsTestHub.newCaseId;
import static no.ipshub.hub.ops.OpsTestHub.newMessageId;
import static no.ipshub.hub.ops.OpsTestHub.referral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import no.ipshub.connectors.webhook.WebhookDispatcher;
import no.ipshub.engine.supervision.LoopHandle;
import no.ipshub.engine.supervision.LoopKind;
import no.ipshub.engine.supervision.SupervisedLoops;
import no.ipshub.operations.dashboard.OpsSampler;
import no.ipshub.operations.deadletter.DeadLetterIndexRoute;
import no.ipshub.partners.JdbcPartnerDirectory;
import no.ipshub.routes.inbox.InboxReader;
import no.ipshub.routes.intake.IntakeReplies;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/*
 * The dashboard's data as JSON, read from a running hub: routes with their state and figures, suspend and resume,
 * consumer lag, throughput samples, partners' last activity, registry subjects, health and the long-running loops.
 */
@ExtendWith(OpsTestHub.Extension.class)
class OpsApiIT {

    private static final Duration SOON = Duration.ofSeconds(60);
    private static OpsTestHub hub;

    @BeforeAll
    static void startHub() {
        hub = OpsTestHub.shared();
    }

    @Test
    void theRoutesListShowsEveryRouteWithItsStateAndConsumerGroup() {
        JsonNode routes = hub.getJson("/api/v1/ops/routes");

        JsonNode ingress = routes.valueStream().filter(r -> r.path("id").asString().equals("partner-ingress"))
                .findFirst().orElseThrow();
        assertThat(routes.valueStream().map(r -> r.path("id").asString()))
                .contains("partner-ingress", "partner-activity", DeadLetterIndexRoute.ROUTE_ID);
        assertThat(ingress.path("state").asString()).isEqualTo("Started");
        assertThat(ingress.path("consumerGroup").asString()).isEqualTo(OpsTestHub.INGRESS_GROUP);
    }

    @Test
    void aDeliveredMessageCountsInTheRoutesFiguresAndThroughput() {
        HubMessage message = referral(newMessageId(), newCaseId());
        hub.produce(hub.topics().ingressFor(TEAM), message.getCaseId().getBytes(StandardCharsets.UTF_8),
                hub.wireBytes(message));
        await().atMost(SOON).until(() -> hub.inbox(NAV_OFFICE).contains(message.getMessageId()));

        await().atMost(SOON).untilAsserted(() -> {
            // the ingress route takes a message into its recipient's inbox in the same transaction
            JsonNode delivery = hub.getJson("/api/v1/ops/routes/partner-ingress");
            assertThat(delivery.path("exchangesTotal").asLong()).isPositive();
            JsonNode series = hub.getJson("/api/v1/ops/throughput").path("routes").path("partner-ingress");
            assertThat(series.valueStream().mapToDouble(p -> p.path("recordsPerSecond").asDouble()).sum()).isPositive();
        });
    }

    /*
     * A suspended dead-letter-index route stops reading: a new dead letter waits on the topic and shows as lag of
     * the route's consumer group. Resumed, the route indexes it and the lag returns to zero.
     */
    @Test
    void aSuspendedRouteBuildsUpLagUntilItIsResumed() {
        String route = DeadLetterIndexRoute.ROUTE_ID;
        try {
            assertThat(hub.post("/api/v1/ops/routes/" + route + "/suspend", OPERATOR_KEY, "").statusCode()).isEqualTo(200);
            await().atMost(SOON).until(() -> hub.getJson("/api/v1/ops/routes/" + route).path("state").asString(),
                    "Suspended"::equals);
            RecordMetadata written = hub.produce(hub.topics().ingressFor(TEAM),
                    newCaseId().getBytes(StandardCharsets.UTF_8),
                    ("waiting while suspended " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));

            await().atMost(SOON).until(() -> routeLag(route) > 0);
            assertThat(deadLetterAt(written)).isFalse();
        } finally {
            HttpResponse<String> resumed = hub.post("/api/v1/ops/routes/" + route + "/resume", OPERATOR_KEY, "");
            assertThat(JSON.readTree(resumed.body()).path("state").asString()).isEqualTo("Started");
        }
        await().atMost(SOON).until(() -> routeLag(route) == 0);
    }

    /*
     * With the partner-ingress route suspended, a team's record waits on its ingress topic. Once it has waited
     * hub.ops.lag-alert.oldest-age (3 s on the test hub), the lag is an alert in the API, naming the route, the
     * topic and the partner, in Prometheus and on the dashboard's lag section. Resumed, the route takes the message
     * in and the alert is over.
     */
    @Test
    void aRecordWaitingOnASuspendedIngressRouteBecomesALagAlertInTheApiPrometheusAndTheDashboard() {
        String topic = hub.topics().ingressFor(TEAM);
        HubMessage message = referral(newMessageId(), newCaseId());
        try {
            hub.suspendRoute(INGRESS_ROUTE);
            hub.produce(topic, message.getCaseId().getBytes(StandardCharsets.UTF_8), hub.wireBytes(message));

            JsonNode alert = await().atMost(SOON).until(() -> lagAlertOn(topic), a -> a != null);
            assertThat(alert.path("routeId").asString()).isEqualTo(INGRESS_ROUTE);
            assertThat(alert.path("partner").asString()).isEqualTo(TEAM);
            assertThat(alert.path("oldestAgeSeconds").asLong()).isGreaterThanOrEqualTo(LAG_ALERT_AGE.toSeconds());
            assertThat(alert.path("reasons").valueStream().map(JsonNode::asString)).contains("OLDEST_AGE");
            await().atMost(SOON).untilAsserted(() -> {
                assertThat(hub.prometheus("ips_hub_lag_alert", "topic", topic)).singleElement()
                        .satisfies(line -> assertThat(line).contains("route=\"" + INGRESS_ROUTE + "\"").endsWith(" 1.0"));
                assertThat(hub.prometheus("ips_hub_lag_oldest_age_seconds", "topic", topic)).hasSize(1);
                assertThat(hub.prometheus("ips_hub_lag_records", "topic", topic)).singleElement()
                        .satisfies(line -> assertThat(line).doesNotEndWith(" 0.0"));
            });
            assertThat(hub.get("/ops/fragments/lag", OPERATOR_KEY).body()).contains("id=\"lag-alerts\"").contains(topic);
        } finally {
            assertThat(hub.resumeRoute(INGRESS_ROUTE)).isEqualTo("Started");
        }
        await().atMost(SOON).until(() -> hub.inbox(NAV_OFFICE).contains(message.getMessageId()));
        await().atMost(SOON).until(() -> lagAlertOn(topic) == null);
        await().atMost(SOON).untilAsserted(() -> assertThat(hub.prometheus("ips_hub_lag_alert", "topic", topic))
                .singleElement().satisfies(line -> assertThat(line).endsWith(" 0.0")));
    }

    @Test
    void lagIsReportedForEveryPartnerWithItsInboxTopic() {
        JsonNode lag = hub.getJson("/api/v1/ops/lag");

        JsonNode navOffice = lag.path("partners").valueStream()
                .filter(p -> p.path("partner").asString().equals(NAV_OFFICE)).findFirst().orElseThrow();
        assertThat(lag.path("sampledAt").isNull()).isFalse();
        assertThat(navOffice.path("inboxTopic").asString()).isEqualTo(hub.topics().inboxFor(NAV_OFFICE));
        assertThat(navOffice.path("ingressRoute").asString()).isEqualTo("partner-ingress");
    }

    @Test
    void partnersShowWhenTheyLastSentAndReceived() {
        HubMessage message = referral(newMessageId(), newCaseId());
        hub.produce(hub.topics().ingressFor(TEAM), message.getCaseId().getBytes(StandardCharsets.UTF_8),
                hub.wireBytes(message));
        await().atMost(SOON).until(() -> hub.inbox(NAV_OFFICE).contains(message.getMessageId()));

        await().atMost(SOON).untilAsserted(() -> {
            JsonNode partners = hub.getJson("/api/v1/ops/partners").path("partners");
            assertThat(partner(partners, TEAM).path("lastSentAt").isNull()).isFalse();
            assertThat(partner(partners, NAV_OFFICE).path("lastReceivedAt").isNull()).isFalse();
        });
    }

    @Test
    void theRegistryListsTheHubsSubjectsWithVersions() {
        JsonNode registry = hub.getJson("/api/v1/ops/registry");

        JsonNode referral = registry.path("subjects").valueStream()
                .filter(s -> s.path("subject").asString().equals("ips.referral-v1-value")).findFirst().orElseThrow();
        assertThat(referral.path("latestVersion").asInt()).isPositive();
        assertThat(referral.path("versions").size()).isPositive();
    }

    @Test
    void healthShowsBrokerRegistryDatabaseAndLoops() {
        JsonNode health = hub.getJson("/api/v1/ops/health");

        assertThat(health.path("components").valueStream().map(c -> c.path("name").asString()))
                .contains("kafka", "registry", "db", "loops");
    }

    @Test
    void theLoopsListShowsTheHubsLongRunningLoopsRunning() {
        JsonNode loops = hub.getJson("/api/v1/ops/loops");

        assertThat(loops.valueStream().map(l -> l.path("name").asString())).contains(IntakeReplies.LOOP,
                InboxReader.LOOP, OpsSampler.LOOP, OpsSampler.ACTIVITY_LOOP, JdbcPartnerDirectory.LOOP,
                WebhookDispatcher.DISPATCH_LOOP, WebhookDispatcher.SENDERS_LOOP, "schema-registry-reader");
        assertThat(loop(loops, IntakeReplies.LOOP).path("state").asString()).isEqualTo("RUNNING");
    }

    /*
     * A loop that fails shows as RESTARTING with its failure on the loops list and the dashboard, and (this hub
     * counting a loop degraded from its first failure) the loops health component is DEGRADED while the instance
     * stays ready; one that gives up turns the component DOWN, naming it and why, and the instance is not ready.
     */
    @Test
    void aFailingLoopShowsOnTheDashboardAndALoopThatGaveUpTurnsHealthDown() {
        LoopHandle loop = hub.bean(SupervisedLoops.class).register("ops-it-loop", LoopKind.THREAD);
        try {
            loop.failed(new IllegalStateException("the test broke it"));

            assertThat(loop(hub.getJson("/api/v1/ops/loops"), "ops-it-loop").path("lastFailure").asString())
                    .isEqualTo("IllegalStateException: the test broke it");
            assertThat(hub.get("/ops/fragments/loops", OPERATOR_KEY).body())
                    .contains("data-loop=\"ops-it-loop\" data-state=\"RESTARTING\"");
            HttpResponse<String> degraded = hub.get("/actuator/health/loops", OPERATOR_KEY);
            assertThat(degraded.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(degraded.body()).path("status").asString()).isEqualTo("DEGRADED");
            assertThat(hub.get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);

            loop.down("the test gave up on it");

            HttpResponse<String> loopsHealth = hub.get("/actuator/health/loops", OPERATOR_KEY);
            JsonNode health = JSON.readTree(loopsHealth.body());
            assertThat(loopsHealth.statusCode()).isEqualTo(503);
            assertThat(health.path("status").asString()).isEqualTo("DOWN");
            assertThat(health.path("details").path("loops").path("ops-it-loop").path("reason").asString())
                    .isEqualTo("the test gave up on it");
            assertThat(hub.get("/actuator/health/readiness", null).statusCode()).isEqualTo(503);
        } finally {
            loop.stopped();
        }
        assertThat(JSON.readTree(hub.get("/actuator/health/loops", OPERATOR_KEY).body()).path("status").asString())
                .isEqualTo("UP");
    }

    @Test
    void theWebhookSectionCountsDeliveriesAndNamesAnUnknownDeliveryOnReplay() {
        HttpResponse<String> section = hub.get("/ops/fragments/webhooks", OPERATOR_KEY);
        HttpResponse<String> replay = hub.post("/ops/actions/webhooks/987654321/replay", OPERATOR_KEY, "");

        assertThat(section.body()).contains("pending").contains("delivered").contains("parked");
        assertThat(replay.body()).contains("There is no webhook delivery 987654321.");
    }

    @Test
    void anUnknownRouteCannotBeSuspended() {
        assertThat(hub.post("/api/v1/ops/routes/no-such-route/suspend", OPERATOR_KEY, "").statusCode()).isEqualTo(404);
    }

    /** The lag alert on a topic in {@code /api/v1/ops/lag}; null when there is none. */
    private static JsonNode lagAlertOn(String topic) {
        return hub.getJson("/api/v1/ops/lag").path("alerts").valueStream()
                .filter(a -> a.path("topic").asString().equals(topic)).findFirst().orElse(null);
    }

    private static long routeLag(String route) {
        JsonNode lag = hub.getJson("/api/v1/ops/lag");
        return lag.path("routes").valueStream().filter(r -> r.path("routeId").asString().equals(route))
                .findFirst().map(r -> r.path("lag").asLong()).orElse(-1L);
    }

    private static boolean deadLetterAt(RecordMetadata written) {
        JsonNode page = hub.getJson("/api/v1/ops/deadletters?partner=" + TEAM + "&size=200");
        return page.path("items").valueStream().anyMatch(i -> i.path("sourceOffset").asLong() == written.offset()
                && i.path("sourcePartition").asInt() == written.partition());
    }

    private static JsonNode loop(JsonNode loops, String name) {
        return loops.valueStream().filter(l -> l.path("name").asString().equals(name)).findFirst().orElseThrow();
    }

    private static JsonNode partner(JsonNode partners, String id) {
        return partners.valueStream().filter(p -> p.path("id").asString().equals(id)).findFirst().orElseThrow();
    }
}
