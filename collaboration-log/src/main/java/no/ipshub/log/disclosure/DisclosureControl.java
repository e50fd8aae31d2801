package no.ipshub.log.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.ipshub.log.suppression.SmallCellSuppressor.Result;
import no.ipshub.log.suppression.SmallCellSuppressor;
import no.ipshub.log.suppression.Suppression;

/**
 * Decides what an answer may show to an audience, in three steps that only ever add blanks:
 * <ol>
 *   <li>small-cell suppression of each measure's table: {@link Suppression#PRIMARY} below the threshold, and a
 *       second blank in any line whose total is shown and that has exactly one ({@link Suppression#SECONDARY});</li>
 *   <li>the answer on its own: a shown value that, by any arithmetic with the answer's other shown values of the same
 *       statistic, would single out a group of 1 to threshold - 1 participants is blanked ({@code SECONDARY}), and
 *       step 1 runs again;</li>
 *   <li>the answer against everything the audience was shown before: the same test with the earlier values included;
 *       what it blanks, and whatever step 1 then blanks for it, is {@link Suppression#DIFFERENCING}.</li>
 * </ol>
 * So a value's flag is {@code PRIMARY} when it is below the threshold, else {@code SECONDARY} when the same answer to
 * an audience with no history would blank it, else {@code DIFFERENCING}. A plain class over the sets, tested without
 * a database; {@link ReleaseLedger} keeps what was shown.
 */
public final class DisclosureControl {

    /** The default bound on the work of one statistic's audit. */
    public static final long DEFAULT_MAX_STEPS = 50_000_000L;

    private final SmallCellSuppressor suppressor;
    private final LinearAudit audit;

    public DisclosureControl(SmallCellSuppressor suppressor) {
        this(suppressor, DEFAULT_MAX_STEPS);
    }

    public DisclosureControl(SmallCellSuppressor suppressor, long maxSteps) {
        this.suppressor = suppressor;
        this.audit = new LinearAudit(suppressor.minCellSize(), maxSteps);
    }

    /** The threshold: groups of fewer participants must not be singled out. */
    public int minCellSize() {
        return suppressor.minCellSize();
    }

    /** What an answer shows when nothing was shown before. */
    public List<Result> alone(List<MeasureGrid> grids) {
        return decide(grids, statistic -> List.of()).results();
    }

    /** What was shown to the audience before, by statistic. */
    public interface Earlier {

        /** The sets of the values of the statistic shown before (an independent subset of them is enough). */
        List<ParticipantSet> of(String statistic);
    }

    /**
     * The decision for an answer.
     *
     * @param results      per grid, the suppression of each cell
     * @param shown        the cells left shown, to be remembered
     * @param differencing how many cells were blanked against earlier answers
     * @param exhausted    how many statistics' audits hit their work bound (their values were blanked to be safe)
     */
    public record Decision(List<Result> results, List<Shown> shown, int differencing, int exhausted) {
    }

    /**
     * A shown cell: where it is and who is behind it.
     *
     * @param basis true when it added to what the audience can work out (false when it is a combination of values
     *              shown before); only those need to be remembered for later checks
     */
    public record Shown(int grid, Position position, int row, int column, String statistic, ParticipantSet participants,
            boolean basis) {

        Shown withBasis(boolean b) {
            return new Shown(grid, position, row, column, statistic, participants, b);
        }
    }

    /** Which part of a grid a cell is in. */
    public enum Position { CELL, ROW_TOTAL, COLUMN_TOTAL }

    public Decision decide(List<MeasureGrid> grids, Earlier earlier) {
        List<Result> presets = new ArrayList<>();
        grids.forEach(g -> presets.add(Result.none(g.rows(), g.columns(), g.rowTotals() != null, g.columnTotals() != null)));
        int[] exhausted = new int[1];
        List<Result> alone = settle(grids, presets, statistic -> List.of(), Suppression.SECONDARY, exhausted);
        // what the answer blanks on its own stays blank whatever the earlier answers make of its lines
        for (int i = 0; i < grids.size(); i++) {
            keep(alone.get(i), presets.get(i));
        }
        List<Result> results = settle(grids, presets, earlier, Suppression.DIFFERENCING, exhausted);
        int differencing = 0;
        for (int i = 0; i < grids.size(); i++) {
            differencing += relabel(alone.get(i), results.get(i));
        }
        List<Shown> shown = shown(grids, results);
        Map<String, List<Shown>> byStatistic = byStatistic(shown);
        List<Shown> remembered = new ArrayList<>();
        byStatistic.forEach((statistic, cells) -> {
            LinearAudit.Outcome outcome = audit.audit(earlier.of(statistic), cells.stream().map(Shown::participants).toList());
            for (int i = 0; i < cells.size(); i++) {
                remembered.add(cells.get(i).withBasis(outcome.basis()[i]));
            }
        });
        return new Decision(results, remembered, differencing, exhausted[0]);
    }

    /**
     * Runs small-cell suppression and the audit against {@code earlier} until neither blanks anything more; every cell
     * the audit refuses is preset as {@code flag}.
     */
    private List<Result> settle(List<MeasureGrid> grids, List<Result> presets, Earlier earlier, Suppression flag,
            int[] exhausted) {
        while (true) {
            List<Result> results = suppress(grids, presets);
            boolean changed = false;
            for (Map.Entry<String, List<Shown>> entry : byStatistic(shown(grids, results)).entrySet()) {
                List<Shown> cells = entry.getValue();
                LinearAudit.Outcome outcome = audit.audit(earlier.of(entry.getKey()),
                        cells.stream().map(Shown::participants).toList());
                if (outcome.exhausted()) {
                    exhausted[0]++;
                }
                for (int i = 0; i < cells.size(); i++) {
                    if (outcome.refused()[i]) {
                        mark(presets.get(cells.get(i).grid()), cells.get(i), flag);
                        changed = true;
                    }
                }
            }
            if (!changed) {
                return results;
            }
        }
    }

    private List<Result> suppress(List<MeasureGrid> grids, List<Result> presets) {
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < grids.size(); i++) {
            MeasureGrid g = grids.get(i);
            results.add(suppressor.suppress(g.counts(), MeasureGrid.sizes(g.rowTotals()), MeasureGrid.sizes(g.columnTotals()),
                    presets.get(i)));
        }
        return results;
    }

    /** Presets every blank of {@code alone} (not PRIMARY, which the suppressor decides itself) as SECONDARY. */
    private static void keep(Result alone, Result preset) {
        for (int r = 0; r < alone.cells().length; r++) {
            for (int c = 0; c < alone.cells()[r].length; c++) {
                if (alone.cells()[r][c] == Suppression.SECONDARY) {
                    preset.cells()[r][c] = Suppression.SECONDARY;
                }
            }
        }
        keep(alone.rowTotals(), preset.rowTotals());
        keep(alone.columnTotals(), preset.columnTotals());
    }

    private static void keep(Suppression[] alone, Suppression[] preset) {
        for (int i = 0; alone != null && i < alone.length; i++) {
            if (alone[i] == Suppression.SECONDARY) {
                preset[i] = Suppression.SECONDARY;
            }
        }
    }

    /**
     * Gives each cell its flag by precedence: the answer's own flag (PRIMARY, SECONDARY) where it blanks the cell
     * alone, DIFFERENCING where only the earlier answers blank it; returns how many are DIFFERENCING.
     */
    private static int relabel(Result alone, Result last) {
        int n = 0;
        for (int r = 0; r < last.cells().length; r++) {
            for (int c = 0; c < last.cells()[r].length; c++) {
                last.cells()[r][c] = flag(alone.cells()[r][c], last.cells()[r][c]);
                n += last.cells()[r][c] == Suppression.DIFFERENCING ? 1 : 0;
            }
        }
        n += relabel(alone.rowTotals(), last.rowTotals());
        n += relabel(alone.columnTotals(), last.columnTotals());
        return n;
    }

    private static int relabel(Suppression[] alone, Suppression[] last) {
        int n = 0;
        for (int i = 0; last != null && i < last.length; i++) {
            last[i] = flag(alone[i], last[i]);
            n += last[i] == Suppression.DIFFERENCING ? 1 : 0;
        }
        return n;
    }

    private static Suppression flag(Suppression alone, Suppression last) {
        if (alone != Suppression.NONE) {
            return alone;
        }
        return last == Suppression.NONE ? Suppression.NONE : Suppression.DIFFERENCING;
    }

    /** The shown cells by statistic, each statistic's in order of preference: most participants first. */
    private static Map<String, List<Shown>> byStatistic(List<Shown> shown) {
        Map<String, List<Shown>> by = new LinkedHashMap<>();
        shown.forEach(s -> by.computeIfAbsent(s.statistic(), k -> new ArrayList<>()).add(s));
        by.values().forEach(list -> list.sort(Comparator.comparingInt((Shown s) -> -s.participants().size())));
        return by;
    }

    private static List<Shown> shown(List<MeasureGrid> grids, List<Result> results) {
        List<Shown> shown = new ArrayList<>();
        for (int i = 0; i < grids.size(); i++) {
            MeasureGrid g = grids.get(i);
            Result r = results.get(i);
            for (int row = 0; row < g.rows(); row++) {
                for (int col = 0; col < g.columns(); col++) {
                    add(shown, i, Position.CELL, row, col, g.statistic(), r.cells()[row][col], g.cells().get(row).get(col));
                }
            }
            for (int row = 0; g.rowTotals() != null && row < g.rows(); row++) {
                add(shown, i, Position.ROW_TOTAL, row, -1, g.statistic(), r.rowTotals()[row], g.rowTotals().get(row));
            }
            for (int col = 0; g.columnTotals() != null && col < g.columnTotals().size(); col++) {
                add(shown, i, Position.COLUMN_TOTAL, -1, col, g.statistic(), r.columnTotals()[col], g.columnTotals().get(col));
            }
        }
        return shown;
    }

    private static void add(List<Shown> shown, int grid, Position position, int row, int column, String statistic,
            Suppression suppression, Set<String> participants) {
        if (suppression == Suppression.NONE) {
            shown.add(new Shown(grid, position, row, column, statistic, ParticipantSet.of(participants), false));
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
