package no.ipshub.log.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/*
 * Six cases followed from referral: a job on day 10, still searching on day 30 (the observation end), jobs on days
 * 45 and 60, closed without a job on day 90, a job on day 120. The median over the four with a job is 52.5; the
 * Kaplan-Meier median is 60: S(10) = 5/6, S(45) = 5/6 * 3/4, S(60) = 5/6 * 3/4 * 2/3, S(120) = 0.
 */
class KaplanMeierTest {

    private static final KaplanMeier SIX = KaplanMeier.of(List.of(
            new KaplanMeier.Subject("p1", 10, true),
            new KaplanMeier.Subject("p2", 30, false),
            new KaplanMeier.Subject("p3", 45, true),
            new KaplanMeier.Subject("p4", 60, true),
            new KaplanMeier.Subject("p5", 90, false),
            new KaplanMeier.Subject("p6", 120, true)));

    @ParameterizedTest(name = "S({0}) = {1}")
    @CsvSource({"0, 1", "9, 1", "10, 0.833333", "44, 0.833333", "45, 0.625", "59, 0.625", "60, 0.416667", "119, 0.416667",
        "120, 0", "500, 0"})
    void survivalStepsAtEachJob(long day, double expected) {
        assertThat(SIX.survivalAt(day)).isCloseTo(expected, within(1e-6));
    }

    @Test
    void medianIsTheFirstDayTheCurveReachesOneHalf() {
        assertThat(SIX.medianDays()).isEqualTo(60L);
    }

    @ParameterizedTest(name = "at risk on day {0}: {1}")
    @CsvSource({"0, 6", "30, 5", "31, 4", "90, 2", "180, 0", "365, 0"})
    void numberAtRiskCountsThoseFollowedThatLong(long day, int expected) {
        assertThat(SIX.atRisk(day)).isEqualTo(expected);
    }

    @Test
    void eventsAndCensoringsAreCountedApart() {
        assertThat(List.of(SIX.count(true), SIX.count(false))).containsExactly(4, 2);
    }

    @Test
    void curveThatStaysAboveOneHalfHasNoMedian() {
        KaplanMeier km = KaplanMeier.of(List.of(new KaplanMeier.Subject("p1", 10, true),
                new KaplanMeier.Subject("p2", 20, false), new KaplanMeier.Subject("p3", 30, false)));

        assertThat(km.medianDays()).isNull();
    }

    @Test
    void onADayWithAnEventAndACensoringBothWereAtRisk() {
        KaplanMeier km = KaplanMeier.of(List.of(new KaplanMeier.Subject("p1", 10, true),
                new KaplanMeier.Subject("p2", 10, false), new KaplanMeier.Subject("p3", 20, true)));

        assertThat(km.survivalAt(10)).isCloseTo(2.0 / 3, within(1e-12));
    }
}
