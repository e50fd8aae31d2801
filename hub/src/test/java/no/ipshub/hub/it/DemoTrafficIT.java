package no.ipshub.hub.it;

import static no.ipshub.hub.it.HubTestSupport.JSON;
import static no.ipshub.hub.it.HubTestSupport.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/*
 * The hub started with --demo: the simulated teams and NAV offices send case flows through the public HTTP
 * edge, the hub accepts them, and they arrive in the other side's inbox.
 */
class DemoTrafficIT {

    private static final List<String> DEMO_PARTNERS = List.of("haukeland-tsb", "nordland-ips", "unn-ips",
            "nav-bergenhus", "nav-arstad", "nav-bodo", "nav-tromso");
    private static final Pattern COUNTER =
            Pattern.compile("hub_demo_messages_total\\{[^}]*outcome=\"(accepted|refused)\"[^}]*} ([0-9.eE+]+)");

    @TempDir
    Path dataDir;

    @Test
    void demoCasesFlowBothWaysAndTheHubRefusesNoneOfThem() {
        try (HubTestSupport.Hub hub = HubTestSupport.startEmbedded(dataDir, freePort(), freePort(), "--demo",
                "--hub.demo.messages-per-second=20", "--hub.demo.open-cases=10", "--hub.demo.seed=2025")) {

            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                Set<String> kinds = new HashSet<>();
                for (String partner : DEMO_PARTNERS) {
                    kinds.addAll(payloadKinds(hub, partner));
                }
                assertThat(kinds).contains("referral", "REFERRAL_ACCEPTED");
                assertThat(demoCount(hub, "accepted")).isGreaterThanOrEqualTo(30);
            });
            assertThat(demoCount(hub, "refused")).isZero();
        }
    }

    /** The payload type of referrals and the kind of follow-ups and outcomes in one partner's inbox. */
    private static Set<String> payloadKinds(HubTestSupport.Hub hub, String partner) {
        String body = hub.get("/api/v1/inbox?after=0&limit=1000", "demo-key-" + partner).body();
        Set<String> kinds = new HashSet<>();
        for (JsonNode entry : JSON.readTree(body).path("messages")) {
            JsonNode payload = entry.path("message").path("payload");
            kinds.add(payload.has("kind") ? payload.path("kind").asString() : payload.path("type").asString());
        }
        return kinds;
    }

    private static double demoCount(HubTestSupport.Hub hub, String outcome) {
        Matcher m = COUNTER.matcher(hub.get("/actuator/prometheus", null).body());
        while (m.find()) {
            if (m.group(1).equals(outcome)) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }
}
