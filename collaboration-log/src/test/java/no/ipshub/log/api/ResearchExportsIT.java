package no.ipshub.log.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.ipshub.log.audit.AuditRecord;
import no.ipshub.log.audit.AuditTrail;
import no.ipshub.log.mapping.CollaborationLogMapper;
import no.ipshub.log.store.CollaborationLogStore;
import no.ipshub.log.support.LogFixtures;
import no.ipshub.log.support.LogIntegrationTest;
import no.ipshub.log.support.ResearchHttp;
import no.ipshub.log.support.SyntheticPeople;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.HubMessage;
import no.ipshub.schemas.v1.OutcomeKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/*
 * The fidelity, pair and Parquet answers over a known data set in 2024: six participants of haukeland-tsb and
 * nav-bergenhus with referral, acceptance and employer contact (18 entries), two of nordland-ips and nav-bodo with
 * referral and acceptance (4 entries, below the threshold of 5). The Parquet files are read back with DuckDB, a
 * reader written apart from the library that wrote them. Each test asks as a researcher of its own, so the
 * differencing check sees only that test's answers.
 */
@LogIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResearchExportsIT {

    private static final String PERIOD = "from=2024-01-01&to=2024-06-30";
    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    ResearchHttp http;
    @Autowired
    CollaborationLogStore store;
    @Autowired
    CollaborationLogMapper mapper;
    @Autowired
    AuditTrail audit;
    @TempDir
    Path files;

    @BeforeAll
    void knownDataSet() {
        List<HubMessage> messages = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            messages.addAll(aCase(HubMessages.TEAM, HubMessages.NAV_OFFICE, LocalDate.of(2024, 2, 1 + i), true));
        }
        for (int i = 0; i < 2; i++) {
            messages.addAll(aCase(LogFixtures.SECOND_TEAM, LogFixtures.SECOND_NAV_OFFICE, LocalDate.of(2024, 3, 1 + i), false));
        }
        store.write(messages.stream().map(mapper::map).toList(), outcome -> { });
    }

    private static List<HubMessage> aCase(String team, String navOffice, LocalDate referred, boolean contact) {
        String caseId = "case-exports-" + team + "-" + referred;
        String person = SyntheticPeople.next();
        List<HubMessage> messages = new ArrayList<>();
        messages.add(HubMessages.referral().caseId(caseId).sender(team).recipient(navOffice)
                .referral(r -> r.setParticipantNationalId(person).setReferringTeam(team).setNavOffice(navOffice)
                        .setReferralDate(referred))
                .build());
        messages.add(HubMessages.followUp(FollowUpKind.REFERRAL_ACCEPTED).caseId(caseId).sender(navOffice).recipient(team)
                .followUp(f -> f.setDate(referred.plusDays(2))).build());
        if (contact) {
            messages.add(HubMessages.followUp(FollowUpKind.EMPLOYER_CONTACT).caseId(caseId).sender(team).recipient(navOffice)
                    .followUp(f -> f.setDate(referred.plusDays(10))).build());
        }
        // closed after the period asked, so that the case is not open in the periods of the other tests
        messages.add(HubMessages.outcome(OutcomeKind.EPISODE_CLOSED).caseId(caseId).sender(team).recipient(navOffice)
                .outcome(o -> o.setDate(LocalDate.of(2024, 12, 31))).build());
        return messages;
    }

    private JsonNode get(String pathAndQuery) {
        HttpResponse<String> response = http.get(http.newResearcher(), pathAndQuery, "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private Path download(String pathAndQuery) throws Exception {
        HttpResponse<byte[]> response = http.bytes(http.newResearcher(), pathAndQuery);
        assertThat(response.statusCode()).isEqualTo(200);
        Path file = Files.createTempFile(files, "export", ".parquet");
        Files.write(file, response.body());
        return file;
    }

    /** The rows of a DuckDB query, each row its columns as text (null as "null"). */
    private static List<List<String>> duckdb(String sql) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(String.valueOf(rs.getObject(i)));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void fidelityListsAllTwentyFiveItemsWithThirteenNotFromEvents() {
        JsonNode items = get("/api/v1/research/fidelity?" + PERIOD).get("items");

        long notFromEvents = 0;
        for (JsonNode item : items) {
            notFromEvents += item.get("evidence").asString().equals("NOT_FROM_EVENTS") ? 1 : 0;
        }
        assertThat(List.of((long) items.size(), notFromEvents)).containsExactly(25L, 13L);
    }

    @Test
    void fidelityOfTheBigTeamShowsRapidJobSearchWithItsAnchorAndCases() {
        JsonNode fidelity = get("/api/v1/research/fidelity?" + PERIOD);
        JsonNode score = null;
        for (JsonNode team : fidelity.get("teams")) {
            if (team.get("team").asString().equals("ALL")) {
                score = team.get("items").get(14);
            }
        }

        assertThat(List.of(score.get("id").asString(), score.get("value").asString(), score.get("anchor").asString(),
                score.get("cases").asString())).containsExactly("rapidJobSearch", "10.0", "5", "6");
    }

    @Test
    void fidelityOfTheSmallTeamIsBlankAndFlagged() {
        JsonNode fidelity = get("/api/v1/research/fidelity?" + PERIOD);
        JsonNode small = null;
        for (JsonNode team : fidelity.get("teams")) {
            if (team.get("team").asString().equals(LogFixtures.SECOND_TEAM)) {
                small = team.get("items").get(14);
            }
        }

        assertThat(List.of(small.get("value").isNull(), small.get("suppression").asString())).containsExactly(true, "PRIMARY");
    }

    @Test
    void fidelityCsvHasTwentyFiveRowsPerTeam() {
        String csv = http.get(http.newResearcher(), "/api/v1/research/exports/fidelity.csv?" + PERIOD, "text/csv").body();

        assertThat(csv.lines().filter(l -> l.contains(",ALL,")).count()).isEqualTo(25);
    }

    @Test
    void pairPictureShowsTheBigPairsReferralsOfTheMonth() {
        JsonNode pairs = get("/api/v1/research/pairs?" + PERIOD);
        Double value = null;
        for (JsonNode cell : pairs.get("cells")) {
            if (cell.get("team").asString().equals(HubMessages.TEAM) && cell.get("month").asString().equals("ALL")
                    && cell.get("measure").asString().equals("referrals")) {
                value = cell.get("value").isNull() ? null : cell.get("value").asDouble();
            }
        }
        assertThat(value).isEqualTo(6.0);
    }

    @Test
    void pairsCsvFlagsTheSmallPair() {
        String csv = http.get(http.newResearcher(), "/api/v1/research/exports/pairs.csv?" + PERIOD, "text/csv").body();

        assertThat(csv.lines()).contains("2024-01-01,2024-06-30," + LogFixtures.SECOND_TEAM + "," + LogFixtures.SECOND_NAV_OFFICE
                + ",ALL,referrals,,PRIMARY");
    }

    @Test
    void timelineOfTheSmallPairHasDaysButNoDates() {
        JsonNode timelines = get("/api/v1/research/pairs/timelines?" + PERIOD + "&team=" + LogFixtures.SECOND_TEAM
                + "&navOffice=" + LogFixtures.SECOND_NAV_OFFICE);

        JsonNode first = timelines.get("cases").get(0);
        assertThat(List.of(timelines.get("calendarDates").asBoolean(), first.get("startDate").isNull(),
                first.get("events").get(1).get("day").asLong())).containsExactly(false, true, 2L);
    }

    @Test
    void timelineWithoutAPairIsABadRequest() {
        assertThat(http.get(http.newResearcher(), "/api/v1/research/pairs/timelines?" + PERIOD, "application/json")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void entriesParquetReadBackByDuckDbHasTheShownEntriesWithTypedColumns() throws Exception {
        Path file = download("/api/v1/research/exports/entries.parquet?" + PERIOD);

        assertThat(duckdb("SELECT count(*), count(DISTINCT participantKey), typeof(min(eventDate)), typeof(min(recordedAt)) "
                + "FROM read_parquet('" + file + "')"))
                .containsExactly(List.of("22", "8", "DATE", "TIMESTAMP WITH TIME ZONE"));
    }

    /* A project's researchers hold the rows under their data agreement: no path withholds a small team's rows. */
    @Test
    void entriesParquetHoldsTheSmallTeamsRowsLikeEveryOtherRowPath() throws Exception {
        Path file = download("/api/v1/research/exports/entries.parquet?" + PERIOD);

        assertThat(duckdb("SELECT count(*) FROM read_parquet('" + file + "') WHERE team = '" + LogFixtures.SECOND_TEAM + "'"))
                .containsExactly(List.of("4"));
    }

    @Test
    void indicatorsParquetHasTheSmallTeamBlankAndFlagged() throws Exception {
        Path file = download("/api/v1/research/exports/indicators.parquet?" + PERIOD + "&groupBy=team");

        assertThat(duckdb("SELECT value, suppression FROM read_parquet('" + file + "') WHERE \"group\" = '"
                + LogFixtures.SECOND_TEAM + "' AND indicator = 'referrals'")).containsExactly(List.of("null", "PRIMARY"));
    }

    @Test
    void fidelityParquetHasEveryItemForEveryTeam() throws Exception {
        Path file = download("/api/v1/research/exports/fidelity.parquet?" + PERIOD);

        assertThat(duckdb("SELECT count(*), count(*) FILTER (WHERE evidence = 'NOT_FROM_EVENTS') FROM read_parquet('"
                + file + "') WHERE team = 'ALL'")).containsExactly(List.of("25", "13"));
    }

    @Test
    void parquetExportIsAuditedWithTheRowsItHandsOut() throws Exception {
        download("/api/v1/research/exports/entries.parquet?" + PERIOD);

        List<AuditRecord> all = audit.list(0, 100_000);
        AuditRecord last = all.get(all.size() - 1);
        assertThat(List.of(last.action(), String.valueOf(last.rowCount()))).containsExactly("ENTRIES_EXPORTED_PARQUET", "22");
    }
}
