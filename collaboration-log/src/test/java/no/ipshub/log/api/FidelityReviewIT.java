package no.ipshub.log.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import no.ipshub.log.mapping.CollaborationLogMapper;
import no.ipshub.log.mapping.LogEvent;
import no.ipshub.log.project.ProjectAdministration;
import no.ipshub.log.project.ProjectDirectory;
import no.ipshub.log.store.CollaborationLogStore;
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
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/*
 * Project reviews-it, 2016: six participants of haukeland-tsb, each with an employer contact ten days after the
 * referral, so rapid job search (item 15) reaches anchor 5 from events. A review of haukeland-tsb on 2016-06-01
 * scores item n as n % 5 + 1 (item 15: 1; total 75). Beside each other, item 15 differs by 5 - 1 = 4.
 */
@LogIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FidelityReviewIT {

    private static final String PROJECT = "reviews-it";
    private static final String PERIOD = "project=" + PROJECT + "&from=2016-01-01&to=2016-12-31";
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newHttpClient();

    @Autowired
    ProjectAdministration projects;
    @Autowired
    ProjectDirectory directory;
    @Autowired
    CollaborationLogMapper mapper;
    @Autowired
    CollaborationLogStore store;
    @Autowired
    ResearchHttp http;
    @Autowired
    Environment environment;

    private HttpResponse<String> imported;

    @BeforeAll
    void sixCasesAndAReview() throws Exception {
        projects.add(new ProjectAdministration.ProjectForm(PROJECT, "Reviews", 5, List.of(LogItConfiguration.RESEARCHER), null),
                LogItConfiguration.OPERATOR);
        ProjectDirectory.Entry project = directory.find(PROJECT).orElseThrow();
        List<HubMessage> messages = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String caseId = "case-review-" + i;
            LocalDate day = LocalDate.of(2016, 3, 1 + i);
            String person = SyntheticPeople.next();
            messages.add(HubMessages.referral().caseId(caseId).referral(r -> r.setParticipantNationalId(person)
                    .setReferralDate(day).setResearchConsent(false).setResearchProjects(List.of(PROJECT))).build());
            messages.add(HubMessages.followUp(FollowUpKind.EMPLOYER_CONTACT).caseId(caseId)
                    .followUp(f -> f.setDate(day.plusDays(10))).build());
        }
        List<LogEvent> events = messages.stream().map(m -> mapper.map(m, project.project(), project.pseudonymiser())).toList();
        store.write(Map.of(PROJECT, events), outcomes -> { });
        imported = post(LogItConfiguration.RESEARCHER, "team,reviewDate,item,score\n" + review("2016-06-01"));
    }

    private static String review(String date) {
        return IntStream.rangeClosed(1, 25).mapToObj(n -> "haukeland-tsb," + date + "," + n + "," + (n % 5 + 1))
                .collect(Collectors.joining("\n"));
    }

    private HttpResponse<String> post(String user, String csv) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + LogItConfiguration.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + environment.getRequiredProperty("local.server.port") + "/api/v1/research/fidelity/reviews?project=" + PROJECT))
                .header("Authorization", "Basic " + credentials).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void researcherImportsAReview() {
        assertThat(List.of(imported.statusCode(), json.readTree(imported.body()).get("reviews").get(0).get("total").asInt()))
                .containsExactly(201, 75);
    }

    @Test
    void reviewIsShownBesideTheEventEvidenceItemByItem() {
        JsonNode team = json.readTree(http.researcher("/api/v1/research/fidelity/reviews?" + PERIOD).body()).get("teams").get(0);
        JsonNode rapid = team.get("items").get(14);

        assertThat(List.of(team.get("team").asString(), team.get("items").size(), rapid.get("score").asInt(),
                rapid.get("eventAnchor").asInt(), rapid.get("difference").asInt(), team.get("items").get(1).get("eventAnchor")
                        .isNull())).containsExactly("haukeland-tsb", 25, 1, 5, 4, true);
    }

    @Test
    void tableReaderReadsTheComparisonButCannotImport() throws Exception {
        String reader = http.newTableReader();
        projects.putTableReader(reader, new ProjectAdministration.ScopeForm(PROJECT, null, null), LogItConfiguration.OPERATOR);

        assertThat(List.of(http.get(reader, "/api/v1/research/fidelity/reviews?" + PERIOD, "application/json").statusCode(),
                post(reader, "team,reviewDate,item,score\n" + review("2016-07-01")).statusCode())).containsExactly(200, 403);
    }

    @Test
    void badFileIsRefusedNamingItsProblems() throws Exception {
        HttpResponse<String> response = post(LogItConfiguration.RESEARCHER, "team,reviewDate,item,score\nhaukeland-tsb,2016-06-02,26,3");

        assertThat(List.of(response.statusCode(), json.readTree(response.body()).get("errors").get(0).asString()))
                .containsExactly(400, "line 2: item must be 1 to 25");
    }
}
