package no.ipshub.log.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import no.ipshub.log.project.ProjectAdministration;
import no.ipshub.log.support.DuckDb;
import no.ipshub.log.support.LogIntegrationTest;
import no.ipshub.log.support.LogItConfiguration;
import no.ipshub.log.support.LogKafka;
import no.ipshub.log.support.ResearchHttp;
import no.ipshub.log.support.SyntheticPeople;
import no.ipshub.registry.client.SchemaRegistryClient;
import no.ipshub.registry.serde.AvroWireCodec;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.v1.CollaborationLogEntry;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.HubMessage;
import no.ipshub.schemas.v1.OutcomeKind;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/*
 * The row-level paths of one project agree: five cases of project rows-it logged through the route (one of them the
 * only case of its team and NAV office, far below the threshold, one withdrawn), then the same filter asked as a JSON
 * page, as NDJSON, as CSV, as Parquet, and read from the project's compacted topic honouring tombstones. Each gives
 * the same entry ids with the same kinds and dates.
 */
@LogIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowLevelPathsIT {

    private static final String PROJECT = "rows-it";
    private static final String QUERY = "project=" + PROJECT + "&from=2018-01-01&to=2018-12-31";
    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    ProjectAdministration projects;
    @Autowired
    LogKafka kafka;
    @Autowired
    ResearchHttp http;
    @Autowired
    SchemaRegistryClient registry;

    @TempDir
    Path files;
    private String topic;

    @BeforeAll
    void fiveCases() {
        topic = projects.add(new ProjectAdministration.ProjectForm(PROJECT, "Rows", 5, List.of(LogItConfiguration.RESEARCHER),
                null), LogItConfiguration.OPERATOR).topic();
        for (int i = 0; i < 4; i++) {
            aCase("rows-" + i, HubMessages.TEAM, HubMessages.NAV_OFFICE, LocalDate.of(2018, 2, 1 + i));
        }
        aCase("rows-small", "unn-ips", "nav-tromso", LocalDate.of(2018, 3, 1));
        kafka.send(HubMessages.followUp(FollowUpKind.CONSENT_WITHDRAWN).caseId("rows-3")
                .followUp(f -> f.setDate(LocalDate.of(2018, 4, 1)).setResearchProjects(List.of(PROJECT))).build());
        // four cases of three entries each remain (the withdrawn one's three are gone)
        await().atMost(Duration.ofSeconds(60)).until(() -> jsonIds().size() == 12);
    }

    private void aCase(String caseId, String team, String navOffice, LocalDate day) {
        String person = SyntheticPeople.next();
        List<HubMessage> messages = new ArrayList<>();
        messages.add(HubMessages.referral().caseId(caseId).sender(team).recipient(navOffice)
                .referral(r -> r.setParticipantNationalId(person).setReferralDate(day).setResearchConsent(false)
                        .setResearchProjects(List.of(PROJECT))).build());
        messages.add(HubMessages.followUp(FollowUpKind.REFERRAL_ACCEPTED).caseId(caseId).sender(navOffice).recipient(team)
                .followUp(f -> f.setDate(day.plusDays(1))).build());
        messages.add(HubMessages.outcome(OutcomeKind.JOB_STARTED).caseId(caseId).sender(team).recipient(navOffice)
                .outcome(o -> o.setDate(day.plusDays(20))).build());
        kafka.send(messages.toArray(HubMessage[]::new));
    }

    private Set<String> jsonIds() {
        JsonNode page = json.readTree(http.researcher("/api/v1/research/entries?" + QUERY + "&size=10000").body());
        Set<String> ids = new TreeSet<>();
        page.get("entries").forEach(e -> ids.add(e.get("entryId").asString() + " " + e.get("eventKind").asString() + " "
                + e.get("eventDate").asString()));
        return ids;
    }

    @Test
    void ndjsonGivesTheRowsOfTheJsonPage() {
        Set<String> ids = new TreeSet<>();
        http.get(LogItConfiguration.RESEARCHER, "/api/v1/research/entries?" + QUERY + "&size=10000", "application/x-ndjson")
                .body().lines().map(json::readTree).forEach(e -> ids.add(e.get("entryId").asString() + " "
                        + e.get("eventKind").asString() + " " + e.get("eventDate").asString()));

        assertThat(ids).isEqualTo(jsonIds());
    }

    @Test
    void csvGivesTheRowsOfTheJsonPage() {
        Set<String> ids = new TreeSet<>();
        http.researcher("/api/v1/research/exports/entries.csv?" + QUERY).body().lines().skip(1).forEach(line -> {
            String[] f = line.split(",", -1);
            ids.add(f[0] + " " + f[4] + " " + f[5]);
        });

        assertThat(ids).isEqualTo(jsonIds());
    }

    @Test
    void parquetGivesTheRowsOfTheJsonPage() throws Exception {
        HttpResponse<byte[]> response = http.bytes(LogItConfiguration.RESEARCHER, "/api/v1/research/exports/entries.parquet?"
                + QUERY);
        Path file = Files.createTempFile(files, "entries", ".parquet");
        Files.write(file, response.body());
        Set<String> ids = new TreeSet<>();
        DuckDb.query("SELECT entryId, eventKind, CAST(eventDate AS VARCHAR) FROM read_parquet('" + file + "')")
                .forEach(row -> ids.add(String.join(" ", row)));

        assertThat(ids).isEqualTo(jsonIds());
    }

    @Test
    void theProjectsTopicHoldsTheRowsOfTheJsonPage() {
        AvroWireCodec codec = new AvroWireCodec(registry, false, false);
        java.util.Map<String, String> latest = new java.util.HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : kafka.readAll(topic)) {
            String key = new String(r.key(), java.nio.charset.StandardCharsets.UTF_8);
            if (r.value() == null) {
                latest.remove(key);
            } else {
                CollaborationLogEntry e = codec.decode(r.value(), CollaborationLogEntry.class);
                latest.put(key, e.getEntryId() + " " + e.getEventKind() + " " + e.getEventDate());
            }
        }

        assertThat(new TreeSet<>(latest.values())).isEqualTo(jsonIds());
    }

    @Test
    void theSmallTeamsRowsAreOnEveryPath() {
        JsonNode page = json.readTree(http.researcher("/api/v1/research/entries?" + QUERY + "&team=unn-ips").body());

        assertThat(page.get("totalElements").asLong()).isEqualTo(3);
    }
}
