package no.ipshub.log.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import no.ipshub.log.cases.LoggedCase;
import no.ipshub.log.disclosure.DisclosureControl;
import no.ipshub.log.support.LogEntries;
import no.ipshub.log.suppression.SmallCellSuppressor;
import no.ipshub.log.suppression.Suppression;
import no.ipshub.schemas.v1.CollaborationEventKind;
import no.ipshub.schemas.v1.CollaborationLogEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/*
 * Job specialists of team-a in 2025 (docs/indicators.md, Job specialist tenure and turnover), observed on 2025-12-31:
 *   js1: c1 referred 2024-06-01, closed 2025-03-31                 tenure 2024-06-01 .. 03-31, left, 303 days
 *   js2: c2 referred 2025-02-01, handed to js3 on 05-01            tenure 02-01 .. 05-01, left, 89 days
 *   js3: c2 from 05-01, still open; c4 referred 07-01, closed 08-01  tenure 05-01 .. 12-31, censored, 244 days
 *   js4: c3 referred 2025-03-01, closed 09-30                      tenure 03-01 .. 09-30, left, 213 days
 *   js5: c0 referred 2024-11-01, closed 2024-12-15; c5 referred 2025-10-01, still open
 *                                                                  tenure 2024-11-01 .. 12-31, censored, 425 days
 * In 2025: active 5, started 3 (js2, js3, js4), left 3 (js1, js2, js4). Specialist-days 90 + 90 + 245 + 214 + 365 =
 * 1004 over 365 days: mean active 2.750685, turnover 3 / 2.750685 = 1.090637. Median tenure (Kaplan-Meier over the
 * three that started): day 89 S = 2/3, day 213 S = 1/3, so 213; day 244 is a censoring.
 */
class SpecialistTenureTest {

    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate TO = LocalDate.of(2025, 12, 31);

    static List<CollaborationLogEntry> scenario() {
        LogEntries c0 = new LogEntries("c0", "p0", "team-a", "nav-a", "2024-11-01", "js5");
        LogEntries c1 = new LogEntries("c1", "p1", "team-a", "nav-a", "2024-06-01", "js1");
        LogEntries c2 = new LogEntries("c2", "p2", "team-a", "nav-a", "2025-02-01", "js2");
        LogEntries c3 = new LogEntries("c3", "p3", "team-a", "nav-a", "2025-03-01", "js4");
        LogEntries c4 = new LogEntries("c4", "p4", "team-a", "nav-a", "2025-07-01", "js3");
        LogEntries c5 = new LogEntries("c5", "p5", "team-a", "nav-a", "2025-10-01", "js5");
        return List.of(
                c0.event(CollaborationEventKind.REFERRAL, "2024-11-01"),
                c0.event(CollaborationEventKind.EPISODE_CLOSED, "2024-12-15"),
                c1.event(CollaborationEventKind.REFERRAL, "2024-06-01"),
                c1.event(CollaborationEventKind.EPISODE_CLOSED, "2025-03-31"),
                c2.event(CollaborationEventKind.REFERRAL, "2025-02-01"),
                c2.builder(CollaborationEventKind.JOB_SPECIALIST_CHANGED, "2025-05-01").setJobSpecialistKey("js3")
                        .setPreviousJobSpecialistKey("js2").build(),
                c3.event(CollaborationEventKind.REFERRAL, "2025-03-01"),
                c3.event(CollaborationEventKind.EPISODE_CLOSED, "2025-09-30"),
                c4.event(CollaborationEventKind.REFERRAL, "2025-07-01"),
                c4.event(CollaborationEventKind.EPISODE_CLOSED, "2025-08-01"),
                c5.event(CollaborationEventKind.REFERRAL, "2025-10-01"));
    }

    private static List<SpecialistTenure> tenures() {
        return SpecialistTenure.of(LoggedCase.of(scenario(), TO), TO);
    }

    private static SpecialistTenure tenureOf(String specialist) {
        return tenures().stream().filter(t -> t.specialistKey().equals(specialist)).findFirst().orElseThrow();
    }

    private static Double value(IndicatorTable table, String group, Indicator indicator) {
        IndicatorRow row = group.equals(IndicatorRow.ALL) ? table.total()
                : table.groups().stream().filter(r -> r.group().equals(group)).findFirst().orElseThrow();
        return row.values().get(indicator).value();
    }

    @ParameterizedTest(name = "{1} of {0} is {2}")
    @CsvSource({
        "team-a, JOB_SPECIALISTS_ACTIVE, 5",
        "team-a, JOB_SPECIALISTS_STARTED, 3",
        "team-a, JOB_SPECIALISTS_LEFT, 3",
        "team-a, JOB_SPECIALIST_TURNOVER, 1.090637",
        "team-a, MEDIAN_JOB_SPECIALIST_TENURE_DAYS, 213",
        "ALL, JOB_SPECIALISTS_ACTIVE, 5",
        "ALL, JOB_SPECIALIST_TURNOVER, 1.090637",
    })
    void aYearsTenureAndTurnoverMatchTheHandComputedValues(String group, Indicator indicator, double expected) {
        IndicatorTable table = new IndicatorCalculator().compute(scenario(), FROM, TO, GroupBy.TEAM);

        assertThat(value(table, group, indicator)).isCloseTo(expected, within(1e-5));
    }

    @ParameterizedTest(name = "{0} of May is {1}")
    @CsvSource({
        "JOB_SPECIALISTS_STARTED, 1",
        "JOB_SPECIALISTS_LEFT, 1",
    })
    void aHandoverEndsOneTenureAndStartsAnotherOnItsDay(Indicator indicator, double expected) {
        IndicatorTable table = new IndicatorCalculator().compute(scenario(), FROM, TO, GroupBy.MONTH);

        assertThat(value(table, "2025-05", indicator)).isEqualTo(expected);
    }

    @Test
    void aTenureStillRunningAtTheObservationEndIsCensoredThere() {
        assertThat(tenureOf("js3")).isEqualTo(new SpecialistTenure("team-a", "js3", LocalDate.of(2025, 5, 1), TO, false));
    }

    @Test
    void aSpecialistLeavesOnTheDayTheirLastCaseOfTheTeamCloses() {
        assertThat(tenureOf("js4")).isEqualTo(new SpecialistTenure("team-a", "js4", LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 9, 30), true));
    }

    @Test
    void aTenureRunsFromTheFirstCaseOfTheTeamAlsoOneClosedBeforeThePeriod() {
        IndicatorTable table = new IndicatorCalculator().compute(scenario(), LocalDate.of(2025, 10, 1), TO, GroupBy.TEAM);

        assertThat(value(table, "team-a", Indicator.JOB_SPECIALISTS_STARTED)).isZero();
    }

    @Test
    void theMedianTenureIsTheKaplanMeierMedianNotTheMedianOfThoseWhoLeft() {
        IndicatorTable table = new IndicatorCalculator().compute(scenario(), FROM, TO, GroupBy.TEAM);

        // those who left after starting in 2025 stayed 89 and 213 days (median 151); js3's 244 days still run
        assertThat(value(table, "team-a", Indicator.MEDIAN_JOB_SPECIALIST_TENURE_DAYS)).isEqualTo(213.0);
    }

    @Test
    void aCountOfFewerJobSpecialistsThanTheThresholdIsBlanked() {
        IndicatorTable table = new IndicatorCalculator().compute(scenario(), FROM, TO, GroupBy.TEAM);
        PublishedIndicators published = PublishedIndicators.of(table, 5,
                new DisclosureControl(new SmallCellSuppressor(5)).alone(PublishedIndicators.grids(table)));

        assertThat(published.cells().stream().filter(c -> c.group().equals("team-a"))
                .filter(c -> c.indicator().startsWith("jobSpecialists")).map(c -> c.indicator() + " " + c.suppression())
                .toList()).containsExactly("jobSpecialistsActive NONE", "jobSpecialistsStarted PRIMARY",
                        "jobSpecialistsLeft PRIMARY");
    }
}
