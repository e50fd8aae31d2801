package no.ipshub.log.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import no.ipshub.log.audit.AuditRecord;
import no.ipshub.log.audit.AuditTrail;
import no.ipshub.log.project.ProjectAdministration;
import no.ipshub.log.project.ProjectDirectory;
import no.ipshub.log.support.LogIntegrationTest;
import no.ipshub.log.support.LogItConfiguration;
import no.ipshub.log.support.ResearchHttp;
import no.ipshub.schemas.fixtures.HubMessages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/*
 * Project roster-it, 2013, without a single log entry: haukeland-tsb sends a roster of six job specialists, one who
 * left on 2013-06-30 and five on 2013-12-31 (within 2012-2013, which no other test of the log asks about), so the
 * year's row over all teams has 6 active from the roster alone.
 */
@LogIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamRosterIT {

    private static final String PROJECT = "roster-it";
    private static final String ROSTER = """
            {"specialists": [
              {"jobSpecialistRef": "roster-ref-1", "start": "2012-01-01", "end": "2013-12-31"},
              {"jobSpecialistRef": "roster-ref-2", "start": "2012-05-01", "end": "2013-12-31"},
              {"jobSpecialistRef": "roster-ref-3", "start": "2013-02-01", "end": "2013-12-31"},
              {"jobSpecialistRef": "roster-ref-4", "start": "2013-03-01", "end": "2013-12-31"},
              {"jobSpecialistRef": "roster-ref-5", "start": "2013-04-01", "end": "2013-12-31"},
              {"jobSpecialistRef": "roster-ref-6", "start": "2012-09-01", "end": "2013-06-30"}
            ]}""";
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newHttpClient();

    @Autowired
    ProjectAdministration projects;
    @Autowired
    ProjectDirectory directory;
    @Autowired
    ResearchHttp http;
    @Autowired
    Environment environment;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditTrail audit;

    private HttpResponse<String> sent;

    @BeforeAll
    void theTeamSendsItsRoster() throws Exception {
        projects.add(new ProjectAdministration.ProjectForm(PROJECT, "Rosters", 5, List.of(LogItConfiguration.RESEARCHER), null),
                LogItConfiguration.OPERATOR);
        sent = put(http.user(HubMessages.TEAM, "PARTNER"), ROSTER);
    }

    private HttpResponse<String> put(String user, String body) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + LogItConfiguration.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + environment.getRequiredProperty("local.server.port") + "/api/v1/roster"))
                .header("Authorization", "Basic " + credentials).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTreatmentTeamSendsItsRoster() {
        assertThat(List.of(sent.statusCode(), json.readTree(sent.body()).get("specialists").asInt()))
                .containsExactly(200, 6);
    }

    @Test
    void theRosterIsStoredPseudonymisedWithTheProjectsKeyAndNeverByItsRef() {
        String key = directory.find(PROJECT).orElseThrow().pseudonymiser().jobSpecialistKey("roster-ref-1");

        assertThat(List.of(
                jdbc.queryForObject("SELECT COUNT(*) FROM team_roster WHERE project = ? AND job_specialist_key = ?",
                        Long.class, PROJECT, key),
                jdbc.queryForObject("SELECT COUNT(*) FROM team_roster WHERE job_specialist_key LIKE 'roster-ref%'",
                        Long.class))).containsExactly(1L, 0L);
    }

    @Test
    void aNavOfficeCannotSendARoster() throws Exception {
        assertThat(put(http.user(HubMessages.NAV_OFFICE, "PARTNER"), ROSTER).statusCode()).isEqualTo(403);
    }

    @Test
    void aRosterLineEndingBeforeItStartsIsRefused() throws Exception {
        HttpResponse<String> response = put(http.user(HubMessages.TEAM, "PARTNER"),
                "{\"specialists\": [{\"jobSpecialistRef\": \"x\", \"start\": \"2013-05-01\", \"end\": \"2013-04-01\"}]}");

        assertThat(List.of(response.statusCode(), json.readTree(response.body()).get("errors").get(0).asString()))
                .containsExactly(400, "specialists[0].end: must not be before start");
    }

    @Test
    void theRosterIsAudited() {
        List<AuditRecord> records = audit.list(0, 100_000);

        assertThat(records).anyMatch(r -> r.actor().equals(HubMessages.TEAM) && r.action().equals("TEAM_ROSTER_REPLACED"));
    }

    @Test
    void tenureOfATeamWithARosterIsReadFromIt() {
        JsonNode published = json.readTree(http.researcher("/api/v1/research/indicators?project=" + PROJECT
                + "&from=2013-01-01&to=2013-12-31&groupBy=team").body());
        Double active = null;
        for (JsonNode cell : published.get("cells")) {
            if (cell.get("group").asString().equals("ALL") && cell.get("indicator").asString().equals("jobSpecialistsActive")) {
                active = cell.get("value").asDouble();
            }
        }

        assertThat(active).isEqualTo(6.0);
    }
}
