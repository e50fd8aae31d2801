package no.ipshub.routes.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import no.ipshub.partners.support.TestPartners;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.registry.kafka.KafkaClientSettings;
import no.ipshub.routes.RoutesIntegrationTest;
import no.ipshub.routes.support.KafkaTestClient;
import no.ipshub.routes.support.RouteScenarios;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Ten thousand referrals from two teams to two NAV offices go through partner ingress to the canonical topic and
 * their recipients' inbox topics; every one lands in its recipient's inbox topic exactly once (read committed). The rate is logged; it is a
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

    @Test
    void tenThousandReferralsReachTheirInboxTopicsExactlyOnce() {
        String run = "tp-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<String> teams = List.of(TestPartners.TEAM, TestPartners.OTHER_TEAM);
        List<String> offices = List.of(TestPartners.NAV_OFFICE, TestPartners.OTHER_NAV_OFFICE);
        List<String> delivered = new ArrayList<>();
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
            for (String office : offices) {
                kafka.findAll(topics.inboxFor(office), r -> new String(r.key(), StandardCharsets.UTF_8).startsWith(run),
                        MESSAGES / 2, Duration.ofMinutes(3)).forEach(r -> delivered.add(scenarios.decode(r).getMessageId()));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            log.info("Pipeline ingress -> canonical + inbox: {} messages in {} s = {} msgs/s", MESSAGES,
                    String.format("%.2f", seconds), String.format("%.0f", MESSAGES / seconds));
        }

        assertThat(new int[] {delivered.size(), new HashSet<>(delivered).size()}).containsExactly(MESSAGES, MESSAGES);
    }
}
