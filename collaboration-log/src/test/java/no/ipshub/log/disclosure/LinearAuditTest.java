package no.ipshub.log.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LinearAuditTest {

    private final LinearAudit audit = new LinearAudit(5, 50_000_000L);

    private static ParticipantSet people(int from, int to) {
        Set<String> keys = new HashSet<>();
        IntStream.rangeClosed(from, to).forEach(i -> keys.add("p" + i));
        return ParticipantSet.of(keys);
    }

    @Test
    void aTotalMinusTwoShownValuesFromEarlierAnswersIsRefused() {
        // A 1-8, B 9-14, C 15-16; shown before: ALL (16) and A (8); now B alone would give C = 16 - 8 - 6 = 2
        LinearAudit.Outcome outcome = audit.audit(List.of(people(1, 16), people(1, 8)), List.of(people(9, 14)));

        assertThat(outcome.refused()).containsExactly(true);
    }

    @Test
    void aValueNestedInAnEarlierOneByOneParticipantIsRefused() {
        LinearAudit.Outcome outcome = audit.audit(List.of(people(1, 8)), List.of(people(1, 7)));

        assertThat(outcome.refused()).containsExactly(true);
    }

    @Test
    void aValueNestedInAnEarlierOneByTheThresholdIsShown() {
        LinearAudit.Outcome outcome = audit.audit(List.of(people(1, 10)), List.of(people(1, 5)));

        assertThat(outcome.refused()).containsExactly(false);
    }

    @Test
    void aValueThatIsACombinationOfEarlierOnesAddsNothingAndIsShown() {
        LinearAudit.Outcome outcome = audit.audit(List.of(people(1, 6), people(7, 12)), List.of(people(1, 12)));

        assertThat(List.of(outcome.refused()[0], outcome.basis()[0])).containsExactly(false, false);
    }

    @Test
    void candidatesOfOneAnswerAreCheckedAgainstEachOther() {
        // ALL 1-9 first, then a group of 7: their difference is two participants
        LinearAudit.Outcome outcome = audit.audit(List.of(), List.of(people(1, 9), people(1, 7)));

        assertThat(outcome.refused()).containsExactly(false, true);
    }

    @Test
    void aSmallGroupShownBeforeRefusesNothingNew() {
        // an earlier answer already made 11-12 derivable (legacy ledger): a new, unrelated value is still shown
        LinearAudit.Outcome outcome = audit.audit(List.of(people(1, 12), people(1, 10)), List.of(people(20, 30)));

        assertThat(outcome.refused()).containsExactly(false);
    }

    /*
     * A two-way table with both totals where every line has two or more blanks, yet one blank is a bridge between two
     * rectangles of blanks and so follows from the totals: rows r1..r4, columns c1..c4; blanks at (1,1) (1,2) (2,1)
     * (2,2) (3,3) (3,4) (4,3) (4,4) and the bridge (2,3). Each shown cell and total is a set of its own people.
     */
    @Test
    void aBlankThatLinkedTotalsDetermineIsFoundWhereLineRulesSeeTwoBlanksPerLine() {
        int[][] size = {{5, 5, 6, 7}, {5, 5, 2, 8}, {9, 6, 5, 5}, {7, 8, 5, 5}};
        boolean[][] blank = {{true, true, false, false}, {true, true, true, false}, {false, false, true, true},
            {false, false, true, true}};
        int next = 1;
        int[][][] range = new int[4][4][];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                range[r][c] = new int[] {next, next + size[r][c] - 1};
                next += size[r][c];
            }
        }
        List<ParticipantSet> shown = new java.util.ArrayList<>();
        for (int r = 0; r < 4; r++) {
            Set<String> row = new HashSet<>();
            for (int c = 0; c < 4; c++) {
                row.addAll(keys(range[r][c]));
                if (!blank[r][c]) {
                    shown.add(ParticipantSet.of(keys(range[r][c])));
                }
            }
            shown.add(ParticipantSet.of(row));
        }
        for (int c = 0; c < 4; c++) {
            Set<String> column = new HashSet<>();
            for (int r = 0; r < 4; r++) {
                column.addAll(keys(range[r][c]));
            }
            shown.add(ParticipantSet.of(column));
        }

        LinearAudit.Outcome outcome = audit.audit(List.of(), shown);

        assertThat(outcome.refused()).contains(true);
    }

    private static Set<String> keys(int[] fromTo) {
        Set<String> keys = new HashSet<>();
        IntStream.rangeClosed(fromTo[0], fromTo[1]).forEach(i -> keys.add("p" + i));
        return keys;
    }

    @Test
    void aSearchOverItsWorkBoundRefusesInsteadOfGuessing() {
        LinearAudit tight = new LinearAudit(5, 10);

        LinearAudit.Outcome outcome = tight.audit(List.of(people(1, 30), people(1, 20)), List.of(people(40, 60)));

        assertThat(List.of(outcome.refused()[0], outcome.exhausted())).containsExactly(true, true);
    }
}
