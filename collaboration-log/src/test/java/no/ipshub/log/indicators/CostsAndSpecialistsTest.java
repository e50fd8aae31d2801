package no.ipshub.log.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import no.ipshub.log.support.LogEntries;
import no.ipshub.log.survival.TimeToEventCalculator;
import no.ipshub.log.survival.TimeToEventGrouping;
import no.ipshub.schemas.v1.CollaborationEventKind;
import no.ipshub.schemas.v1.CollaborationLogEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/*
 * Job specialists and costs, period 2025-01-01 .. 2025-03-31, team-a:
 *   c1 (p1) referred 01-10, NAV measure 01-20, handed from js1 to js2 on 01-25, competitive job from 02-01
 *           (20 h a week, 200.00 NOK an hour, wage subsidy), still running: 59 days in the period
 *   c2 (p2) referred 02-01, competitive job 03-01 to 03-14 (10 h, 150.00 NOK, no subsidy): 14 days
 *   c3 (p3) referred 03-01, nothing else
 * Handovers per case: 1 of 3 open cases. Cases with a NAV measure: 1 of 3. Job starts with a wage subsidy: 1 of 2.
 * Earnings: p1 20 * 200 * 59/7 = 33,714.29; p2 10 * 150 * 14/7 = 3,000; mean 18,357.14.
 */
class CostsAndSpecialistsTest {

    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate TO = LocalDate.of(2025, 3, 31);

    private static List<CollaborationLogEntry> scenario() {
        LogEntries c1 = new LogEntries("c1", "p1", "team-a", "nav-a", "2025-01-10", "js1");
        LogEntries c2 = new LogEntries("c2", "p2", "team-a", "nav-a", "2025-02-01", "js1");
        LogEntries c3 = new LogEntries("c3", "p3", "team-a", "nav-a", "2025-03-01", "js1");
        return List.of(c1.event(CollaborationEventKind.REFERRAL, "2025-01-10"),
                c1.builder(CollaborationEventKind.NAV_MEASURE_CHANGED, "2025-01-20").setNavMeasureCode("INDOPPFAG").build(),
                c1.builder(CollaborationEventKind.JOB_SPECIALIST_CHANGED, "2025-01-25").setJobSpecialistKey("js2")
                        .setPreviousJobSpecialistKey("js1").build(),
                c1.builder(CollaborationEventKind.JOB_STARTED, "2025-02-01").setCompetitive(true).setPermanent(true)
                        .setHoursPerWeek(20.0).setHourlyWage(new BigDecimal("200.00")).setWageSubsidy(true).build(),
                c2.event(CollaborationEventKind.REFERRAL, "2025-02-01"),
                c2.builder(CollaborationEventKind.JOB_STARTED, "2025-03-01").setCompetitive(true).setPermanent(false)
                        .setHoursPerWeek(10.0).setHourlyWage(new BigDecimal("150.00")).setWageSubsidy(false).build(),
                c2.builder(CollaborationEventKind.JOB_ENDED, "2025-03-14").build(),
                c3.event(CollaborationEventKind.REFERRAL, "2025-03-01"));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "handoversPerCase, 0.333333",
        "shareCasesWithNavMeasure, 0.333333",
        "shareJobStartsWithWageSubsidy, 0.5",
        "meanEarningsPerEmployedParticipant, 18357.142857",
    })
    void indicatorMatchesTheHandComputedValue(String indicator, double expected) {
        IndicatorTable table = new IndicatorCalculator().compute(scenario(), FROM, TO, GroupBy.TEAM);
        Double value = table.total().values().entrySet().stream().filter(e -> e.getKey().id().equals(indicator))
                .findFirst().orElseThrow().getValue().value();

        assertThat(value).isCloseTo(expected, within(1e-5));
    }

    @Test
    void timeToTheFirstJobIsSplitByWhetherTheCaseWasHandedOverBeforeIt() {
        var groups = new TimeToEventCalculator().compute(scenario(), FROM, TO, TimeToEventGrouping.SPECIALIST_CHANGE, TO)
                .groups();

        assertThat(groups.stream().map(g -> g.name() + " " + g.firstJob().subjects().size()).toList())
                .containsExactly("changed 1", "unchanged 2");
    }
}
