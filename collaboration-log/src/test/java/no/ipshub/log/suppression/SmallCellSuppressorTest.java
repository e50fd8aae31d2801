package no.ipshub.log.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class SmallCellSuppressorTest {

    private final SmallCellSuppressor suppressor = new SmallCellSuppressor(5);

    @Test
    void cellFromFewerParticipantsThanTheThresholdIsHidden() {
        SmallCellSuppressor.Result result = suppressor.suppress(new long[][] {{4}, {12}, {9}}, null, null);

        assertThat(result.cells()[0][0]).isEqualTo(Suppression.PRIMARY);
    }

    @Test
    void cellAtTheThresholdIsShown() {
        SmallCellSuppressor.Result result = suppressor.suppress(new long[][] {{5}}, null, null);

        assertThat(result.hidden(0, 0)).isFalse();
    }

    @Test
    void singleHiddenCellOfAColumnWithATotalTakesTheSmallestOtherCellWithIt() {
        SmallCellSuppressor.Result result = suppressor.suppress(new long[][] {{3}, {12}, {9}}, null, new long[] {24});

        assertThat(result.cells()[2][0]).isEqualTo(Suppression.SECONDARY);
    }

    /*
     * Ties (docs/indicators.md): two teams at 7 open cases and one at 3; the 3 is primary, and of the two at 7 the
     * first in the table's order (groups by name) takes the secondary blank, the same on every run.
     */
    @Test
    void onATieTheFirstGroupInTableOrderTakesTheSecondaryBlank() {
        SmallCellSuppressor.Result result = suppressor.suppress(new long[][] {{7}, {7}, {3}}, null, new long[] {17});

        assertThat(List.of(result.cells()[0][0], result.cells()[1][0]))
                .containsExactly(Suppression.SECONDARY, Suppression.NONE);
    }

    @Test
    void onATieInARowTheFirstColumnTakesTheSecondaryBlank() {
        SmallCellSuppressor.Result result = suppressor.suppress(new long[][] {{2, 9, 9}}, new long[] {20}, null);

        assertThat(List.of(result.cells()[0][1], result.cells()[0][2]))
                .containsExactly(Suppression.SECONDARY, Suppression.NONE);
    }

    @Test
    void presetBlankCountsForTheSecondarySuppression() {
        SmallCellSuppressor.Result preset = SmallCellSuppressor.Result.none(3, 1, false, true);
        preset.cells()[1][0] = Suppression.DIFFERENCING;

        SmallCellSuppressor.Result result = suppressor.suppress(new long[][] {{12}, {9}, {8}}, null, new long[] {29}, preset);

        assertThat(List.of(result.cells()[1][0], result.cells()[2][0]))
                .containsExactly(Suppression.DIFFERENCING, Suppression.SECONDARY);
    }

    @Test
    void lineWithOnlyOneCellHidesItsTotalInstead() {
        SmallCellSuppressor.Result result = suppressor.suppress(new long[][] {{3}}, null, new long[] {7});

        assertThat(result.columnTotals()[0]).isEqualTo(Suppression.SECONDARY);
    }

    /*
     * The attack small-cell suppression must withstand: an attacker knows every shown cell and every shown total,
     * and repeatedly solves any row or column with exactly one unknown (total minus the shown cells), using what
     * earlier steps recovered. On random count tables with row and column totals, not one hidden cell falls.
     */
    @RepeatedTest(200)
    void noHiddenCellCanBeWorkedOutFromRowAndColumnTotals(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        int rows = 2 + random.nextInt(4);
        int columns = 2 + random.nextInt(4);
        long[][] counts = new long[rows][columns];
        for (long[] row : counts) {
            for (int c = 0; c < columns; c++) {
                row[c] = random.nextInt(4) == 0 ? random.nextInt(5) : 5 + random.nextInt(20);
            }
        }
        long[] rowTotals = Arrays.stream(counts).mapToLong(r -> Arrays.stream(r).sum()).toArray();
        long[] columnTotals = new long[columns];
        for (long[] row : counts) {
            for (int c = 0; c < columns; c++) {
                columnTotals[c] += row[c];
            }
        }

        SmallCellSuppressor.Result result = suppressor.suppress(counts, rowTotals, columnTotals);

        assertThat(recoveredByElimination(counts, rowTotals, columnTotals, result)).isEmpty();
    }

    @Test
    void withoutSecondarySuppressionTheAttackWouldSucceed() {
        long[][] counts = {{3, 10}, {12, 9}};
        SmallCellSuppressor.Result primaryOnly = new SmallCellSuppressor.Result(new Suppression[][] {
                {Suppression.PRIMARY, Suppression.NONE}, {Suppression.NONE, Suppression.NONE}},
                new Suppression[] {Suppression.NONE, Suppression.NONE}, new Suppression[] {Suppression.NONE, Suppression.NONE});

        assertThat(recoveredByElimination(counts, new long[] {13, 21}, new long[] {15, 19}, primaryOnly)).containsExactly("0,0");
    }

    /** The cells an attacker recovers by solving lines with a single unknown until nothing changes. */
    private static List<String> recoveredByElimination(long[][] counts, long[] rowTotals, long[] columnTotals,
            SmallCellSuppressor.Result result) {
        int rows = counts.length;
        int columns = counts[0].length;
        boolean[][] known = new boolean[rows][columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                known[r][c] = !result.hidden(r, c);
            }
        }
        List<String> recovered = new ArrayList<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int r = 0; r < rows; r++) {
                if (result.rowTotals()[r] != Suppression.NONE) {
                    continue;
                }
                int unknown = -1;
                int unknowns = 0;
                for (int c = 0; c < columns; c++) {
                    if (!known[r][c]) {
                        unknowns++;
                        unknown = c;
                    }
                }
                if (unknowns == 1) {
                    known[r][unknown] = true;
                    recovered.add(r + "," + unknown);
                    progress = true;
                }
            }
            for (int c = 0; c < columns; c++) {
                if (result.columnTotals()[c] != Suppression.NONE) {
                    continue;
                }
                int unknown = -1;
                int unknowns = 0;
                for (int r = 0; r < rows; r++) {
                    if (!known[r][c]) {
                        unknowns++;
                        unknown = r;
                    }
                }
                if (unknowns == 1) {
                    known[unknown][c] = true;
                    recovered.add(unknown + "," + c);
                    progress = true;
                }
            }
        }
        return recovered;
    }
}
