package no.ipshub.log.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.ipshub.log.audit.AuditRecord;
import no.ipshub.log.audit.AuditTrail;
import no.ipshub.log.mapping.CollaborationLogMapper;
import no.ipshub.log.mapping.LogEvent;
import no.ipshub.log.store.CollaborationLogStore;
import no.ipshub.log.support.LogFixtures;
import no.ipshub.log.support.LogIntegrationTest;
import no.ipshub.log.support.LogItConfiguration;
import no.ipshub.log.support.ResearchHttp;
import no.ipshub.log.support.SyntheticPeople;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.HubMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/*
 * The research API over a known data set in 2023 (the other ITs log 2025): six participants of the default team
 * and NAV office with referral, acceptance and employer contact (18 entries), two of a second team and office
 * with referral and acceptance (4 entries). The second team is below the small-cell threshold of 5.
 */
@LogIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResearchApiIT {

    private static final String PERIOD = "from=2023-01-01&to=2023-06-30";
    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    ResearchHttp http;
    @Autowired
    CollaborationLogStore store;
    @Autowired
    CollaborationLogMapper mapper;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    void knownDataSet() {
        List<HubMessage> messages = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            messages.addAll(aCase(HubMessages.TEAM, HubMessages.NAV_OFFICE, LocalDate.of(2023, 2, 1 + i), true));
        }
        for (int i = 0; i < 2; i++) {
            messages.addAll(aCase(LogFixtures.SECOND_TEAM, LogFixtures.SECOND_NAV_OFFICE, LocalDate.of(2023, 3, 1 + i), false));
        }
        List<LogEvent> events = messages.stream().map(mapper::map).toList();
        store.write(events, outcome -> { });
    }

    private static List<HubMessage> aCase(String team, String navOffice, LocalDate referred, boolean contact) {
        String caseId = "case-api-" + team + "-" + referred;
        String person = SyntheticPeople.next();
        List<HubMessage> messages = new ArrayList<>();
        messages.add(HubMessages.referral().caseId(caseId).sender(team).recipient(navOffice)
                .referral(r -> r.setParticipantNationalId(person).setReferralDate(referred)).build());
        messages.add(HubMessages.followUp(FollowUpKind.REFERRAL_ACCEPTED).caseId(caseId).sender(navOffice).recipient(team)
                .followUp(f -> f.setDate(referred.plusDays(2))).build());
        if (contact) {
            messages.add(HubMessages.followUp(FollowUpKind.EMPLOYER_CONTACT).caseId(caseId).sender(team).recipient(navOffice)
                    .followUp(f -> f.setDate(referred.plusDays(10))).build());
        }
        return messages;
    }

    private JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    @Test
    void researcherGetsAPageOfEntriesAsJson() {
        JsonNode page = body(http.researcher("/api/v1/research/entries?" + PERIOD + "&size=5"));

        assertThat(List.of(page.get("totalElements").asLong(), (long) page.get("entries").size())).containsExactly(22L, 5L);
    }

    @Test
    void entriesComeAsOneJsonObjectPerLineForNdjson() {
        HttpResponse<String> response = http.get(LogItConfiguration.RESEARCHER,
                "/api/v1/research/entries?" + PERIOD + "&size=100", "application/x-ndjson");

        assertThat(response.body().lines().map(line -> json.readTree(line).get("participantKey").asString()))
                .hasSize(22).allMatch(key -> key.matches("[0-9a-f]{64}"));
    }

    @Test
    void entriesAreFilteredByTeamAndKind() {
        JsonNode page = body(http.researcher("/api/v1/research/entries?" + PERIOD + "&team=" + LogFixtures.SECOND_TEAM
                + "&kind=REFERRAL"));

        assertThat(page.get("totalElements").asLong()).isEqualTo(2);
    }

    @Test
    void anonymousCallerIsRefused() {
        assertThat(http.get(null, "/api/v1/research/entries", "application/json").statusCode()).isEqualTo(401);
    }

    @Test
    void operatorIsNotAResearcher() {
        assertThat(http.get(LogItConfiguration.OPERATOR, "/api/v1/research/entries", "application/json").statusCode())
                .isEqualTo(403);
    }

    @Test
    void malformedDateIsABadRequestNamingTheParameter() {
        HttpResponse<String> response = http.researcher("/api/v1/research/entries?from=1.2.2023");

        assertThat(List.of(String.valueOf(response.statusCode()), body(response).get("detail").asString()))
                .containsExactly("400", "from must be a date as yyyy-MM-dd");
    }

    @Test
    void smallTeamsIndicatorIsBlankAndFlagged() {
        JsonNode cell = indicatorCell(LogFixtures.SECOND_TEAM, "referrals");

        assertThat(List.of(cell.get("value").isNull(), cell.get("suppression").asString()))
                .containsExactly(true, "PRIMARY");
    }

    @Test
    void bigTeamsIndicatorIsBlankedTooSoTheSmallOneCannotBeWorkedOutFromTheTotal() {
        JsonNode cell = indicatorCell(HubMessages.TEAM, "referrals");

        assertThat(cell.get("suppression").asString()).isEqualTo("SECONDARY");
    }

    @Test
    void totalOverAllTeamsIsShown() {
        assertThat(indicatorCell("ALL", "referrals").get("value").asDouble()).isEqualTo(8.0);
    }

    private JsonNode indicatorCell(String group, String indicator) {
        JsonNode published = body(http.researcher("/api/v1/research/indicators?" + PERIOD + "&groupBy=team"));
        for (JsonNode cell : published.get("cells")) {
            if (cell.get("group").asString().equals(group) && cell.get("indicator").asString().equals(indicator)) {
                return cell;
            }
        }
        throw new AssertionError("no cell " + group + "/" + indicator + " in " + published);
    }

    @Test
    void indicatorsCsvHasABlankFlaggedCellForTheSmallTeam() {
        String csv = http.researcher("/api/v1/research/exports/indicators.csv?" + PERIOD + "&groupBy=team").body();

        assertThat(csv.lines()).contains("2023-01-01,2023-06-30,team," + LogFixtures.SECOND_TEAM + ",referrals,,PRIMARY");
    }

    /* A project's researchers hold the rows under their data agreement: the CSV gives every row the JSON page does. */
    @Test
    void entriesCsvHasEveryRowTheJsonPageHasTheSmallTeamIncluded() {
        HttpResponse<String> response = http.researcher("/api/v1/research/exports/entries.csv?" + PERIOD);

        assertThat(List.of(response.body().lines().count() - 1, (long) response.body().lines()
                .filter(line -> line.contains(LogFixtures.SECOND_TEAM)).count(),
                (long) response.headers().allValues("X-Suppressed-Entries").size()))
                .containsExactly(22L, 4L, 0L);
    }

    @Test
    void everyReadIsAuditedWithTheCallerAndTheRowCount() {
        http.researcher("/api/v1/research/entries?" + PERIOD + "&size=7");

        AuditRecord last = lastAudit();
        assertThat(List.of(last.actor(), last.action(), String.valueOf(last.rowCount())))
                .containsExactly(LogItConfiguration.RESEARCHER, "ENTRIES_READ", "7");
    }

    @Test
    void exportIsAuditedWithTheRowsItHandsOut() {
        http.researcher("/api/v1/research/exports/entries.csv?" + PERIOD);

        AuditRecord last = lastAudit();
        assertThat(List.of(last.action(), String.valueOf(last.rowCount()))).containsExactly("ENTRIES_EXPORTED", "22");
    }

    private AuditRecord lastAudit() {
        List<AuditRecord> all = audit.list(0, 100_000);
        return all.get(all.size() - 1);
    }

    @Test
    void operatorSeesTheAuditTrailWithAnIntactChain() {
        http.researcher("/api/v1/research/entries?" + PERIOD);

        JsonNode page = body(http.get(LogItConfiguration.OPERATOR, "/api/v1/ops/audit?limit=1000", "application/json"));

        assertThat(List.of(page.get("verification").get("intact").asBoolean(), page.get("records").size() > 0))
                .containsExactly(true, true);
    }

    @Test
    void researcherMayNotReadTheAuditTrail() {
        assertThat(http.researcher("/api/v1/ops/audit").statusCode()).isEqualTo(403);
    }

    @Test
    void tamperedAuditRowFailsVerification() {
        http.researcher("/api/v1/research/entries?" + PERIOD);
        long seq = lastAudit().seq();
        jdbc.update("UPDATE research_audit SET row_count = row_count + 1 WHERE seq = ?", seq);
        try {
            JsonNode verification = body(http.get(LogItConfiguration.OPERATOR, "/api/v1/ops/audit", "application/json"))
                    .get("verification");

            assertThat(List.of(verification.get("intact").asBoolean(), verification.get("brokenAtSeq").asLong()))
                    .containsExactly(false, seq);
        } finally {
            jdbc.update("UPDATE research_audit SET row_count = row_count - 1 WHERE seq = ?", seq);
        }
    }
}
