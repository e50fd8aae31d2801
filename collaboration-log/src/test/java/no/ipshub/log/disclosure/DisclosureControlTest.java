package no.ipshub.log.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import no.ipshub.log.suppression.SmallCellSuppressor;
import no.ipshub.log.suppression.Suppression;
import org.junit.jupiter.api.Test;

class DisclosureControlTest {

    private final DisclosureControl control = new DisclosureControl(new SmallCellSuppressor(5));

    private static Set<String> people(int from, int to) {
        Set<String> keys = new HashSet<>();
        IntStream.rangeClosed(from, to).forEach(i -> keys.add("p" + i));
        return keys;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** Earlier answers holding the given sets of one measure. */
    private static DisclosureControl.Earlier earlier(String measure, List<Set<String>> shown) {
        List<ParticipantSet> sets = new ArrayList<>(shown.stream().map(ParticipantSet::of).toList());
        return statistic -> statistic.equals(measure) ? sets : List.of();
    }

    /*
     * The attack of 17 cases: teams Haukeland 7 (6 at NAV Bergenhus, 1 at NAV Årstad), Nordland 6, two small teams of
     * 2; offices Bergenhus 6, Årstad 1, Bodø 6, Tromsø 4. Both tables have two primary blanks, so neither needs a
     * secondary one: Haukeland (7) and Bergenhus (6) are both shown, and Haukeland minus Bergenhus is Årstad's one case.
     */
    private static final Set<String> BERGENHUS = people(1, 6);
    private static final Set<String> HAUKELAND = people(1, 7);
    private static final Set<String> ALL = people(1, 17);

    private static MeasureGrid offices() {
        return MeasureGrid.column("referrals", List.of(BERGENHUS, people(7, 7), people(8, 13), people(14, 17)), ALL);
    }

    @Test
    void officeThatTogetherWithAnEarlierTeamAnswerSinglesOutOneCaseIsBlanked() {
        DisclosureControl.Decision decision = control.decide(List.of(offices()),
                earlier("referrals", List.of(HAUKELAND, people(8, 13), ALL)));

        assertThat(decision.results().get(0).cells()[0][0]).isEqualTo(Suppression.DIFFERENCING);
    }

    @Test
    void withoutTheEarlierAnswerTheOfficeIsShown() {
        assertThat(control.alone(List.of(offices())).get(0).cells()[0][0]).isEqualTo(Suppression.NONE);
    }

    @Test
    void earlierAnswerOfAnotherMeasureDoesNotBlank() {
        DisclosureControl.Decision decision = control.decide(List.of(offices()),
                earlier("acceptanceRate", List.of(HAUKELAND)));

        assertThat(decision.results().get(0).cells()[0][0]).isEqualTo(Suppression.NONE);
    }

    @Test
    void overlappingPeriodThatAddsOneParticipantIsBlanked() {
        // January to May showed the team with 6 participants; January to June adds one
        MeasureGrid june = MeasureGrid.column("referrals", List.of(people(1, 7), people(20, 30)), union(people(1, 7), people(20, 30)));

        DisclosureControl.Decision decision = control.decide(List.of(june), earlier("referrals", List.of(people(1, 6))));

        assertThat(decision.results().get(0).cells()[0][0]).isEqualTo(Suppression.DIFFERENCING);
    }

    @Test
    void differenceOfTheThresholdOrMoreIsShown() {
        MeasureGrid later = MeasureGrid.column("referrals", List.of(people(1, 11), people(20, 30)),
                union(people(1, 11), people(20, 30)));

        DisclosureControl.Decision decision = control.decide(List.of(later), earlier("referrals", List.of(people(1, 6))));

        assertThat(decision.results().get(0).cells()[0][0]).isEqualTo(Suppression.NONE);
    }

    @Test
    void shownGroupThatDiffersFromTheTotalOnlyByTwoBlankSmallGroupsIsBlankedToo() {
        // groups 7, 1, 1: the two small ones are primary, and the total minus the big one would give their sum of 2
        MeasureGrid grid = MeasureGrid.column("referrals", List.of(people(1, 7), people(8, 8), people(9, 9)), people(1, 9));

        assertThat(control.alone(List.of(grid)).get(0).cells()[0][0]).isEqualTo(Suppression.SECONDARY);
    }

    @Test
    void cellsShownAreTheOnesRemembered() {
        DisclosureControl.Decision decision = control.decide(List.of(offices()), earlier("referrals", List.of()));

        assertThat(decision.shown()).hasSize(3);
    }

    @Test
    void participantSetSurvivesItsStoredForm() {
        ParticipantSet set = ParticipantSet.of(people(1, 40));

        assertThat(ParticipantSet.fromBytes(set.toBytes()).fingerprint()).isEqualTo(set.fingerprint());
    }
}
