package no.ipshub.log.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.ipshub.log.indicators.GroupBy;
import no.ipshub.log.indicators.IndicatorCalculator;
import no.ipshub.log.support.LogEntries;
import no.ipshub.schemas.v1.CollaborationEventKind;
import no.ipshub.schemas.v1.CollaborationLogEntry;
import org.junit.jupiter.api.Test;

/*
 * The six-case example as log entries of team-a, period 2025-01-01 .. 2025-06-30 observed on 2025-06-30:
 *   c1 referred 01-10, competitive job 01-20 (day 10)
 *   c2 referred 05-31, still searching on 06-30: censored at the observation end (day 30)
 *   c3 referred 01-15, a non-competitive job 01-25 (not the event), competitive job 03-01 (day 45)
 *   c4 referred 02-01, competitive job 04-02 (day 60), ended 05-02 (tenure 30 days)
 *   c5 referred 02-10, closed without a job 05-11: censored at the closure (day 90); a job after the closure is
 *      not counted
 *   c6 referred 01-05, competitive job 05-05 (day 120)
 * A seventh participant withdrew consent: the log deleted every entry of theirs, so they are in no result.
 */
class TimeToEventCalculatorTest {

    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate TO = LocalDate.of(2025, 6, 30);

    private final TimeToEventTable table = new TimeToEventCalculator().compute(scenario(), FROM, TO,
            TimeToEventGrouping.TEAM, TO);

    private static List<CollaborationLogEntry> scenario() {
        List<CollaborationLogEntry> e = new ArrayList<>();
        LogEntries c1 = aCase("c1", "2025-01-10");
        e.add(c1.event(CollaborationEventKind.REFERRAL, "2025-01-10"));
        e.add(c1.job(CollaborationEventKind.JOB_STARTED, "2025-01-20", "974557746", "5223", true, false, 20));
        LogEntries c2 = aCase("c2", "2025-05-31");
        e.add(c2.event(CollaborationEventKind.REFERRAL, "2025-05-31"));
        LogEntries c3 = aCase("c3", "2025-01-15");
        e.add(c3.event(CollaborationEventKind.REFERRAL, "2025-01-15"));
        e.add(c3.job(CollaborationEventKind.JOB_STARTED, "2025-01-25", "974557746", "9112", false, false, 10));
        e.add(c3.job(CollaborationEventKind.JOB_STARTED, "2025-03-01", "889640782", "5223", true, true, 30));
        LogEntries c4 = aCase("c4", "2025-02-01");
        e.add(c4.event(CollaborationEventKind.REFERRAL, "2025-02-01"));
        e.add(c4.job(CollaborationEventKind.JOB_STARTED, "2025-04-02", "974557746", "5223", true, true, 37.5));
        e.add(c4.job(CollaborationEventKind.JOB_ENDED, "2025-05-02", "974557746", "5223", true, true, 37.5));
        LogEntries c5 = aCase("c5", "2025-02-10");
        e.add(c5.event(CollaborationEventKind.REFERRAL, "2025-02-10"));
        e.add(c5.event(CollaborationEventKind.EPISODE_CLOSED, "2025-05-11"));
        e.add(c5.job(CollaborationEventKind.JOB_STARTED, "2025-06-01", "974557746", "5223", true, true, 20));
        LogEntries c6 = aCase("c6", "2025-01-05");
        e.add(c6.event(CollaborationEventKind.REFERRAL, "2025-01-05"));
        e.add(c6.job(CollaborationEventKind.JOB_STARTED, "2025-05-05", "974557746", "5223", true, false, 20));
        return e;
    }

    private static LogEntries aCase(String name, String referred) {
        return new LogEntries(name, "p-" + name, "team-a", "nav-a", referred, "js1");
    }

    private TimeToEventTable.Group teamA() {
        return table.groups().stream().filter(g -> g.name().equals("team-a")).findFirst().orElseThrow();
    }

    @Test
    void kaplanMeierMedianOfTheSixCasesIs60Days() {
        assertThat(teamA().firstJob().medianDays()).isEqualTo(60L);
    }

    @Test
    void curveStepsAsComputedByHand() {
        KaplanMeier km = teamA().firstJob();

        assertThat(List.of(km.survivalAt(10), km.survivalAt(45), km.survivalAt(60), km.survivalAt(120)))
                .satisfiesExactly(s -> assertThat(s).isCloseTo(0.833333, within(1e-6)),
                        s -> assertThat(s).isCloseTo(0.625, within(1e-6)),
                        s -> assertThat(s).isCloseTo(0.416667, within(1e-6)),
                        s -> assertThat(s).isEqualTo(0.0));
    }

    @Test
    void caseStillSearchingIsCensoredAtTheObservationEndAndTheClosedOneAtItsClosure() {
        assertThat(teamA().firstJob().subjects().stream().filter(s -> !s.event()).map(KaplanMeier.Subject::days))
                .containsExactly(30L, 90L);
    }

    /* The six cases alone, without the non-competitive job and the job after a closure. */
    @Test
    void theOldMedianOverCasesWithAJobIsBiasedLowAndNamedSo() {
        List<CollaborationLogEntry> six = scenario().stream()
                .filter(e -> !(e.getCaseKey().equals("c3") && e.getEventDate().equals(LocalDate.of(2025, 1, 25))))
                .filter(e -> !(e.getCaseKey().equals("c5") && e.getEventKind() == CollaborationEventKind.JOB_STARTED))
                .toList();
        double conditional = new IndicatorCalculator().compute(six, FROM, TO, GroupBy.TEAM).total().values()
                .get(no.ipshub.log.indicators.Indicator.MEDIAN_DAYS_TO_FIRST_JOB_AMONG_EMPLOYED).value();
        Long kaplanMeier = new TimeToEventCalculator().compute(six, FROM, TO, TimeToEventGrouping.TEAM, TO).total()
                .firstJob().medianDays();

        assertThat(List.of(conditional, kaplanMeier.doubleValue())).containsExactly(52.5, 60.0);
    }

    @Test
    void numberAtRiskAtThirtyAndNinetyDays() {
        assertThat(List.of(teamA().firstJob().atRisk(30), teamA().firstJob().atRisk(90), teamA().firstJob().atRisk(180)))
                .containsExactly(5, 2, 0);
    }

    @Test
    void jobTenureEndsWithTheJobOrIsCensoredAtTheObservationEnd() {
        // competitive jobs started in the period: c1 01-20 (running: 161 days), c3 03-01 (running: 121), c4 04-02
        // (ended after 30), c6 05-05 (running: 56), and c5's of 06-01: it started after its case closed, so no closure
        // stops its observation, which runs to the observation end (29 days)
        assertThat(teamA().tenure().subjects()).extracting(KaplanMeier.Subject::days, KaplanMeier.Subject::event)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(161L, false),
                        org.assertj.core.groups.Tuple.tuple(121L, false), org.assertj.core.groups.Tuple.tuple(30L, true),
                        org.assertj.core.groups.Tuple.tuple(56L, false), org.assertj.core.groups.Tuple.tuple(29L, false));
    }

    @Test
    void statusAtSixMonthsIsCensoredWhenTheDayLiesBeyondTheObservationEnd() {
        assertThat(teamA().status().get(6).get(TimeToEventCalculator.Status.CENSORED)).hasSize(6);
    }

    /*
     * Status at 6, 12 and 18 months, observed on 2026-12-31: s1 referred 2025-01-10 with a competitive job from
     * 2025-03-01 to 2025-12-01; s2 referred 2025-01-10, closed 2025-05-01; s3 referred 2025-02-01, open, no job.
     */
    @Test
    void statusAtFixedTimesIsInWorkNotInWorkOrCensored() {
        LogEntries s1 = new LogEntries("s1", "q1", "team-a", "nav-a", "2025-01-10", null);
        LogEntries s2 = new LogEntries("s2", "q2", "team-a", "nav-a", "2025-01-10", null);
        LogEntries s3 = new LogEntries("s3", "q3", "team-a", "nav-a", "2025-02-01", null);
        List<CollaborationLogEntry> entries = List.of(s1.event(CollaborationEventKind.REFERRAL, "2025-01-10"),
                s1.job(CollaborationEventKind.JOB_STARTED, "2025-03-01", "974557746", "5223", true, true, 20),
                s1.job(CollaborationEventKind.JOB_ENDED, "2025-12-01", "974557746", "5223", true, true, 20),
                s2.event(CollaborationEventKind.REFERRAL, "2025-01-10"), s2.event(CollaborationEventKind.EPISODE_CLOSED, "2025-05-01"),
                s3.event(CollaborationEventKind.REFERRAL, "2025-02-01"));
        TimeToEventTable.Group all = new TimeToEventCalculator().compute(entries, LocalDate.of(2025, 1, 1),
                LocalDate.of(2026, 12, 31), TimeToEventGrouping.TEAM, LocalDate.of(2026, 12, 31)).total();

        assertThat(List.of(
                TimeToEventCalculator.status(caseOf(entries, "s1"), LocalDate.of(2025, 7, 10), LocalDate.of(2026, 12, 31)),
                TimeToEventCalculator.status(caseOf(entries, "s1"), LocalDate.of(2026, 1, 10), LocalDate.of(2026, 12, 31)),
                TimeToEventCalculator.status(caseOf(entries, "s2"), LocalDate.of(2025, 7, 10), LocalDate.of(2026, 12, 31)),
                all.status().get(18).get(TimeToEventCalculator.Status.NOT_IN_WORK).size()))
                .containsExactly(TimeToEventCalculator.Status.IN_WORK, TimeToEventCalculator.Status.NOT_IN_WORK,
                        TimeToEventCalculator.Status.CENSORED, 2);
    }

    private static no.ipshub.log.cases.LoggedCase caseOf(List<CollaborationLogEntry> entries, String caseKey) {
        return no.ipshub.log.cases.LoggedCase.of(entries, LocalDate.of(2026, 12, 31)).stream()
                .filter(c -> c.caseKey().equals(caseKey)).findFirst().orElseThrow();
    }

    @Test
    void everyMeasureHasAValueInEveryGroup() {
        assertThat(table.total().values().keySet())
                .containsExactlyInAnyOrderElementsOf(TimeToEventTable.measures().stream().map(TimeToEventTable.Measure::id).toList());
    }
}
