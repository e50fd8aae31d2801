package no.ipshub.log.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import no.ipshub.log.support.LogIntegrationTest;
import no.ipshub.log.support.LogItConfiguration;
import no.ipshub.log.support.LogKafka;
import no.ipshub.log.support.ResearchHttp;
import no.ipshub.log.support.SyntheticPeople;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.v1.FollowUpKind;
import no.ipshub.schemas.v1.HubMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/*
 * Two studies on one hub, through the log route, in 2019: the default project and "worklife-it", added at run time
 * with a researcher of its own. P consents to both, Q to the default project only, R to worklife-it only (no
 * research consent, worklife-it in researchProjects), S to both and then withdraws from worklife-it only. Each case
 * has a referral and an acceptance, S a referral only.
 */
@LogIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoProjectsIT {

    private static final String WORKLIFE = "worklife-it";
    private static final String WORKLIFE_RESEARCHER = "researcher-worklife";
    private static final String PERIOD = "from=2019-01-01&to=2019-12-31";
    private static final Duration LOGGED = Duration.ofSeconds(60);
    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    ProjectAdministration projects;
    @Autowired
    LogKafka kafka;
    @Autowired
    ResearchHttp http;

    private String topic;

    @BeforeAll
    void twoStudies() {
        http.user(WORKLIFE_RESEARCHER, "RESEARCHER");
        topic = projects.add(new ProjectAdministration.ProjectForm(WORKLIFE, "Work Life", 5, List.of(WORKLIFE_RESEARCHER),
                null), LogItConfiguration.OPERATOR).topic();
        kafka.send(referral("p", true, List.of(WORKLIFE)), accepted("p"));
        kafka.send(referral("q", true, null), accepted("q"));
        kafka.send(referral("r", false, List.of(WORKLIFE)), accepted("r"));
        kafka.send(referral("s", true, List.of(WORKLIFE)));
        kafka.send(HubMessages.followUp(FollowUpKind.CONSENT_WITHDRAWN).caseId(caseId("s"))
                .followUp(f -> f.setDate(LocalDate.of(2019, 3, 20)).setResearchProjects(List.of(WORKLIFE))).build());
        await().atMost(LOGGED).until(() -> total(WORKLIFE_RESEARCHER, WORKLIFE) == 4 && total(LogItConfiguration.RESEARCHER,
                null) == 5);
    }

    private static String caseId(String who) {
        return "case-projects-" + who;
    }

    private static HubMessage referral(String who, boolean consent, List<String> projects) {
        String person = SyntheticPeople.next();
        return HubMessages.referral().caseId(caseId(who)).referral(r -> r.setParticipantNationalId(person)
                .setReferralDate(LocalDate.of(2019, 3, 1)).setResearchConsent(consent).setResearchProjects(projects)).build();
    }

    private static HubMessage accepted(String who) {
        return HubMessages.followUp(FollowUpKind.REFERRAL_ACCEPTED).caseId(caseId(who)).sender(HubMessages.NAV_OFFICE)
                .recipient(HubMessages.TEAM).followUp(f -> f.setDate(LocalDate.of(2019, 3, 2))).build();
    }

    private long total(String user, String project) {
        JsonNode page = json.readTree(http.get(user, "/api/v1/research/entries?" + PERIOD
                + (project == null ? "" : "&project=" + project), "application/json").body());
        return page.has("totalElements") ? page.get("totalElements").asLong() : -1;
    }

    private List<List<String>> csv(String user, String project) {
        return http.get(user, "/api/v1/research/exports/entries.csv?" + PERIOD + (project == null ? "" : "&project=" + project),
                "text/csv").body().lines().skip(1).map(line -> List.of(line.split(",", -1))).toList();
    }

    @Test
    void eachStudyHoldsTheParticipantsWhoConsentedToIt() {
        // default: P and Q with two entries each, S's referral; worklife-it: P and R with two each, S withdrew
        assertThat(List.of(total(LogItConfiguration.RESEARCHER, null), total(WORKLIFE_RESEARCHER, WORKLIFE)))
                .containsExactly(5L, 4L);
    }

    @Test
    void noKeyOfOneStudysExportIsInTheOthers() {
        Set<String> defaultKeys = keys(csv(LogItConfiguration.RESEARCHER, null));
        Set<String> worklifeKeys = keys(csv(WORKLIFE_RESEARCHER, WORKLIFE));
        Set<String> common = new HashSet<>(defaultKeys);
        common.retainAll(worklifeKeys);

        assertThat(List.of(defaultKeys.size() >= 8, worklifeKeys.size() >= 8, common.isEmpty()))
                .containsExactly(true, true, true);
    }

    /** The entry, participant, case and job specialist keys of the rows (CSV columns 1, 3, 4 and 15). */
    private static Set<String> keys(List<List<String>> rows) {
        Set<String> keys = new HashSet<>();
        for (List<String> row : rows) {
            for (int column : new int[] {0, 2, 3, 14}) {
                if (!row.get(column).isEmpty()) {
                    keys.add(row.get(column));
                }
            }
        }
        return keys;
    }

    @Test
    void researcherOfOneStudyIsRefusedTheOther() {
        assertThat(http.get(LogItConfiguration.RESEARCHER, "/api/v1/research/entries?project=" + WORKLIFE, "application/json")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void aStudysEntriesGoToItsOwnTopic() {
        List<ConsumerRecord<byte[], byte[]>> records = kafka.readAll(topic);

        assertThat(List.of(topic, records.stream().filter(r -> r.value() != null).count() >= 4))
                .containsExactly("ips.collaboration-log." + WORKLIFE + "-v1", true);
    }

    @Test
    void withdrawalFromOneStudyTombstonesItsEntryThereOnly() {
        long tombstones = kafka.readAll(topic).stream().filter(r -> r.value() == null).count();

        assertThat(List.of(tombstones, total(LogItConfiguration.RESEARCHER, null))).containsExactly(1L, 5L);
    }

    @Test
    void auditOfOneStudyListsItsRowsOnly() {
        JsonNode records = json.readTree(http.get(LogItConfiguration.OPERATOR, "/api/v1/ops/audit?limit=1000&project=" + WORKLIFE,
                "application/json").body()).get("records");

        Set<String> projectsSeen = new HashSet<>();
        Set<String> actions = new HashSet<>();
        records.forEach(r -> {
            projectsSeen.add(r.get("project").asString());
            actions.add(r.get("action").asString());
        });
        assertThat(List.of(projectsSeen, actions.contains("PROJECT_ADDED"), actions.contains("CONSENT_WITHDRAWN")))
                .containsExactly(Set.of(WORKLIFE), true, true);
    }

    @Test
    void studyAddedWithItsOwnCodeTwiceIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> projects.add(new ProjectAdministration.ProjectForm(WORKLIFE,
                "again", 5, List.of(), null), LogItConfiguration.OPERATOR))
                .isInstanceOf(ProjectRequestException.class).hasMessageContaining("taken");
    }
}
