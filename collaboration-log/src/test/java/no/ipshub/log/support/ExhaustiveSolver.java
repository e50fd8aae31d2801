package no.ipshub.log.support;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The attacker of the disclosure tests, as strong as can be: knows exactly how every shown and hidden set overlaps
 * the others (which participants are alike in all of them: the atoms) and every shown count, and tries every way of
 * filling the atoms with non-negative counts that agrees with all of them. A hidden count is recovered when it comes
 * out the same in every such filling.
 */
public final class ExhaustiveSolver {

    private ExhaustiveSolver() {
    }


    /**
     * True when the count of {@code secret} is the same in every filling of the atoms with non-negative counts that
     * agrees with every shown value.
     */
    public static boolean recoverable(List<Set<String>> shown, Set<String> secret) {
        List<Set<String>> sets = new ArrayList<>(shown);
        sets.add(secret);
        Map<List<Integer>, Set<String>> atoms = new LinkedHashMap<>();
        Set<String> everyone = new TreeSet<>();
        sets.forEach(everyone::addAll);
        for (String p : everyone) {
            List<Integer> in = new ArrayList<>();
            for (int s = 0; s < sets.size(); s++) {
                if (sets.get(s).contains(p)) {
                    in.add(s);
                }
            }
            atoms.computeIfAbsent(in, x -> new HashSet<>()).add(p);
        }
        List<List<Integer>> signatures = new ArrayList<>(atoms.keySet());
        int a = signatures.size();
        int secretIndex = sets.size() - 1;
        int[] bound = new int[a];
        boolean[] inSecret = new boolean[a];
        for (int i = 0; i < a; i++) {
            bound[i] = Integer.MAX_VALUE;
            for (int s : signatures.get(i)) {
                if (s == secretIndex) {
                    inSecret[i] = true;
                } else {
                    bound[i] = Math.min(bound[i], shown.get(s).size());
                }
            }
            if (bound[i] == Integer.MAX_VALUE && inSecret[i]) {
                return false; // an atom no shown value constrains: the secret can be anything
            }
        }
        int[][] equations = new int[shown.size()][];
        for (int s = 0; s < shown.size(); s++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < a; i++) {
                if (signatures.get(i).contains(s)) {
                    members.add(i);
                }
            }
            equations[s] = members.stream().mapToInt(Integer::intValue).toArray();
        }
        Set<Integer> values = new HashSet<>();
        search(0, new int[a], bound, inSecret, equations, shown, values);
        return values.size() == 1;
    }

    private static void search(int atom, int[] counts, int[] bound, boolean[] inSecret, int[][] equations,
            List<Set<String>> shown, Set<Integer> values) {
        if (values.size() > 1) {
            return;
        }
        for (int s = 0; s < equations.length; s++) {
            int sum = 0;
            int open = 0;
            for (int i : equations[s]) {
                if (i < atom) {
                    sum += counts[i];
                } else {
                    open += bound[i] == Integer.MAX_VALUE ? 1_000 : bound[i];
                }
            }
            int target = shown.get(s).size();
            if (sum > target || sum + open < target) {
                return;
            }
        }
        if (atom == counts.length) {
            int secret = 0;
            for (int i = 0; i < counts.length; i++) {
                if (inSecret[i]) {
                    secret += counts[i];
                }
            }
            values.add(secret);
            return;
        }
        int max = bound[atom] == Integer.MAX_VALUE ? 0 : bound[atom];
        for (int v = 0; v <= max; v++) {
            counts[atom] = v;
            search(atom + 1, counts, bound, inSecret, equations, shown, values);
        }
        counts[atom] = 0;
    }
}
