package no.ipshub.log.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.IntStream;
import no.ipshub.log.support.ExhaustiveSolver;
import no.ipshub.log.suppression.SmallCellSuppressor.Result;
import no.ipshub.log.suppression.SmallCellSuppressor;
import no.ipshub.log.suppression.Suppression;
import org.junit.jupiter.api.Test;

/*
 * Disclosure control across answers, as one audience (a table reader) sees it. First the recovery found by hand:
 * teams A 8, B 6, C 2 and ALL 16; one of A's participants withdraws; asked again, B must not be shown, or
 * C = 16 - 8 - 6 = 2. Then generated sequences of tables (by team, NAV office, month or pair, over month ranges and
 * scopes, with withdrawals in between) on small populations, each checked by an exhaustive solver: every way of
 * filling the atoms (participants alike in every shown and hidden set) with counts that agree with every value shown
 * is enumerated, and no hidden count of 1 to threshold - 1 may come out the same in all of them.
 */
class CrossAnswerRecoveryTest {

    /** What one audience was shown, kept as the ledger keeps it. */
    private static final class Audience {
        private final DisclosureControl control;
        private final Map<String, List<ParticipantSet>> basis = new HashMap<>();
        private final List<Set<String>> shown = new ArrayList<>();
        private final List<Set<String>> hidden = new ArrayList<>();
        private final int k;

        Audience(int k) {
            this.k = k;
            this.control = new DisclosureControl(new SmallCellSuppressor(k));
        }

        /** Answers one column of groups with its total; returns the flags, groups first, the total last. */
        List<Suppression> ask(List<Set<String>> groups, Set<String> total) {
            MeasureGrid grid = MeasureGrid.column("count", groups, total);
            DisclosureControl.Decision decision = control.decide(List.of(grid),
                    statistic -> List.copyOf(basis.getOrDefault(statistic, List.of())));
            decision.shown().stream().filter(DisclosureControl.Shown::basis)
                    .forEach(s -> basis.computeIfAbsent(s.statistic(), x -> new ArrayList<>()).add(s.participants()));
            Result r = decision.results().get(0);
            List<Suppression> flags = new ArrayList<>();
            for (int i = 0; i < groups.size(); i++) {
                flags.add(r.cells()[i][0]);
                record(groups.get(i), r.cells()[i][0]);
            }
            flags.add(r.columnTotals()[0]);
            record(total, r.columnTotals()[0]);
            return flags;
        }

        private void record(Set<String> set, Suppression flag) {
            if (flag == Suppression.NONE) {
                shown.add(set);
            } else if (!set.isEmpty() && set.size() < k) {
                hidden.add(set);
            }
        }
    }

    private static Set<String> people(int from, int to) {
        Set<String> keys = new TreeSet<>();
        IntStream.rangeClosed(from, to).forEach(i -> keys.add("p" + i));
        return keys;
    }

    @Test
    void afterAWithdrawalTheTeamThatWouldGiveAwayTheSmallTeamIsNotShown() {
        Audience reader = new Audience(5);
        List<Suppression> before = reader.ask(List.of(people(1, 8), people(9, 14), people(15, 16)), people(1, 16));

        List<Suppression> after = reader.ask(List.of(people(2, 8), people(9, 14), people(15, 16)), people(2, 16));

        assertThat(List.of(before, after.subList(1, 2))).containsExactly(
                List.of(Suppression.NONE, Suppression.SECONDARY, Suppression.PRIMARY, Suppression.NONE),
                List.of(Suppression.SECONDARY));
    }

    @Test
    void theSmallTeamCannotBeWorkedOutFromEverythingShownAroundTheWithdrawal() {
        Audience reader = new Audience(5);
        reader.ask(List.of(people(1, 8), people(9, 14), people(15, 16)), people(1, 16));
        reader.ask(List.of(people(2, 8), people(9, 14), people(15, 16)), people(2, 16));

        assertThat(recoverable(reader.shown, people(15, 16))).isFalse();
    }

    /* Another answer shows team B on its own (a period in which only B referred): B = its earlier blank. */
    @Test
    void teamBShownOnItsOwnInAnotherAnswerIsBlankedAsDifferencing() {
        Audience reader = new Audience(5);
        reader.ask(List.of(people(1, 8), people(9, 14), people(15, 16)), people(1, 16));

        List<Suppression> alone = reader.ask(List.of(people(9, 14)), people(9, 14));

        assertThat(alone).containsExactly(Suppression.DIFFERENCING, Suppression.DIFFERENCING);
    }

    @Test
    void generatedSequencesOfTablesNeverGiveAwayASmallCount() {
        Random random = new Random(20260220L);
        int sequences = 0;
        int hiddenChecked = 0;
        for (int run = 0; run < 250; run++) {
            Scenario scenario = Scenario.random(random);
            Audience reader = new Audience(3);
            scenario.play(reader, random);
            for (Set<String> secret : reader.hidden) {
                hiddenChecked++;
                assertThat(recoverable(reader.shown, secret))
                        .as("run %d: %s recoverable from %s", run, secret, reader.shown).isFalse();
            }
            for (String gone : scenario.withdrawn) {
                assertThat(recoverable(reader.shown, Set.of(gone))).as("run %d: withdrawn %s", run, gone).isFalse();
            }
            sequences++;
        }
        assertThat(List.of(sequences, hiddenChecked > 100)).containsExactly(250, true);
    }

    /** A small population and a sequence of tables asked of it, with withdrawals between them. */
    private static final class Scenario {
        private final Map<String, String[]> people = new LinkedHashMap<>();
        private final List<String> withdrawn = new ArrayList<>();

        static Scenario random(Random random) {
            Scenario s = new Scenario();
            int n = 6 + random.nextInt(6);
            String[] teams = {"A", "A", "A", "B", "B", "C"};
            for (int i = 0; i < n; i++) {
                s.people.put("p" + i, new String[] {teams[random.nextInt(teams.length)], random.nextBoolean() ? "X" : "Y",
                        Integer.toString(1 + random.nextInt(3))});
            }
            return s;
        }

        void play(Audience reader, Random random) {
            int questions = 3 + random.nextInt(5);
            for (int q = 0; q < questions; q++) {
                if (q > 0 && random.nextInt(10) < 3 && people.size() > 3) {
                    String gone = new ArrayList<>(people.keySet()).get(random.nextInt(people.size()));
                    people.remove(gone);
                    withdrawn.add(gone);
                }
                int by = random.nextInt(4);
                int first = 1 + random.nextInt(3);
                int last = first + random.nextInt(4 - first);
                String scopeTeam = random.nextInt(4) == 0 ? new String[] {"A", "B", "C"}[random.nextInt(3)] : null;
                Function<String[], String> group = a -> switch (by) {
                    case 0 -> a[0];
                    case 1 -> a[1];
                    case 2 -> a[2];
                    default -> a[0] + a[1];
                };
                Map<String, Set<String>> groups = new TreeMap<>();
                Set<String> total = new TreeSet<>();
                people.forEach((who, a) -> {
                    int month = Integer.parseInt(a[2]);
                    if (month >= first && month <= last && (scopeTeam == null || scopeTeam.equals(a[0]))) {
                        groups.computeIfAbsent(group.apply(a), g -> new TreeSet<>()).add(who);
                        total.add(who);
                    }
                });
                reader.ask(List.copyOf(groups.values()), total);
            }
        }
    }

    private static boolean recoverable(List<Set<String>> shown, Set<String> secret) {
        return ExhaustiveSolver.recoverable(shown, secret);
    }
}
