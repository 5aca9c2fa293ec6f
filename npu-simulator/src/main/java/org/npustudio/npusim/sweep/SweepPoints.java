package org.npustudio.npusim.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.npustudio.npusim.sweep.SweepSpec.Axis;

/**
 * The design points of a sweep, in a fixed order: configurations (grid: every combination, the last parameter
 * turning fastest; random: uniform draws; Latin hypercube: each parameter's values cut into {@code count}
 * equal strata, each stratum used once) times models. Random and LHS use {@link java.util.Random}, whose
 * sequence for a seed is specified, so the points are the same on every JVM.
 */
public final class SweepPoints {
    /** More configurations than this are refused before any is made. */
    public static final long MAX_CONFIGS = 10_000_000;

    private SweepPoints() {}

    /** The value index of each parameter for each configuration. */
    public static int[][] configs(SweepSpec spec) {
        List<Axis> axes = spec.axes();
        int[] sizes = axes.stream().mapToInt(a -> a.values().size()).toArray();
        return switch (spec.sampling().kind()) {
            case GRID -> grid(sizes);
            case RANDOM -> random(sizes, spec.sampling().count(), spec.sampling().seed());
            case LHS -> latinHypercube(sizes, spec.sampling().count(), spec.sampling().seed());
        };
    }

    /** Number of grid configurations (the product of the value counts), saturating at {@link Long#MAX_VALUE}. */
    public static long gridSize(int[] sizes) {
        long n = 1;
        for (int s : sizes) n = Math.multiplyHigh(n, s) != 0 || n * s < 0 ? Long.MAX_VALUE : n * s;
        return n;
    }

    public static List<SweepPoint> of(SweepSpec spec) {
        int[][] configs = configs(spec);
        int models = spec.models().size();
        if ((long) configs.length * models > MAX_CONFIGS) {
            throw new IllegalArgumentException(configs.length + " configurations × " + models + " models is above " + MAX_CONFIGS + " points");
        }
        List<SweepPoint> points = new ArrayList<>(configs.length * models);
        for (int c = 0; c < configs.length; c++) {
            List<String> values = new ArrayList<>(configs[c].length);
            for (int a = 0; a < configs[c].length; a++) values.add(spec.axes().get(a).values().get(configs[c][a]));
            for (int m = 0; m < models; m++) points.add(new SweepPoint((long) c * models + m, c, spec.models().get(m).name(), values));
        }
        return points;
    }

    static int[][] grid(int[] sizes) {
        long total = gridSize(sizes);
        if (total > MAX_CONFIGS) throw new IllegalArgumentException("the grid has " + total + " configurations, above " + MAX_CONFIGS);
        int[][] out = new int[(int) total][];
        int[] idx = new int[sizes.length];
        for (int c = 0; c < total; c++) {
            out[c] = idx.clone();
            for (int a = sizes.length - 1; a >= 0; a--) {
                if (++idx[a] < sizes[a]) break;
                idx[a] = 0;
            }
        }
        return out;
    }

    static int[][] random(int[] sizes, int count, long seed) {
        Random rnd = new Random(seed);
        int[][] out = new int[count][sizes.length];
        for (int c = 0; c < count; c++) for (int a = 0; a < sizes.length; a++) out[c][a] = rnd.nextInt(sizes[a]);
        return out;
    }

    /**
     * Latin hypercube over the value indices: for each parameter the {@code count} strata are dealt out in a
     * random permutation, and stratum {@code i} takes value {@code ⌊i × size / count⌋} (the values are discrete,
     * so a stratum takes the value it starts in rather than a draw inside it). Each value is therefore used
     * ⌊count/size⌋ or ⌈count/size⌉ times — exactly once when there are as many points as values.
     */
    static int[][] latinHypercube(int[] sizes, int count, long seed) {
        Random rnd = new Random(seed);
        int[][] out = new int[count][sizes.length];
        for (int a = 0; a < sizes.length; a++) {
            int[] perm = new int[count];
            for (int i = 0; i < count; i++) perm[i] = i;
            for (int i = count - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            for (int c = 0; c < count; c++) out[c][a] = (int) ((long) perm[c] * sizes[a] / count);
        }
        return out;
    }
}
