package no.ipshub.routes.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.registry.kafka.KafkaClientSettings;
import no.ipshub.routes.RoutesIntegrationTest;
import no.ipshub.routes.config.HubTopics;
import no.ipshub.routes.support.KafkaTestClient;
import no.ipshub.routes.support.RouteScenarios;
import no.ipshub.routes.support.TestPartners;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ten thousand referrals from two teams to two NAV offices go through partner ingress, the canonical topic and
 * inbox delivery; every one lands in its recipient's inbox store exactly once. The rate is logged; it is a
 * smoke figure for one test JVM on one broker, not a benchmark (bench/ has that).
 */
@RoutesIntegrationTest
class PipelineThroughputIT {

    private static final Logger log = LoggerFactory.getLogger(PipelineThroughputIT.class);
    private static final int MESSAGES = 10_000;

    @Autowired
    KafkaClientSettings kafkaSettings;
    @Autowired
    SchemaRegistryClient registry;
    @Autowired
    HubTopics topics;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void tenThousandReferralsReachTheirInboxesExactlyOnce() {
        String run = "tp-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<String> teams = List.of(TestPartners.TEAM, TestPartners.OTHER_TEAM);
        List<String> offices = List.of(TestPartners.NAV_OFFICE, TestPartners.OTHER_NAV_OFFICE);
        try (KafkaTestClient kafka = new KafkaTestClient(kafkaSettings)) {
            RouteScenarios scenarios = new RouteScenarios(kafka, topics, registry);
            List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(MESSAGES);
            for (int i = 0; i < MESSAGES; i++) {
                String team = teams.get(i % 2);
                HubMessage referral = HubMessages.referral().caseId(run + i).sender(team).recipient(offices.get(i / 2 % 2))
                        .build();
                records.add(new ProducerRecord<>(topics.ingressFor(team), referral.getCaseId().getBytes(StandardCharsets.UTF_8),
                        scenarios.wireBytes(team, referral)));
            }

            long started = System.nanoTime();
            kafka.sendAll(records);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                    .until(() -> inboxRows(run) >= MESSAGES);
            double seconds = (System.nanoTime() - started) / 1e9;
            log.info("Pipeline ingress -> canonical -> inbox: {} messages in {} s = {} msgs/s", MESSAGES,
                    String.format("%.2f", seconds), String.format("%.0f", MESSAGES / seconds));
        }

        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT message_id) FROM inbox_message WHERE case_id LIKE ?",
                Integer.class, run + "%")).isEqualTo(inboxRows(run)).isEqualTo(MESSAGES);
    }

    private int inboxRows(String run) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM inbox_message WHERE case_id LIKE ?", Integer.class, run + "%");
    }
}
