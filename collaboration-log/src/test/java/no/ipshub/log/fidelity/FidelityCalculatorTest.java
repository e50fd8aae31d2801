package no.ipshub.log.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.ipshub.log.support.LogEntries;
import no.ipshub.schemas.v1.CollaborationEventKind;
import no.ipshub.schemas.v1.CollaborationLogEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/*
 * The hand-computed scenario of docs/fidelity.md, period 2025-01-01 .. 2025-06-30 (181 days, observed on its last
 * day). Every expected value below is worked out step by step there.
 */
class FidelityCalculatorTest {

    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate TO = LocalDate.of(2025, 6, 30);

    private final FidelityTable table = new FidelityCalculator().compute(scenario(), FROM, TO, TO);

    @ParameterizedTest(name = "item {0} of team-a measures {1} and reaches anchor {2}")
    @CsvSource({
        "caseloadSize, 1.5, 5, 3",
        "integrationThroughFrequentTeamContact, 0.107934, 1, 5",
        "collaborationWithNav, 0.336326, 2, 5",
        "workIncentivesPlanning, 0.666667, 1, 3",
        "rapidJobSearch, 30.25, 4, 4",
        "frequentEmployerContact, 0.077348, 1, 4",
        "diversityOfJobTypes, 0.666667, 3, 3",
        "diversityOfEmployers, 0.666667, 3, 3",
        "competitiveJobs, 0.666667, 2, 3",
        "individualisedFollowAlongSupports, 0.666667, 3, 3",
        "timeUnlimitedFollowAlongSupports, 1.0, 3, 1",
        "assertiveEngagementAndOutreach, 0.5, 1, 2",
    })
    void itemMatchesTheHandComputedValueAnchorAndCases(String item, double value, int anchor, int cases) {
        ItemMeasure measure = teamA().items().get(item(item));

        assertThat(List.of(measure.value(), (double) measure.anchor(), (double) measure.caseKeys().size()))
                .satisfiesExactly(
                        v -> assertThat(v).isCloseTo(value, within(1e-5)),
                        a -> assertThat(a).isEqualTo(anchor),
                        c -> assertThat(c).isEqualTo(cases));
    }

    @Test
    void allRowCountsTheOtherTeamsSpecialistInTheCaseload() {
        assertThat(table.total().items().get(FidelityItem.CASELOAD_SIZE).value()).isCloseTo(4 / 3.0, within(1e-9));
    }

    @Test
    void itemsNotFromEventsAreNotMeasured() {
        assertThat(teamA().items().keySet()).doesNotContain(FidelityItem.EXECUTIVE_SUPPORT, FidelityItem.DISCLOSURE,
                FidelityItem.ZERO_EXCLUSION);
    }

    @Test
    void twelveItemsAreFromEventsAndThirteenAreNot() {
        assertThat(PublishedFidelity.measured()).hasSize(12);
    }

    @Test
    void itemWithNothingToMeasureHasNeitherValueNorAnchor() {
        FidelityTable empty = new FidelityCalculator().compute(List.of(), FROM, TO, TO);

        assertThat(List.of(String.valueOf(empty.total().items().get(FidelityItem.COMPETITIVE_JOBS).value()),
                String.valueOf(empty.total().items().get(FidelityItem.COMPETITIVE_JOBS).anchor()))).containsExactly("null", "null");
    }

    @ParameterizedTest(name = "a mean of {0} days to the first employer contact reaches anchor {1}")
    @CsvSource({"30, 5", "31, 4", "60, 4", "61, 3", "150, 3", "151, 2", "270, 2", "271, 1"})
    void rapidJobSearchAnchorsFollowTheScale(long days, int anchor) {
        LogEntries c = new LogEntries("k1", "p1", "team-a", "nav-x", "2025-01-01", null);
        List<CollaborationLogEntry> entries = List.of(c.event(CollaborationEventKind.REFERRAL, "2025-01-01"),
                c.event(CollaborationEventKind.EMPLOYER_CONTACT, LocalDate.of(2025, 1, 1).plusDays(days).toString()));

        FidelityTable t = new FidelityCalculator().compute(entries, FROM, LocalDate.of(2025, 12, 31), LocalDate.of(2025, 12, 31));

        assertThat(t.total().items().get(FidelityItem.RAPID_JOB_SEARCH).anchor()).isEqualTo(anchor);
    }

    private FidelityTable.Row teamA() {
        return table.teams().stream().filter(r -> r.team().equals("team-a")).findFirst().orElseThrow();
    }

    private static FidelityItem item(String id) {
        return java.util.Arrays.stream(FidelityItem.values()).filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    static List<CollaborationLogEntry> scenario() {
        List<CollaborationLogEntry> e = new ArrayList<>();
        LogEntries c1 = new LogEntries("c1", "p1", "team-a", "nav-x", "2025-01-06", "js1");
        e.add(c1.event(CollaborationEventKind.REFERRAL, "2025-01-06"));
        e.add(c1.event(CollaborationEventKind.REFERRAL_ACCEPTED, "2025-01-08"));
        e.add(c1.event(CollaborationEventKind.TREATMENT_TEAM_MEETING, "2025-01-15"));
        e.add(c1.event(CollaborationEventKind.EMPLOYER_CONTACT, "2025-01-16"));
        e.add(c1.event(CollaborationEventKind.BENEFITS_COUNSELLING, "2025-01-20"));
        e.add(c1.event(CollaborationEventKind.NAV_COLLABORATION_MEETING, "2025-01-22"));
        e.add(c1.job(CollaborationEventKind.JOB_STARTED, "2025-02-03", "974557746", "5223", true, true, 20));
        e.add(c1.event(CollaborationEventKind.FOLLOW_ALONG_SUPPORT, "2025-02-10"));
        e.add(c1.event(CollaborationEventKind.TREATMENT_TEAM_MEETING, "2025-02-12"));
        e.add(c1.event(CollaborationEventKind.FOLLOW_ALONG_SUPPORT, "2025-05-10"));
        LogEntries c2 = new LogEntries("c2", "p2", "team-a", "nav-x", "2025-01-13", "js1");
        e.add(c2.event(CollaborationEventKind.REFERRAL, "2025-01-13"));
        e.add(c2.event(CollaborationEventKind.REFERRAL_ACCEPTED, "2025-01-15"));
        e.add(c2.event(CollaborationEventKind.EMPLOYER_CONTACT, "2025-02-12"));
        e.add(c2.event(CollaborationEventKind.NAV_COLLABORATION_MEETING, "2025-02-19"));
        e.add(c2.job(CollaborationEventKind.JOB_STARTED, "2025-03-03", "889640782", "5223", true, false, 30));
        e.add(c2.event(CollaborationEventKind.FOLLOW_ALONG_SUPPORT, "2025-03-05"));
        e.add(c2.event(CollaborationEventKind.BENEFITS_COUNSELLING, "2025-03-10"));
        e.add(c2.job(CollaborationEventKind.JOB_ENDED, "2025-04-30", "889640782", "5223", true, false, 30));
        LogEntries c3 = new LogEntries("c3", "p3", "team-a", "nav-x", "2025-02-03", "js1");
        e.add(c3.event(CollaborationEventKind.REFERRAL, "2025-02-03"));
        e.add(c3.event(CollaborationEventKind.OUTREACH_ATTEMPT, "2025-03-01"));
        e.add(c3.event(CollaborationEventKind.EMPLOYER_CONTACT, "2025-04-04"));
        e.add(c3.event(CollaborationEventKind.EPISODE_CLOSED, "2025-04-15"));
        LogEntries c4 = new LogEntries("c4", "p4", "team-a", "nav-x", "2025-03-03", "js2");
        e.add(c4.event(CollaborationEventKind.REFERRAL, "2025-03-03"));
        e.add(c4.event(CollaborationEventKind.BENEFITS_COUNSELLING, "2025-03-20"));
        e.add(c4.event(CollaborationEventKind.EMPLOYER_CONTACT, "2025-03-24"));
        e.add(c4.job(CollaborationEventKind.JOB_STARTED, "2025-04-01", "974557746", "9112", true, true, 15));
        LogEntries c5 = new LogEntries("c5", "p5", "team-a", "nav-x", "2025-05-05", null);
        e.add(c5.event(CollaborationEventKind.REFERRAL, "2025-05-05"));
        e.add(c5.event(CollaborationEventKind.EPISODE_CLOSED, "2025-06-02"));
        LogEntries c6 = new LogEntries("c6", "p6", "team-b", "nav-y", "2025-06-16", "js3");
        e.add(c6.event(CollaborationEventKind.REFERRAL, "2025-06-16"));
        // after the period: must not count
        e.add(c4.event(CollaborationEventKind.EMPLOYER_CONTACT, "2025-07-02"));
        return e;
    }
}
