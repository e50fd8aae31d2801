package no.ipshub.log.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/*
 * The events of SpecialistTenureTest (team-a: five specialists in 2025), and a roster that team-a sent:
 *   rs1 2024-01-01 .. 2025-06-30, left; rs2 2025-03-01 .., still on the team (censored on 2025-12-31).
 * With the roster, team-a in 2025 has 2 active, 1 started (rs2), 1 left (rs1); without it, the events' 5, 3 and 3.
 */
class TeamRosterTest {

    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate TO = LocalDate.of(2025, 12, 31);

    private static TeamRosters roster(String team) {
        return new TeamRosters(List.of(
                new RosterSpell(team, "rs1", LocalDate.of(2024, 1, 1), LocalDate.of(2025, 6, 30)),
                new RosterSpell(team, "rs2", LocalDate.of(2025, 3, 1), null)));
    }

    private static List<Double> counts(IndicatorRow row) {
        return List.of(row.values().get(Indicator.JOB_SPECIALISTS_ACTIVE).value(),
                row.values().get(Indicator.JOB_SPECIALISTS_STARTED).value(),
                row.values().get(Indicator.JOB_SPECIALISTS_LEFT).value());
    }

    @Test
    void aTeamsRosterTakesThePlaceOfItsEvents() {
        IndicatorTable table = new IndicatorCalculator().compute(SpecialistTenureTest.scenario(), FROM, TO, GroupBy.TEAM, TO,
                roster("team-a"));

        assertThat(counts(table.groups().get(0))).containsExactly(2.0, 1.0, 1.0);
    }

    @Test
    void aTeamWithoutARosterKeepsItsEvents() {
        IndicatorTable table = new IndicatorCalculator().compute(SpecialistTenureTest.scenario(), FROM, TO, GroupBy.TEAM, TO,
                roster("team-b"));

        // team-a's five from its events, and team-b's two from its roster in the row over all teams
        assertThat(List.of(counts(table.groups().get(0)).get(0), counts(table.total()).get(0))).containsExactly(5.0, 7.0);
    }

    @Test
    void aRosterLineWithoutAnEndIsCensoredAtTheObservationEnd() {
        assertThat(roster("team-a").tenures(TO)).contains(new SpecialistTenure("team-a", "rs2", LocalDate.of(2025, 3, 1),
                TO, false));
    }

    @Test
    void aRosterLineStartingAfterTheObservationEndIsNotSeen() {
        assertThat(roster("team-a").tenures(LocalDate.of(2025, 2, 28))).extracting(SpecialistTenure::specialistKey)
                .containsExactly("rs1");
    }
}
