package no.ipshub.log.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.ipshub.log.audit.AuditRecord;
import no.ipshub.log.audit.AuditTrail;
import no.ipshub.log.mapping.CollaborationLogMapper;
import no.ipshub.log.store.CollaborationLogStore;
import no.ipshub.log.support.LogIntegrationTest;
import no.ipshub.log.support.ResearchHttp;
import no.ipshub.log.support.SyntheticPeople;
import no.ipshub.schemas.fixtures.HubMessages;
import no.ipshub.schemas.v1.HubMessage;
import no.ipshub.schemas.v1.OutcomeKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/*
 * The differencing attack, played as a researcher would, on 17 cases referred in 2021 (the other ITs log other
 * years): team haukeland-tsb 7 (6 to nav-bergenhus, 1 to nav-arstad, on 2021-03-01..07), nordland-ips 6 to nav-bodo,
 * and two small teams of 2 each to nav-tromso. Per team and per NAV office both tables have two primary blanks and
 * no secondary one, so Haukeland (7) and Bergenhus (6) are each shown on their own; asked one after the other by the
 * same researcher, Haukeland minus Bergenhus would be Årstad's single case. Haukeland's seventh referral is the one
 * on 2021-03-07, so the period up to 2021-03-06 differs from the whole by that one case too.
 */
@LogIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DifferencingIT {

    private static final String PERIOD = "from=2021-01-01&to=2021-12-31";
    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    ResearchHttp http;
    @Autowired
    CollaborationLogStore store;
    @Autowired
    CollaborationLogMapper mapper;
    @Autowired
    AuditTrail audit;

    @BeforeAll
    void seventeenCases() {
        List<HubMessage> referrals = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            referrals.add(referral("haukeland-tsb", "nav-bergenhus", LocalDate.of(2021, 3, 1 + i)));
        }
        referrals.add(referral("haukeland-tsb", "nav-arstad", LocalDate.of(2021, 3, 7)));
        for (int i = 0; i < 6; i++) {
            referrals.add(referral("nordland-ips", "nav-bodo", LocalDate.of(2021, 4, 1 + i)));
        }
        for (int i = 0; i < 2; i++) {
            referrals.add(referral("unn-ips", "nav-tromso", LocalDate.of(2021, 5, 1 + i)));
            referrals.add(referral("finnmark-ips", "nav-tromso", LocalDate.of(2021, 5, 10 + i)));
        }
        List<HubMessage> closings = referrals.stream().map(r -> HubMessages.outcome(OutcomeKind.EPISODE_CLOSED)
                .caseId(r.getCaseId()).outcome(o -> o.setDate(LocalDate.of(2021, 9, 30))).build()).toList();
        store.write(referrals.stream().map(mapper::map).toList(), outcome -> { });
        // closed, so that these cases are not open in the periods of the other tests
        store.write(closings.stream().map(mapper::map).toList(), outcome -> { });
    }

    private static HubMessage referral(String team, String navOffice, LocalDate day) {
        String person = SyntheticPeople.next();
        return HubMessages.referral().caseId("case-diff-" + team + "-" + navOffice + "-" + day).sender(team)
                .recipient(navOffice)
                .referral(r -> r.setParticipantNationalId(person).setReferringTeam(team).setNavOffice(navOffice)
                        .setReferralDate(day))
                .build();
    }

    private JsonNode referrals(String user, String query, String group) {
        JsonNode published = json.readTree(http.get(user, "/api/v1/research/indicators?" + query, "application/json").body());
        for (JsonNode cell : published.get("cells")) {
            if (cell.get("group").asString().equals(group) && cell.get("indicator").asString().equals("referrals")) {
                return cell;
            }
        }
        throw new AssertionError("no referrals cell for " + group + " in " + published);
    }

    @Test
    void eachTableOnItsOwnShowsTheTeamAndTheOffice() {
        assertThat(List.of(referrals(http.newResearcher(), PERIOD + "&groupBy=navOffice", "nav-bergenhus").get("value").asDouble(),
                referrals(http.newResearcher(), PERIOD + "&groupBy=team", "haukeland-tsb").get("value").asDouble()))
                .containsExactly(6.0, 7.0);
    }

    @Test
    void officeAskedAfterTheTeamBySameResearcherIsBlankedAsDifferencing() {
        String user = http.newResearcher();
        assertThat(referrals(user, PERIOD + "&groupBy=team", "haukeland-tsb").get("value").asDouble()).isEqualTo(7.0);

        JsonNode bergenhus = referrals(user, PERIOD + "&groupBy=navOffice", "nav-bergenhus");

        assertThat(List.of(bergenhus.get("value").isNull(), bergenhus.get("suppression").asString()))
                .containsExactly(true, "DIFFERENCING");
    }

    @Test
    void overlappingPeriodThatDiffersByOneCaseIsBlankedAsDifferencing() {
        String user = http.newResearcher();
        referrals(user, PERIOD + "&groupBy=team", "haukeland-tsb");

        JsonNode shorter = referrals(user, "from=2021-01-01&to=2021-03-06&groupBy=team", "haukeland-tsb");

        assertThat(shorter.get("suppression").asString()).isEqualTo("DIFFERENCING");
    }

    @Test
    void blankingAgainstEarlierAnswersIsInTheAuditTrail() {
        String user = http.newResearcher();
        referrals(user, PERIOD + "&groupBy=team", "haukeland-tsb");
        referrals(user, PERIOD + "&groupBy=navOffice", "nav-bergenhus");

        List<AuditRecord> all = audit.list(0, 100_000);
        assertThat(all.get(all.size() - 1).query()).contains("groupBy=navOffice").contains("blanked against earlier answers");
    }

    @Test
    void sameQueryAskedAgainIsAnsweredTheSame() {
        String user = http.newResearcher();
        referrals(user, PERIOD + "&groupBy=team", "haukeland-tsb");

        assertThat(referrals(user, PERIOD + "&groupBy=team", "haukeland-tsb").get("value").asDouble()).isEqualTo(7.0);
    }
}
