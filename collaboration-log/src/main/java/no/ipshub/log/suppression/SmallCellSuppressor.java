package no.ipshub.log.suppression;

import java.util.Arrays;

/**
 * Small-cell suppression for tables of aggregates with published totals. Primary: every cell based on fewer
 * than {@code minCellSize} participants is blanked, the totals included. Secondary: wherever a row or column
 * whose total is shown has exactly one blank cell, the shown cell with the fewest participants in that line is
 * blanked too (the total itself when the line has no other shown cell), and this repeats until no line has a
 * single blank; so no blank cell can be worked out by
 * subtracting the shown cells of a line from its total, nor by chaining such subtractions.
 *
 * <p>Ties: when several shown cells of a line have the fewest participants, the one that comes first in the
 * table's order is blanked (the first row of a column, the first column of a row). Rows and columns are in a fixed
 * order (groups by name, months by date), so the same data always gives the same blanks.
 *
 * <p>Cells may come preset as blank (for instance {@link Suppression#DIFFERENCING}): they count as blank lines
 * for the secondary suppression like primary ones.
 */
public final class SmallCellSuppressor {

    private final int minCellSize;

    public SmallCellSuppressor(int minCellSize) {
        if (minCellSize < 1) {
            throw new IllegalArgumentException("minCellSize must be at least 1");
        }
        this.minCellSize = minCellSize;
    }

    /** The threshold: cells from fewer participants than this are blanked. */
    public int minCellSize() {
        return minCellSize;
    }

    /**
     * Decides which cells to blank.
     *
     * @param participants   participants behind each inner cell, {@code [row][column]}
     * @param rowTotals      participants behind each row's total, or null when rows have no published total
     * @param columnTotals   participants behind each column's total, or null when columns have none
     */
    public Result suppress(long[][] participants, long[] rowTotals, long[] columnTotals) {
        return suppress(participants, rowTotals, columnTotals, null);
    }

    /**
     * Decides which cells to blank, starting from cells already blanked for another reason.
     *
     * @param preset blanks decided before (null entries and a null preset: none); a preset never overrides
     *               {@link Suppression#PRIMARY}
     */
    public Result suppress(long[][] participants, long[] rowTotals, long[] columnTotals, Result preset) {
        int rows = participants.length;
        int columns = rows == 0 ? 0 : participants[0].length;
        Suppression[][] cells = new Suppression[rows][columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                cells[r][c] = participants[r][c] < minCellSize ? Suppression.PRIMARY
                        : preset(preset == null ? null : preset.cells()[r][c]);
            }
        }
        Suppression[] rowMargin = margins(rowTotals, preset == null ? null : preset.rowTotals());
        Suppression[] columnMargin = margins(columnTotals, preset == null ? null : preset.columnTotals());
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int r = 0; r < rows && rowMargin != null; r++) {
                if (rowMargin[r] == Suppression.NONE && blanksInRow(cells, r) == 1) {
                    if (!blankSmallestInRow(cells, participants, r)) {
                        rowMargin[r] = Suppression.SECONDARY;
                    }
                    changed = true;
                }
            }
            for (int c = 0; c < columns && columnMargin != null; c++) {
                if (columnMargin[c] == Suppression.NONE && blanksInColumn(cells, c) == 1) {
                    if (!blankSmallestInColumn(cells, participants, c)) {
                        columnMargin[c] = Suppression.SECONDARY;
                    }
                    changed = true;
                }
            }
        }
        return new Result(cells, rowMargin, columnMargin);
    }

    private Suppression[] margins(long[] totals, Suppression[] preset) {
        if (totals == null) {
            return null;
        }
        Suppression[] margin = new Suppression[totals.length];
        for (int i = 0; i < totals.length; i++) {
            margin[i] = totals[i] < minCellSize ? Suppression.PRIMARY : preset(preset == null ? null : preset[i]);
        }
        return margin;
    }

    private static Suppression preset(Suppression preset) {
        return preset == null ? Suppression.NONE : preset;
    }

    private static int blanksInRow(Suppression[][] cells, int r) {
        return (int) Arrays.stream(cells[r]).filter(s -> s != Suppression.NONE).count();
    }

    private static int blanksInColumn(Suppression[][] cells, int c) {
        int n = 0;
        for (Suppression[] row : cells) {
            n += row[c] != Suppression.NONE ? 1 : 0;
        }
        return n;
    }

    private static boolean blankSmallestInRow(Suppression[][] cells, long[][] participants, int r) {
        int pick = -1;
        for (int c = 0; c < cells[r].length; c++) {
            if (cells[r][c] == Suppression.NONE && (pick < 0 || participants[r][c] < participants[r][pick])) {
                pick = c;
            }
        }
        if (pick < 0) {
            return false;
        }
        cells[r][pick] = Suppression.SECONDARY;
        return true;
    }

    private static boolean blankSmallestInColumn(Suppression[][] cells, long[][] participants, int c) {
        int pick = -1;
        for (int r = 0; r < cells.length; r++) {
            if (cells[r][c] == Suppression.NONE && (pick < 0 || participants[r][c] < participants[pick][c])) {
                pick = r;
            }
        }
        if (pick < 0) {
            return false;
        }
        cells[pick][c] = Suppression.SECONDARY;
        return true;
    }

    /**
     * Which cells to blank.
     *
     * @param cells        per inner cell
     * @param rowTotals    per row total; null when rows have none
     * @param columnTotals per column total; null when columns have none
     */
    public record Result(Suppression[][] cells, Suppression[] rowTotals, Suppression[] columnTotals) {

        /** No cell preset, for a table of the given shape. */
        public static Result none(int rows, int columns, boolean rowTotals, boolean columnTotals) {
            return new Result(new Suppression[rows][columns], rowTotals ? new Suppression[rows] : null,
                    columnTotals ? new Suppression[columns] : null);
        }

        /** True when the inner cell is blanked. */
        public boolean hidden(int row, int column) {
            return cells[row][column] != Suppression.NONE;
        }
    }
}
