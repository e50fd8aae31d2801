package no.ipshub.log.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Decides which new values of one statistic may be shown to an audience that was shown others before, so that no
 * group of 1 to {@code minCellSize - 1} participants can be counted by any arithmetic over everything shown: sums,
 * differences and any other linear combination of the shown values, within and across answers.
 *
 * <p>Each shown value is treated as the sum, over its participants, of what each contributes (true for counts,
 * sums and means with their count; on the safe side for rates and medians). The participants are split into
 * <em>atoms</em>, those that are in exactly the same shown sets. A group's count can be worked out exactly when its
 * indicator vector lies in the row space of the shown sets. The audit keeps that row space in reduced echelon form
 * (arithmetic modulo the prime 2<sup>61</sup>-1) and looks for a union of atoms with 1 to {@code minCellSize - 1}
 * participants that is in it: every vector of the row space is orthogonal to the null space, so it tests the
 * unions whose two random null-space coordinates sum to zero (meet in the middle over half-unions), and confirms
 * each hit exactly. A new value that would put such a union into the row space is refused. A union that was in the
 * row space before (an earlier answer made it so) does not refuse anything new.
 *
 * <p>Values are tried in the order given, and each one accepted joins the row space before the next is tried. The
 * work has a bound: a search that would take more steps than {@code maxSteps} refuses the value instead.
 */
final class LinearAudit {

    /** 2^61 - 1, a Mersenne prime. */
    static final long P = (1L << 61) - 1;

    private final int minCellSize;
    private final long maxSteps;

    LinearAudit(int minCellSize, long maxSteps) {
        this.minCellSize = minCellSize;
        this.maxSteps = maxSteps;
    }

    /**
     * The audit of the candidates.
     *
     * @param refused   per candidate, true when it must not be shown
     * @param basis     per candidate, true when it was accepted and added to the row space (false when it was
     *                  refused, or was a combination of what was shown already)
     * @param exhausted true when a refusal came from the work bound rather than from a group found
     */
    record Outcome(boolean[] refused, boolean[] basis, boolean exhausted) {
    }

    /**
     * Tries the candidates, in order, against the sets shown before.
     *
     * @param shownBefore the sets of the values the audience was shown before (any independent subset of them will
     *                    do: the row space is the same)
     * @param candidates  the sets of the values it would be shown now, in order of preference
     */
    Outcome audit(List<ParticipantSet> shownBefore, List<ParticipantSet> candidates) {
        boolean[] refused = new boolean[candidates.size()];
        boolean[] basis = new boolean[candidates.size()];
        if (candidates.isEmpty()) {
            return new Outcome(refused, basis, false);
        }
        Atoms atoms = Atoms.of(shownBefore, candidates);
        Work work = new Work(maxSteps);
        SplittableRandom random = new SplittableRandom(0x5EED_1DEAL);
        Echelon echelon = new Echelon(atoms.count(), work);
        long[] before;
        try {
            for (int i = 0; i < shownBefore.size(); i++) {
                echelon.add(atoms.row(i));
            }
            before = echelon.nullVector(random);
        } catch (WorkExceeded e) {
            Arrays.fill(refused, true);
            return new Outcome(refused, basis, true);
        }
        boolean exhausted = false;
        for (int c = 0; c < candidates.size(); c++) {
            long[] row = atoms.row(shownBefore.size() + c);
            try {
                work.check();
                Echelon trial = echelon.copy();
                if (!trial.add(row)) {
                    continue; // a combination of what is shown already: it tells nothing new
                }
                if (singlesOut(trial, before, atoms, random, work)) {
                    refused[c] = true;
                } else {
                    echelon = trial;
                    basis[c] = true;
                    before = echelon.nullVector(random);
                }
            } catch (WorkExceeded e) {
                refused[c] = true;
                exhausted = true;
            }
        }
        return new Outcome(refused, basis, exhausted);
    }

    /**
     * True when the row space holds a union of atoms of 1 to threshold - 1 participants that the space before did
     * not ({@code before} is a random vector of that space's null space: a union in the old space is orthogonal to
     * it).
     */
    private boolean singlesOut(Echelon space, long[] before, Atoms atoms, SplittableRandom random, Work work) {
        long[] y1 = space.nullVector(random);
        long[] y2 = space.nullVector(random);
        int budget = minCellSize - 1;
        List<Integer> small = new ArrayList<>();
        for (int a = 0; a < atoms.count(); a++) {
            if (atoms.size(a) <= budget) {
                small.add(a);
            }
        }
        int half = (budget + 1) / 2;
        Map<Key, List<Half>> halves = new HashMap<>();
        List<Half> all = new ArrayList<>();
        enumerate(small, 0, new int[half], 0, 0, 0L, 0L, 0L, atoms, y1, y2, before, budget, halves, all, work);
        for (Half h : all) {
            List<Half> partners = halves.get(new Key(neg(h.s1), neg(h.s2)));
            if (partners == null) {
                continue;
            }
            for (Half g : partners) {
                work.spend(1);
                if (h.size + g.size == 0 || h.count + g.count > budget || !disjoint(h.atoms, g.atoms)) {
                    continue;
                }
                if (plus(h.old, g.old) == 0) {
                    continue; // the space before held this union already
                }
                if (space.contains(union(h.atoms, g.atoms), atoms.count())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every union of at most {@code half} small atoms within the participant budget, keyed by its two sums. */
    private void enumerate(List<Integer> small, int from, int[] chosen, int size, int count, long s1, long s2, long old,
            Atoms atoms, long[] y1, long[] y2, long[] before, int budget, Map<Key, List<Half>> halves, List<Half> all,
            Work work) {
        Half h = new Half(Arrays.copyOf(chosen, size), size, count, s1, s2, old);
        halves.computeIfAbsent(new Key(s1, s2), k -> new ArrayList<>()).add(h);
        all.add(h);
        work.spend(1);
        if (size == chosen.length) {
            return;
        }
        for (int i = from; i < small.size(); i++) {
            int a = small.get(i);
            int n = count + atoms.size(a);
            if (n > budget) {
                continue;
            }
            chosen[size] = a;
            enumerate(small, i + 1, chosen, size + 1, n, plus(s1, y1[a]), plus(s2, y2[a]), plus(old, before[a]), atoms, y1, y2,
                    before, budget, halves, all, work);
        }
    }

    private static boolean disjoint(int[] a, int[] b) {
        for (int x : a) {
            for (int y : b) {
                if (x == y) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int[] union(int[] a, int[] b) {
        int[] u = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, u, a.length, b.length);
        return u;
    }

    private record Key(long s1, long s2) {
    }

    private record Half(int[] atoms, int size, int count, long s1, long s2, long old) {
    }

    // ---- arithmetic modulo P

    static long plus(long a, long b) {
        long s = a + b;
        return s >= P ? s - P : s;
    }

    static long neg(long a) {
        return a == 0 ? 0 : P - a;
    }

    static long mul(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        long r = (lo & P) + ((lo >>> 61) | (hi << 3));
        r = (r & P) + (r >>> 61);
        return r >= P ? r - P : r;
    }

    static long inverse(long a) {
        long result = 1;
        long base = a;
        long e = P - 2;
        while (e > 0) {
            if ((e & 1) == 1) {
                result = mul(result, base);
            }
            base = mul(base, base);
            e >>= 1;
        }
        return result;
    }

    /** The participants of the sets, grouped into atoms: those in exactly the same sets. */
    static final class Atoms {

        private final int[] sizes;
        private final int[][] rows;

        private Atoms(int[] sizes, int[][] rows) {
            this.sizes = sizes;
            this.rows = rows;
        }

        static Atoms of(List<ParticipantSet> first, List<ParticipantSet> then) {
            List<ParticipantSet> sets = new ArrayList<>(first);
            sets.addAll(then);
            Map<Long, List<Integer>> membership = new HashMap<>();
            for (int s = 0; s < sets.size(); s++) {
                for (long member : sets.get(s).members()) {
                    membership.computeIfAbsent(member, m -> new ArrayList<>()).add(s);
                }
            }
            Map<List<Integer>, Integer> atomOf = new HashMap<>();
            List<Integer> sizes = new ArrayList<>();
            List<List<Integer>> rows = new ArrayList<>();
            for (int s = 0; s < sets.size(); s++) {
                rows.add(new ArrayList<>());
            }
            for (List<Integer> in : membership.values()) {
                Integer atom = atomOf.get(in);
                if (atom == null) {
                    atom = sizes.size();
                    atomOf.put(in, atom);
                    sizes.add(0);
                    for (int s : in) {
                        rows.get(s).add(atom);
                    }
                }
                sizes.set(atom, sizes.get(atom) + 1);
            }
            return new Atoms(sizes.stream().mapToInt(Integer::intValue).toArray(),
                    rows.stream().map(r -> r.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new));
        }

        int count() {
            return sizes.length;
        }

        int size(int atom) {
            return sizes[atom];
        }

        /** The set's row over the atoms: 1 where it holds the atom. */
        long[] row(int set) {
            long[] row = new long[sizes.length];
            for (int a : rows[set]) {
                row[a] = 1;
            }
            return row;
        }
    }

    /** A row space in reduced row echelon form. */
    static final class Echelon {

        private final int columns;
        private final Work work;
        private final List<long[]> rows;
        private final List<Integer> pivots;
        private final boolean[] isPivot;

        Echelon(int columns, Work work) {
            this(columns, work, new ArrayList<>(), new ArrayList<>(), new boolean[columns]);
        }

        private Echelon(int columns, Work work, List<long[]> rows, List<Integer> pivots, boolean[] isPivot) {
            this.columns = columns;
            this.work = work;
            this.rows = rows;
            this.pivots = pivots;
            this.isPivot = isPivot;
        }

        Echelon copy() {
            List<long[]> copied = new ArrayList<>(rows.size());
            rows.forEach(r -> copied.add(r.clone()));
            work.spend((long) rows.size() * columns);
            return new Echelon(columns, work, copied, new ArrayList<>(pivots), isPivot.clone());
        }

        /** Adds the row; false when it is a combination of the rows already there. */
        boolean add(long[] row) {
            long[] r = reduce(row.clone());
            int pivot = -1;
            for (int c = 0; c < columns; c++) {
                if (r[c] != 0) {
                    pivot = c;
                    break;
                }
            }
            if (pivot < 0) {
                return false;
            }
            long inv = inverse(r[pivot]);
            for (int c = 0; c < columns; c++) {
                r[c] = mul(r[c], inv);
            }
            for (long[] other : rows) {
                long f = other[pivot];
                if (f != 0) {
                    for (int c = 0; c < columns; c++) {
                        if (r[c] != 0) {
                            other[c] = plus(other[c], neg(mul(f, r[c])));
                        }
                    }
                }
            }
            work.spend((long) (rows.size() + 1) * columns);
            rows.add(r);
            pivots.add(pivot);
            isPivot[pivot] = true;
            return true;
        }

        private long[] reduce(long[] r) {
            for (int i = 0; i < rows.size(); i++) {
                long f = r[pivots.get(i)];
                if (f != 0) {
                    long[] row = rows.get(i);
                    for (int c = 0; c < columns; c++) {
                        if (row[c] != 0) {
                            r[c] = plus(r[c], neg(mul(f, row[c])));
                        }
                    }
                }
            }
            work.spend((long) rows.size() * columns);
            return r;
        }

        /** True when the union of the atoms (each once) is in the row space. */
        boolean contains(int[] atomsOfUnion, int count) {
            long[] u = new long[count];
            for (int a : atomsOfUnion) {
                u[a] = 1;
            }
            long[] r = reduce(u);
            for (long v : r) {
                if (v != 0) {
                    return false;
                }
            }
            return true;
        }

        /** A random vector orthogonal to every row: random on the free columns, solved on the pivots. */
        long[] nullVector(SplittableRandom random) {
            long[] y = new long[columns];
            for (int c = 0; c < columns; c++) {
                if (!isPivot[c]) {
                    y[c] = random.nextLong(P);
                }
            }
            for (int i = 0; i < rows.size(); i++) {
                long[] row = rows.get(i);
                long sum = 0;
                for (int c = 0; c < columns; c++) {
                    if (!isPivot[c] && row[c] != 0) {
                        sum = plus(sum, mul(row[c], y[c]));
                    }
                }
                y[pivots.get(i)] = neg(sum);
            }
            work.spend((long) rows.size() * columns);
            return y;
        }
    }

    /** The work spent on one audit, against its bound. */
    static final class Work {

        private final long max;
        private long spent;

        Work(long max) {
            this.max = max;
        }

        void spend(long steps) {
            spent += steps;
            if (spent > max) {
                throw new WorkExceeded();
            }
        }

        void check() {
            if (spent > max) {
                throw new WorkExceeded();
            }
        }
    }

    /** Thrown when an audit goes over its bound. */
    static final class WorkExceeded extends RuntimeException {

        WorkExceeded() {
            super(null, null, false, false);
        }
    }
}
