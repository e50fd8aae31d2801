package no.ipshub.log.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import no.ipshub.log.ResearchProperties;
import no.ipshub.log.pseudonym.Pseudonymiser;
import no.ipshub.log.store.CollaborationLogEntries;
import no.ipshub.log.support.LogIntegrationTest;
import no.ipshub.log.support.LogKafka;
import no.ipshub.log.support.ResearchHttp;
import no.ipshub.log.support.SyntheticPeople;
import no.ipshub.partners.topics.HubTopics;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.HubMessage;
import no.ipshub.schemas.v1.OutcomeKind;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/*
 * No national id, case id, job specialist reference or free text leaves the partners: messages of five
 * consenting participants, one who refuses and one who withdraws, all with notes and a free-text rejection
 * reason, go through the route; then the store (every row of every table of the log), the log topic (every key
 * and value byte), the API and CSV exports and the application's log output (DEBUG for the hub's packages) are
 * scanned for each of those strings. The exports are checked to hold the consenting participants' rows, so the
 * scan looks at real data.
 */
@LogIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PrivacyIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<String> TABLES = List.of("log_entry", "log_case", "log_pending_event",
            "log_withdrawn_participant", "research_audit", "research_audit_head");

    @Autowired
    LogKafka kafka;
    @Autowired
    CollaborationLogEntries store;
    @Autowired
    Pseudonymiser pseudonyms;
    @Autowired
    HubTopics topics;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ResearchHttp http;
    @Autowired
    ResearchProperties research;

    private final List<String> secrets = new ArrayList<>();
    private final List<String> consenting = new ArrayList<>();

    @BeforeEach
    void sendMessagesWithIdentifiersAndNotes(CapturedOutput output) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<HubMessage> messages = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String person = SyntheticPeople.next();
            consenting.add(person);
            messages.addAll(aCase(person, "case-privacy-" + tag + "-" + i, true, tag));
        }
        String refusing = SyntheticPeople.next();
        messages.addAll(aCase(refusing, "case-privacy-" + tag + "-refused", false, tag));
        String withdrawing = SyntheticPeople.next();
        String withdrawnCase = "case-privacy-" + tag + "-withdrawn";
        messages.addAll(aCase(withdrawing, withdrawnCase, true, tag));
        messages.add(HubMessages.followUp(FollowUpKind.CONSENT_WITHDRAWN).caseId(withdrawnCase)
                .followUp(f -> f.setNote("Trekker samtykket " + tag)).build());
        messages.add(HubMessages.followUp(FollowUpKind.REFERRAL_REJECTED).caseId("case-privacy-" + tag + "-refused")
                .followUp(f -> f.setReason("Pasienten sier " + tag + " at han ikke orker")).build());
        kafka.send(messages.toArray(HubMessage[]::new));
        secrets.addAll(consenting);
        secrets.addAll(List.of(refusing, withdrawing, "Pasienten sier " + tag, "Trekker samtykket " + tag,
                "Notat om " + tag, "Utfall " + tag, "js-" + tag, "Dialogmelding " + tag));
        secrets.addAll(messages.stream().map(HubMessage::getCaseId).distinct().toList());

        await().atMost(WAIT).until(() -> consenting.stream().allMatch(p -> store.countOfParticipant(pseudonyms.participantKey(p)) == 4)
                && store.countOfParticipant(pseudonyms.participantKey(withdrawing)) == 0
                && kafka.groupCaughtUp(CollaborationLogRoute.GROUP_ID));
    }

    private static List<HubMessage> aCase(String person, String caseId, boolean consent, String tag) {
        return List.of(
                HubMessages.referral().caseId(caseId).referral(r -> r.setParticipantNationalId(person)
                        .setResearchConsent(consent).setJobSpecialistRef("js-" + tag).setNote("Notat om " + tag + " " + person))
                        .build(),
                HubMessages.followUp(FollowUpKind.EMPLOYER_CONTACT).caseId(caseId)
                        .followUp(f -> f.setNote("Notat om " + tag + ", ring " + person)).build(),
                HubMessages.followUp(FollowUpKind.DIALOGUE_NOTE).caseId(caseId).schemaVersion(3)
                        .followUp(f -> f.setNote("Dialogmelding " + tag + ": pasienten " + person + " vil jobbe")).build(),
                HubMessages.outcome(OutcomeKind.JOB_STARTED).caseId(caseId)
                        .outcome(o -> o.setNote("Utfall " + tag)).build());
    }

    @Test
    void storeHoldsNoneOfThem() {
        String everything = TABLES.stream()
                .flatMap(table -> jdbc.queryForList("SELECT * FROM " + table).stream())
                .map(Map::toString).collect(Collectors.joining("\n"));

        assertThat(everything).contains(pseudonyms.participantKey(consenting.get(0)));
        secrets.forEach(secret -> assertThat(everything).doesNotContain(secret));
    }

    @Test
    void logTopicHoldsNoneOfThem() {
        String everything = kafka.readAll(topics.collaborationLog()).stream()
                .map(PrivacyIT::text).collect(Collectors.joining("\n"));

        assertThat(everything).contains(pseudonyms.participantKey(consenting.get(0)));
        secrets.forEach(secret -> assertThat(everything).doesNotContain(secret));
    }

    @Test
    void exportsAndApiAnswersHoldNoneOfThem() {
        String everything = String.join("\n",
                http.researcher("/api/v1/research/exports/entries.csv").body(),
                http.researcher("/api/v1/research/exports/indicators.csv?from=2025-01-01&to=2025-12-31&groupBy=team").body(),
                http.researcher("/api/v1/research/entries?size=10000").body());

        assertThat(everything).contains(pseudonyms.participantKey(consenting.get(0)));
        secrets.forEach(secret -> assertThat(everything).doesNotContain(secret));
    }

    @Test
    void applicationLogHoldsNoneOfThem(CapturedOutput output) {
        http.researcher("/api/v1/research/exports/entries.csv");

        assertThat(output.getAll()).contains(CollaborationLogRoute.ROUTE_ID);
        secrets.forEach(secret -> assertThat(output.getAll()).doesNotContain(secret));
    }

    private static String text(ConsumerRecord<byte[], byte[]> record) {
        return (record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8)) + " "
                + (record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8));
    }
}
