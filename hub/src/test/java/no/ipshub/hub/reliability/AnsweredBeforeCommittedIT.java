package no.ipshub.hub.reliability;

import static no.ipshub.hub.reliability.ReliabilitySupport.OPERATOR_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import no.ipshub.hub.reliability.ReliabilitySupport.CaseScript;
import no.ipshub.hub.reliability.ReliabilitySupport.DeliveryReport;
import no.ipshub.hub.reliability.ReliabilitySupport.HttpEdge;
import no.ipshub.hub.reliability.ReliabilitySupport.Ledger;
import no.ipshub.registry.core.SchemaRegistryClients;
import no.ipshub.schemas.v1.HubMessage;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/*
 * Kill -9 between the answer and the commit. The instance owning a case answers an HTTP submission from memory
 * once the submission is on Kafka, and takes it in (publishes it, changes the state) in a transaction behind the
 * answer. Here the partner-ingress route is suspended, so that nothing answered is taken in: 40 whole cases (200
 * messages, each follow-up accepted on the parties its referral, still pending, opened) are sent over HTTP and
 * all answered 202, and a repeat of each is answered 200. Then the hub is killed with SIGKILL and started again.
 * Expected: the restarted hub reaches the same decisions from its restored state, and every message is in its
 * recipient's inbox exactly once, as the inbox API presents it and on the inbox topics read_committed.
 */
class AnsweredBeforeCommittedIT {

    private static final int CASES = 40;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path workDir;

    private HubProcess hub;

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void messagesAnsweredBeforeTheirTransactionAreDeliveredOnceAfterTheHubIsKilled() throws Exception {
        ReliabilitySupport.quietKafkaLogs();
        List<CaseScript> cases = ReliabilitySupport.conversations("unsettled-" + UUID.randomUUID().toString()
                .substring(0, 8), CASES, 23);
        hub = new HubProcess(workDir).start(START_TIMEOUT);
        HttpEdge edge = new HttpEdge(hub.baseUrl());
        assertThat(post(hub.baseUrl() + "/api/v1/ops/routes/partner-ingress/suspend")).isEqualTo(200);
        Ledger ledger = new Ledger();
        SoftAssertions answers = new SoftAssertions();
        int total = 0;
        for (CaseScript script : cases) {
            for (HubMessage message : script.messages()) {
                answers.assertThat(edge.submit(message)).as("first answer to %s", message.getMessageId()).isEqualTo(202);
                answers.assertThat(edge.submit(message)).as("repeat of %s", message.getMessageId()).isEqualTo(200);
                ledger.acknowledged(message);
                total++;
            }
        }
        answers.assertAll();
        int sent = total;

        hub.kill();
        hub.start(START_TIMEOUT);

        DeliveryReport inboxes = ReliabilitySupport.awaitDelivery(ledger, edge, hub.bootstrapServers(),
                Duration.ofMinutes(3), false);
        DeliveryReport inboxTopics = ReliabilitySupport.inboxTopicsReport(ledger, hub.bootstrapServers(),
                SchemaRegistryClients.create(hub.baseUrl() + "/registry"), false);
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(inboxes).as("inboxes read over HTTP").isEqualTo(DeliveryReport.exactlyOnce(sent));
            softly.assertThat(inboxTopics).as("inbox topics read_committed").isEqualTo(DeliveryReport.exactlyOnce(sent));
        });
    }

    private static int post(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + OPERATOR_KEY)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
