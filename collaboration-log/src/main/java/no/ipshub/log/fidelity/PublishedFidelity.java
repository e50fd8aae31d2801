package no.ipshub.log.fidelity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import no.ipshub.log.disclosure.MeasureGrid;
import no.ipshub.log.suppression.SmallCellSuppressor;
import no.ipshub.log.suppression.Suppression;

/**
 * IPS-25 evidence made safe to hand out: per team (and {@code ALL}) every item of the scale, the ones the events
 * can evidence with value, anchor and number of cases, blank and flagged where suppressed, the others marked
 * {@code NOT_FROM_EVENTS}, so a partial picture is never mistaken for a fidelity review. There is no total score.
 *
 * @param from        first day of the period
 * @param to          last day of the period
 * @param minCellSize the threshold applied
 * @param items       the scale's 25 items and how each is evidenced
 * @param teams       one row per team by name, then {@code ALL}
 */
public record PublishedFidelity(LocalDate from, LocalDate to, int minCellSize, List<Item> items, List<Team> teams) {

    /**
     * One item of the scale.
     *
     * @param number                  1-25
     * @param id                      its name in the API and the exports
     * @param title                   its title on the scale
     * @param section                 STAFFING, ORGANISATION or SERVICES
     * @param evidence                FROM_EVENTS or NOT_FROM_EVENTS
     * @param basis                   SCALE (the scale's numeric anchors) or PROXY (the log's thresholds); null when
     *                                not from events
     * @param measured                what the value measures; null when not from events
     * @param highestAnchorFromEvents the cap: the highest anchor whose every condition events can show; 0 when not
     *                                from events
     */
    public record Item(int number, String id, String title, FidelityItem.Section section, FidelityItem.Evidence evidence,
            FidelityItem.Basis basis, String measured, int highestAnchorFromEvents) {

        static Item of(FidelityItem i) {
            return new Item(i.number(), i.id(), i.title(), i.section(), i.evidence(), i.basis(), i.measured(),
                    i.highestAnchorFromEvents());
        }
    }

    /**
     * One team's items.
     *
     * @param team  the team's partner id, or {@code ALL}
     * @param items one per item of the scale, in scale order
     */
    public record Team(String team, List<Score> items) {
    }

    /**
     * One item of one team.
     *
     * @param number      the item's number
     * @param id          the item's id
     * @param evidence    FROM_EVENTS or NOT_FROM_EVENTS
     * @param value       the measured value, two decimals; null when suppressed, not measurable or not from events
     * @param anchor      the anchor 1-5 reached; null with the value
     * @param cases       how many cases are behind the value; null when suppressed or not from events
     * @param suppression why the value is blank, or NONE; null when not from events
     */
    public record Score(int number, String id, FidelityItem.Evidence evidence, Double value, Integer anchor, Integer cases,
            Suppression suppression) {
    }

    /** The items measured from events, in scale order: one suppression grid each. */
    public static List<FidelityItem> measured() {
        return Arrays.stream(FidelityItem.values()).filter(i -> i.evidence() == FidelityItem.Evidence.FROM_EVENTS).toList();
    }

    /** One grid per measured item: the teams as rows of one column, with {@code ALL} as its total. */
    public static List<MeasureGrid> grids(FidelityTable table) {
        List<MeasureGrid> grids = new ArrayList<>();
        for (FidelityItem item : measured()) {
            List<Set<String>> teams = table.teams().stream().map(r -> r.items().get(item).participantKeys()).toList();
            grids.add(MeasureGrid.column(item.releaseMeasure(), teams, table.total().items().get(item).participantKeys()));
        }
        return grids;
    }

    /** The table with the suppression decided for its {@link #grids}. */
    public static PublishedFidelity of(FidelityTable table, int minCellSize, List<SmallCellSuppressor.Result> results) {
        List<FidelityItem> measured = measured();
        List<Team> teams = new ArrayList<>();
        for (int r = 0; r <= table.teams().size(); r++) {
            boolean total = r == table.teams().size();
            FidelityTable.Row row = total ? table.total() : table.teams().get(r);
            List<Score> scores = new ArrayList<>();
            for (FidelityItem item : FidelityItem.values()) {
                int m = measured.indexOf(item);
                if (m < 0) {
                    scores.add(new Score(item.number(), item.id(), item.evidence(), null, null, null, null));
                    continue;
                }
                SmallCellSuppressor.Result result = results.get(m);
                Suppression suppression = total ? result.columnTotals()[0] : result.cells()[r][0];
                ItemMeasure measure = row.items().get(item);
                boolean shown = suppression == Suppression.NONE && measure.value() != null;
                scores.add(new Score(item.number(), item.id(), item.evidence(),
                        shown ? Math.round(measure.value() * 100) / 100.0 : null,
                        shown ? measure.anchor() : null,
                        suppression == Suppression.NONE ? measure.caseKeys().size() : null,
                        suppression));
            }
            teams.add(new Team(row.team(), scores));
        }
        return new PublishedFidelity(table.from(), table.to(), minCellSize,
                Arrays.stream(FidelityItem.values()).map(Item::of).toList(), teams);
    }
}
