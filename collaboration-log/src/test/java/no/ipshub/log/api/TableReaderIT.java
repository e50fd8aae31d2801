package no.ipshub.log.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import no.ipshub.log.mapping.CollaborationLogMapper;
import no.ipshub.log.mapping.LogEvent;
import no.ipshub.log.project.ProjectAdministration;
import no.ipshub.log.project.ProjectDirectory;
import no.ipshub.log.store.CollaborationLogStore;
import no.ipshub.log.support.ExhaustiveSolver;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/*
 * Table readers of project tables-it, in 2017: team A (haukeland-tsb, to nav-bergenhus) 8 referrals in February, team
 * B (nordland-ips, to nav-bodo) 6 in March, team C (unn-ips, to nav-tromso) 2 in April: per team A 8, B 6, C 2 and
 * ALL 16. A steering group reads everything aggregated, a NAV office manager nav-bodo's cases only; neither reads a
 * row. The recovery found by hand (C = 16 - 8 - 6 after a withdrawal from A) is played over HTTP as the steering group.
 */
@LogIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TableReaderIT {

    private static final String PROJECT = "tables-it";
    private static final String YEAR = "from=2017-01-01&to=2017-12-31";
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Set<String>> people = new LinkedHashMap<>();

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

    private String steering;
    private String officeManager;

    @BeforeAll
    void threeTeams() {
        projects.add(new ProjectAdministration.ProjectForm(PROJECT, "Tables", 5, List.of(LogItConfiguration.RESEARCHER), null),
                LogItConfiguration.OPERATOR);
        steering = http.newTableReader();
        officeManager = http.newTableReader();
        projects.putTableReader(steering, new ProjectAdministration.ScopeForm(PROJECT, null, null), LogItConfiguration.OPERATOR);
        projects.putTableReader(officeManager, new ProjectAdministration.ScopeForm(PROJECT, null, List.of("nav-bodo")),
                LogItConfiguration.OPERATOR);
        List<HubMessage> referrals = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            referrals.add(referral("A" + i, "haukeland-tsb", "nav-bergenhus", LocalDate.of(2017, 2, 1 + i)));
        }
        for (int i = 0; i < 6; i++) {
            referrals.add(referral("B" + i, "nordland-ips", "nav-bodo", LocalDate.of(2017, 3, 1 + i)));
        }
        for (int i = 0; i < 2; i++) {
            referrals.add(referral("C" + i, "unn-ips", "nav-tromso", LocalDate.of(2017, 4, 1 + i)));
        }
        write(referrals);
    }

    private HubMessage referral(String who, String team, String navOffice, LocalDate day) {
        people.computeIfAbsent(who.substring(0, 1), t -> new TreeSet<>()).add(who);
        return HubMessages.referral().caseId("case-tables-" + who).sender(team).recipient(navOffice)
                .referral(r -> r.setParticipantNationalId(SyntheticPeople.next()).setReferringTeam(team).setNavOffice(navOffice)
                        .setReferralDate(day).setResearchConsent(false).setResearchProjects(List.of(PROJECT)))
                .build();
    }

    private void write(List<HubMessage> messages) {
        ProjectDirectory.Entry project = directory.find(PROJECT).orElseThrow();
        List<LogEvent> events = messages.stream().map(m -> mapper.map(m, project.project(), project.pseudonymiser())).toList();
        store.write(Map.of(PROJECT, events), outcomes -> { });
    }

    private JsonNode get(String user, String path) {
        return json.readTree(http.get(user, path, "application/json").body());
    }

    private Map<String, JsonNode> referrals(String user, String query) {
        Map<String, JsonNode> cells = new LinkedHashMap<>();
        for (JsonNode cell : get(user, "/api/v1/research/indicators?" + query).get("cells")) {
            if (cell.get("indicator").asString().equals("referrals")) {
                cells.put(cell.get("group").asString(), cell);
            }
        }
        return cells;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/research/entries", "/api/v1/research/exports/entries.csv",
        "/api/v1/research/exports/entries.parquet", "/api/v1/research/pairs/timelines?team=nordland-ips&navOffice=nav-bodo&"
            + YEAR, "/api/v1/research/exports/timelines.csv?team=nordland-ips&navOffice=nav-bodo&" + YEAR})
    void tableReaderIsRefusedEveryRowLevelPath(String path) {
        assertThat(http.get(steering, path, "*/*").statusCode()).isEqualTo(403);
    }

    @Test
    void tableReaderIsRefusedEntriesAsNdjsonToo() {
        assertThat(http.get(steering, "/api/v1/research/entries", "application/x-ndjson").statusCode()).isEqualTo(403);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/research/indicators?groupBy=month&", "/api/v1/research/fidelity?",
        "/api/v1/research/pairs?", "/api/v1/research/time-to-event?groupBy=pair&",
        "/api/v1/research/exports/indicators.csv?", "/api/v1/research/exports/time-to-event.parquet?"})
    void tableReaderReadsTheTables(String path) {
        assertThat(http.get(http.newTableReader(), path + YEAR, "*/*").statusCode()).isEqualTo(200);
    }

    @Test
    void officeManagerSeesItsOfficesCasesOnly() {
        Map<String, JsonNode> cells = referrals(officeManager, YEAR + "&groupBy=navOffice");

        assertThat(List.of(cells.keySet(), cells.get("ALL").get("value").asDouble()))
                .containsExactly(Set.of("nav-bodo", "ALL"), 6.0);
    }

    @Test
    void tableReaderAskingAboutAnotherProjectIsRefused() {
        assertThat(http.get(steering, "/api/v1/research/indicators?" + YEAR + "&project=ipsnor-it", "application/json")
                .statusCode()).isEqualTo(403);
    }

    /*
     * Before: A 8, B blank (secondary), C blank (primary), ALL 16. One of A's participants withdraws. After: B must stay
     * blank (A and ALL are blank as differencing); and asked for March, whose referrals are B's six alone (A's cases
     * are open then, with no referral: a primary blank that takes B with it), the total of March would be B: it is
     * blank as differencing. Whatever the steering group was shown, C's 2 cannot be worked out.
     */
    @Test
    void theSmallTeamCannotBeRecoveredAcrossAWithdrawal() {
        String reader = http.newTableReader();
        projects.putTableReader(reader, new ProjectAdministration.ScopeForm(PROJECT, null, null), LogItConfiguration.OPERATOR);
        Map<String, JsonNode> before = referrals(reader, YEAR + "&groupBy=team");
        write(List.of(HubMessages.followUp(FollowUpKind.CONSENT_WITHDRAWN).caseId("case-tables-A0")
                .sender("haukeland-tsb").recipient("nav-bergenhus")
                .followUp(f -> f.setDate(LocalDate.of(2017, 5, 1)).setResearchProjects(List.of(PROJECT))).build()));
        Map<String, JsonNode> after = referrals(reader, YEAR + "&groupBy=team");
        Map<String, JsonNode> march = referrals(reader, "from=2017-03-01&to=2017-03-31&groupBy=team");

        assertThat(List.of(flag(before, "haukeland-tsb"), flag(before, "nordland-ips"), flag(before, "unn-ips"),
                flag(before, "ALL"), flag(after, "nordland-ips"), flag(march, "ALL")))
                .containsExactly("NONE", "SECONDARY", "PRIMARY", "NONE", "SECONDARY", "DIFFERENCING");
        List<Set<String>> shown = new ArrayList<>();
        collect(before, shown, people, Set.of());
        collect(after, shown, people, Set.of("A0"));
        collect(march, shown, Map.of("haukeland-tsb", Set.of(), "nordland-ips", people.get("B")), Set.of());
        assertThat(ExhaustiveSolver.recoverable(shown, people.get("C"))).isFalse();
    }

    private static String flag(Map<String, JsonNode> cells, String group) {
        return cells.get(group).get("suppression").asString();
    }

    /** The sets behind the shown cells of a team table, by who is in each team (less those who withdrew). */
    private static void collect(Map<String, JsonNode> cells, List<Set<String>> shown, Map<String, Set<String>> teams,
            Set<String> gone) {
        Map<String, Set<String>> byGroup = new LinkedHashMap<>();
        Set<String> all = new TreeSet<>();
        teams.forEach((team, members) -> {
            String group = switch (team) {
                case "A" -> "haukeland-tsb";
                case "B" -> "nordland-ips";
                case "C" -> "unn-ips";
                default -> team;
            };
            Set<String> in = new TreeSet<>(members);
            in.removeAll(gone);
            byGroup.put(group, in);
            all.addAll(in);
        });
        byGroup.put("ALL", all);
        cells.forEach((group, cell) -> {
            if (cell.get("suppression").asString().equals("NONE")) {
                shown.add(byGroup.get(group));
            }
        });
    }

    /* Publication-safe tables of a project are checked against everything the project marked publication-safe. */
    @Test
    void publicationSafeTablesOfTwoResearchersAreCheckedTogether() {
        String first = http.newResearcher();
        String second = http.newResearcher();
        projects.change(PROJECT, new ProjectAdministration.ProjectForm(null, null, null,
                List.of(LogItConfiguration.RESEARCHER, first, second), null), LogItConfiguration.OPERATOR);
        String team = "project=" + PROJECT + "&" + YEAR + "&groupBy=team&publicationSafe=true";
        referrals(first, team);

        Map<String, JsonNode> own = referrals(second, "project=" + PROJECT + "&from=2017-03-01&to=2017-03-31&groupBy=team");
        Map<String, JsonNode> safe = referrals(second, "project=" + PROJECT
                + "&from=2017-03-01&to=2017-03-31&groupBy=team&publicationSafe=true");

        // March's total is B's six referrals alone: shown on the researcher's own record, not on the project's
        assertThat(List.of(flag(own, "ALL"), flag(safe, "ALL"))).containsExactly("NONE", "DIFFERENCING");
    }
}
