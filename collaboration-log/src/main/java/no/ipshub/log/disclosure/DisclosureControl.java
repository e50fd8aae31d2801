package no.ipshub.log.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import no.ipshub.log.suppression.SmallCellSuppressor;
import no.ipshub.log.suppression.SmallCellSuppressor.Result;
import no.ipshub.log.suppression.Suppression;

/**
 * Decides what an answer may show: small-cell suppression of each measure's table, then a differencing check of
 * every cell left shown, against the other shown cells of the answer and against the cells the same researcher
 * was shown before. Two cells of the same measure whose participants are nested (one set inside the other) and
 * differ by fewer than the threshold would single out that difference by subtraction; the newer cell is blanked
 * ({@link Suppression#DIFFERENCING} against an earlier answer, {@link Suppression#SECONDARY} within the answer,
 * where the cell with fewer participants goes), and the suppression is run again with it blank, until no such pair
 * is left. A plain class over the sets, tested without a database; {@link ReleaseLedger} keeps the earlier sets.
 */
public final class DisclosureControl {

    private final SmallCellSuppressor suppressor;

    public DisclosureControl(SmallCellSuppressor suppressor) {
        this.suppressor = suppressor;
    }

    /** The threshold: groups of fewer participants must not be singled out. */
    public int minCellSize() {
        return suppressor.minCellSize();
    }

    /** What an answer shows when nothing was shown before: suppression and the check within the answer. */
    public List<Result> alone(List<MeasureGrid> grids) {
        return decide(grids, (measure, size) -> List.of()).results();
    }

    /** What was shown to a researcher before, by measure. */
    interface Earlier {

        /** The earlier sets of the measure whose size differs from {@code size} by 1 to threshold - 1. */
        List<ParticipantSet> near(String measure, int size);
    }

    /**
     * The decision for an answer.
     *
     * @param results      per grid, the suppression of each cell
     * @param shown        the sets of the cells left shown, by measure, to be remembered
     * @param differencing how many cells were blanked against earlier answers
     */
    record Decision(List<Result> results, List<Shown> shown, int differencing) {
    }

    /** A shown cell: where it is and who is behind it. */
    record Shown(int grid, Position position, int row, int column, String measure, ParticipantSet participants) {
    }

    /** Which part of a grid a cell is in. */
    enum Position { CELL, ROW_TOTAL, COLUMN_TOTAL }

    Decision decide(List<MeasureGrid> grids, Earlier earlier) {
        List<Result> presets = new ArrayList<>();
        grids.forEach(g -> presets.add(Result.none(g.rows(), g.columns(), g.rowTotals() != null, g.columnTotals() != null)));
        int differencing = 0;
        while (true) {
            List<Result> results = new ArrayList<>();
            for (int i = 0; i < grids.size(); i++) {
                MeasureGrid g = grids.get(i);
                results.add(suppressor.suppress(g.counts(), MeasureGrid.sizes(g.rowTotals()), MeasureGrid.sizes(g.columnTotals()),
                        presets.get(i)));
            }
            List<Shown> shown = shown(grids, results);
            List<Shown> againstEarlier = new ArrayList<>();
            List<Shown> withinAnswer = new ArrayList<>();
            for (Shown s : shown) {
                if (earlier.near(s.measure(), s.participants().size()).stream().anyMatch(t -> singlesOut(s.participants(), t))) {
                    againstEarlier.add(s);
                }
            }
            for (int a = 0; a < shown.size(); a++) {
                for (int b = a + 1; b < shown.size(); b++) {
                    Shown x = shown.get(a);
                    Shown y = shown.get(b);
                    if (x.measure().equals(y.measure()) && singlesOut(x.participants(), y.participants())) {
                        withinAnswer.add(x.participants().size() < y.participants().size() ? x : y);
                    }
                }
            }
            if (againstEarlier.isEmpty() && withinAnswer.isEmpty()) {
                return new Decision(results, shown, differencing);
            }
            // a cell the answer itself must blank is SECONDARY, whatever was asked before, so the same question gets
            // the same flags every time
            againstEarlier.removeAll(withinAnswer);
            for (Shown s : againstEarlier) {
                mark(presets.get(s.grid()), s, Suppression.DIFFERENCING);
            }
            for (Shown s : withinAnswer) {
                mark(presets.get(s.grid()), s, Suppression.SECONDARY);
            }
            differencing += againstEarlier.size();
        }
    }

    private boolean singlesOut(ParticipantSet a, ParticipantSet b) {
        int difference = a.nestedDifference(b);
        return difference > 0 && difference < suppressor.minCellSize();
    }

    private static List<Shown> shown(List<MeasureGrid> grids, List<Result> results) {
        List<Shown> shown = new ArrayList<>();
        for (int i = 0; i < grids.size(); i++) {
            MeasureGrid g = grids.get(i);
            Result r = results.get(i);
            for (int row = 0; row < g.rows(); row++) {
                for (int col = 0; col < g.columns(); col++) {
                    add(shown, i, Position.CELL, row, col, g.measure(), r.cells()[row][col], g.cells().get(row).get(col));
                }
            }
            for (int row = 0; g.rowTotals() != null && row < g.rows(); row++) {
                add(shown, i, Position.ROW_TOTAL, row, -1, g.measure(), r.rowTotals()[row], g.rowTotals().get(row));
            }
            for (int col = 0; g.columnTotals() != null && col < g.columnTotals().size(); col++) {
                add(shown, i, Position.COLUMN_TOTAL, -1, col, g.measure(), r.columnTotals()[col], g.columnTotals().get(col));
            }
        }
        return shown;
    }

    private static void add(List<Shown> shown, int grid, Position position, int row, int column, String measure,
            Suppression suppression, Set<String> participants) {
        if (suppression == Suppression.NONE) {
            shown.add(new Shown(grid, position, row, column, measure, ParticipantSet.of(participants)));
        }
    }

    private static void mark(Result preset, Shown s, Suppression why) {
        switch (s.position()) {
            case CELL -> preset.cells()[s.row()][s.column()] = why;
            case ROW_TOTAL -> preset.rowTotals()[s.row()] = why;
            case COLUMN_TOTAL -> preset.columnTotals()[s.column()] = why;
        }
    }
}
