package org.npustudio.npusim.sweep;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Non-dominated sets of points, every objective minimised. A point is dominated when another is no worse in
 * every objective and better in one; equal points do not dominate each other (both stay on the front).
 * Points with a NaN coordinate (invalid design points) are never on the front. Exact in O(n log n) for two
 * objectives (a sweep in order of the first keeping the best second) and three (Kung et al.'s sweep with a
 * staircase of the best (second, third) pairs in a sorted map).
 */
public final class Pareto {
    private Pareto() {}

    /** {@code front[i]} tells whether {@code points[i]} (each of 2 or 3 coordinates) is non-dominated. */
    public static boolean[] front(double[][] points) {
        int n = points.length;
        boolean[] on = new boolean[n];
        if (n == 0) return on;
        int d = points[0].length;
        if (d != 2 && d != 3) throw new IllegalArgumentException("fronts of 2 or 3 objectives, not " + d);
        Integer[] order = Arrays.stream(valid(points)).boxed().toArray(Integer[]::new);
        Comparator<Integer> lex = (a, b) -> {
            for (int k = 0; k < d; k++) {
                int c = Double.compare(points[a][k], points[b][k]);
                if (c != 0) return c;
            }
            return 0;
        };
        Arrays.sort(order, lex);
        // Duplicates: judge the first of each run of equal points, and give the rest its verdict.
        int i = 0;
        TreeMap<Double, Double> stair = new TreeMap<>();
        double bestSecond = Double.POSITIVE_INFINITY;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && lex.compare(order[i], order[j + 1]) == 0) j++;
            double[] p = points[order[i]];
            boolean dominated;
            if (d == 2) {
                // Every earlier distinct point has a smaller-or-equal first coordinate (and is not equal to p).
                dominated = bestSecond <= p[1];
                bestSecond = Math.min(bestSecond, p[1]);
            } else {
                Map.Entry<Double, Double> below = stair.floorEntry(p[1]);
                dominated = below != null && below.getValue() <= p[2];
                if (!dominated) {
                    // Drop staircase steps p covers, then add p.
                    for (var it = stair.tailMap(p[1], true).entrySet().iterator(); it.hasNext(); ) {
                        if (it.next().getValue() >= p[2]) it.remove();
                        else break;
                    }
                    stair.put(p[1], p[2]);
                }
            }
            for (int k = i; k <= j; k++) on[order[k]] = !dominated;
            i = j + 1;
        }
        return on;
    }

    /** The same verdict by comparing every pair: O(n²), for tests and tiny sets. */
    public static boolean[] bruteForce(double[][] points) {
        boolean[] on = new boolean[points.length];
        for (int i = 0; i < points.length; i++) {
            if (hasNaN(points[i])) continue;
            boolean dominated = false;
            for (int j = 0; j < points.length && !dominated; j++) dominated = j != i && !hasNaN(points[j]) && dominates(points[j], points[i]);
            on[i] = !dominated;
        }
        return on;
    }

    public static boolean dominates(double[] a, double[] b) {
        boolean better = false;
        for (int k = 0; k < a.length; k++) {
            if (a[k] > b[k]) return false;
            if (a[k] < b[k]) better = true;
        }
        return better;
    }

    private static int[] valid(double[][] points) {
        return java.util.stream.IntStream.range(0, points.length).filter(i -> !hasNaN(points[i])).toArray();
    }

    private static boolean hasNaN(double[] p) {
        for (double v : p) if (Double.isNaN(v)) return true;
        return false;
    }
}
