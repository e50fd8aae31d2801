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
 * <p>All new values join the row space first. While it holds such a union, the least preferred value (the values
 * come in order of preference) without which the union would not be there is refused and leaves the space. The work
 * has a bound (steps, and at most {@code Halves.MAX_HALVES} halves in memory): a check that would go over it refuses
 * every new value of the statistic instead.
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
        try {
            Echelon before = new Echelon(atoms.count(), work);
            for (int i = 0; i < shownBefore.size(); i++) {
                before.add(atoms.row(i));
            }
            long[] old = before.nullVector(random);
            // every candidate that adds to the space, in order of preference; the others tell nothing new
            List<Integer> adding = new ArrayList<>();
            Echelon space = before.copy();
            for (int c = 0; c < candidates.size(); c++) {
                if (space.add(atoms.row(shownBefore.size() + c))) {
                    adding.add(c);
                }
            }
            while (true) {
                int[] union = newSmallUnion(space, old, atoms, random, work);
                if (union == null) {
                    break;
                }
                // refuse the least preferred candidate without which the union is no longer in the space
                int culprit = -1;
                for (int i = adding.size() - 1; i >= 0 && culprit < 0; i--) {
                    Echelon without = before.copy();
                    for (int c : adding) {
                        if (c != adding.get(i)) {
                            without.add(atoms.row(shownBefore.size() + c));
                        }
                    }
                    if (!without.contains(union, atoms.count())) {
                        culprit = i;
                        space = without;
                    }
                }
                if (culprit < 0) {
                    break; // cannot happen: a union not in the space before needs a candidate
                }
                refused[adding.remove(culprit)] = true;
            }
            adding.forEach(c -> basis[c] = true);
            return new Outcome(refused, basis, false);
        } catch (WorkExceeded e) {
            Arrays.fill(refused, true);
            Arrays.fill(basis, false);
            return new Outcome(refused, basis, true);
        }
    }

    /**
     * A union of atoms of 1 to threshold - 1 participants that the space holds and the space before did not
     * ({@code old} is a random vector of that space's null space: a union in the old space is orthogonal to it), as
     * its atoms; null when there is none. Meet in the middle: every half (at most half the atoms of a union) is keyed
     * by its sums over two random null-space vectors of the space, and a half is matched with those whose sums are the
     * negatives of its own; each hit is confirmed exactly.
     */
    private int[] newSmallUnion(Echelon space, long[] old, Atoms atoms, SplittableRandom random, Work work) {
        long[] y1 = space.nullVector(random);
        long[] y2 = space.nullVector(random);
        int budget = minCellSize - 1;
        int[] small = smallAtoms(atoms, budget);
        Halves halves = new Halves((budget + 1) / 2, work);
        halves.enumerate(small, 0, new int[halves.width], 0, 0, 0L, 0L, 0L, atoms, y1, y2, old, budget);
        int[] table = halves.index();
        int mask = table.length - 1;
        for (int h = 0; h < halves.size; h++) {
            long t1 = neg(halves.s1[h]);
            long t2 = neg(halves.s2[h]);
            for (int g = table[slot(t1, mask)]; g >= 0; g = halves.next[g]) {
                work.spend(1);
                if (halves.s1[g] != t1 || halves.s2[g] != t2) {
                    continue;
                }
                if (halves.size(h) + halves.size(g) == 0 || halves.count[h] + halves.count[g] > budget
                        || !halves.disjoint(h, g) || plus(halves.old[h], halves.old[g]) == 0) {
                    continue;
                }
                int[] union = halves.union(h, g);
                if (space.contains(union, atoms.count())) {
                    return union;
                }
            }
        }
        return null;
    }

    private static int[] smallAtoms(Atoms atoms, int budget) {
        int n = 0;
        for (int a = 0; a < atoms.count(); a++) {
            n += atoms.size(a) <= budget ? 1 : 0;
        }
        int[] small = new int[n];
        int i = 0;
        for (int a = 0; a < atoms.count(); a++) {
            if (atoms.size(a) <= budget) {
                small[i++] = a;
            }
        }
        return small;
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    /**
     * The halves of the search in flat arrays: atoms (padded with -1), participant count, and the sums over the two
     * null-space vectors and the old one. Bounded to {@link #MAX_HALVES} so a search never takes more memory than a
     * few tens of megabytes; one that would is over the work bound.
     */
    private static final class Halves {

        static final int MAX_HALVES = 1_500_000;

        final int width;
        final Work work;
        int size;
        int[] atoms = new int[0];
        int[] count = new int[0];
        long[] s1 = new long[0];
        long[] s2 = new long[0];
        long[] old = new long[0];
        int[] next;

        Halves(int width, Work work) {
            this.width = Math.max(1, width);
            this.work = work;
        }

        void enumerate(int[] small, int from, int[] chosen, int depth, int n, long a1, long a2, long ao, Atoms atomSet,
                long[] y1, long[] y2, long[] before, int budget) {
            add(chosen, depth, n, a1, a2, ao);
            if (depth == width) {
                return;
            }
            for (int i = from; i < small.length; i++) {
                int a = small[i];
                int total = n + atomSet.size(a);
                if (total > budget) {
                    continue;
                }
                chosen[depth] = a;
                enumerate(small, i + 1, chosen, depth + 1, total, plus(a1, y1[a]), plus(a2, y2[a]), plus(ao, before[a]),
                        atomSet, y1, y2, before, budget);
            }
        }

        private void add(int[] chosen, int depth, int n, long a1, long a2, long ao) {
            work.spend(1);
            if (size == MAX_HALVES) {
                throw new WorkExceeded();
            }
            if (size == s1.length) {
                int capacity = Math.max(1024, size * 2);
                atoms = Arrays.copyOf(atoms, capacity * width);
                count = Arrays.copyOf(count, capacity);
                s1 = Arrays.copyOf(s1, capacity);
                s2 = Arrays.copyOf(s2, capacity);
                old = Arrays.copyOf(old, capacity);
            }
            for (int k = 0; k < width; k++) {
                atoms[size * width + k] = k < depth ? chosen[k] : -1;
            }
            count[size] = n;
            s1[size] = a1;
            s2[size] = a2;
            old[size] = ao;
            size++;
        }

        /** Chains of halves by their first sum: the head of each slot, {@link #next} within it. */
        int[] index() {
            int capacity = Integer.highestOneBit(Math.max(2, size) * 2);
            int[] heads = new int[capacity];
            Arrays.fill(heads, -1);
            next = new int[size];
            int mask = capacity - 1;
            for (int h = 0; h < size; h++) {
                int slot = slot(s1[h], mask);
                next[h] = heads[slot];
                heads[slot] = h;
            }
            return heads;
        }

        int size(int h) {
            int n = 0;
            for (int k = 0; k < width; k++) {
                n += atoms[h * width + k] >= 0 ? 1 : 0;
            }
            return n;
        }

        boolean disjoint(int h, int g) {
            for (int i = 0; i < width; i++) {
                int x = atoms[h * width + i];
                for (int j = 0; x >= 0 && j < width; j++) {
                    if (x == atoms[g * width + j]) {
                        return false;
                    }
                }
            }
            return true;
        }

        int[] union(int h, int g) {
            int[] u = new int[size(h) + size(g)];
            int i = 0;
            for (int k = 0; k < width; k++) {
                if (atoms[h * width + k] >= 0) {
                    u[i++] = atoms[h * width + k];
                }
                if (atoms[g * width + k] >= 0) {
                    u[i++] = atoms[g * width + k];
                }
            }
            return u;
        }
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
