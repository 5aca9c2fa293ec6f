package org.npustudio.npusim.fusion;

import java.util.ArrayList;
import java.util.List;
import org.npustudio.npusim.config.Device;

/**
 * Chooses fusion groups that minimise DRAM traffic under the SRAM capacity: dynamic programming over
 * the topological order, where a group is a run of consecutive nodes on one NPU whose kept
 * intermediates' row bands fit the activation buffers and whose weights fit the weight buffer.
 * best[j] = max over i of best[i] + saved(i..j-1); saved(i..j) grows incrementally as j advances (a
 * value becomes internal when its last consumer joins), so the cost is O(nodes x maxGroupLength).
 * Ties go to the shorter last group, so nodes are only grouped when that saves traffic.
 */
public final class AutoGrouper {
    public static final int MAX_GROUP_LENGTH = 64;

    private AutoGrouper() {}

    public static List<int[]> groups(FusionContext ctx) {
        var g = ctx.graph();
        int n = g.size();
        // values whose last consumer is node j (only those with a producer can become internal)
        List<List<String>> closing = new ArrayList<>(n);
        for (int j = 0; j < n; j++) closing.add(new ArrayList<>());
        for (int p = 0; p < n; p++) {
            for (String v : g.node(p).outputs()) {
                if (v.isEmpty() || g.isGraphOutput(v) || g.consumersOf(v).isEmpty()) continue;
                int last = -1;
                for (int c : g.consumersOf(v)) last = Math.max(last, c);
                closing.get(last).add(v);
            }
        }
        double[] best = new double[n + 1];
        int[] from = new int[n + 1];
        for (int j = 1; j <= n; j++) {
            best[j] = Double.NEGATIVE_INFINITY;
            from[j] = j - 1;
        }
        for (int i = 0; i < n; i++) {
            Device d = ctx.device(i);
            relax(best, from, i, i + 1, best[i]);
            if (!d.isNpu()) continue;
            double capacity = ctx.activationCapacity(d);
            double weightCapacity = ctx.weightCapacity(d);
            double weights = ctx.weights(i);
            double footprint = 0;
            double saved = 0;
            for (int j = i + 1; j < n && j - i < MAX_GROUP_LENGTH; j++) {
                if (ctx.device(j) != d) break;
                weights += ctx.weights(j);
                if (weights > weightCapacity) break;
                for (String v : closing.get(j)) {
                    if (g.producerOf(v) >= i) {
                        footprint += ctx.footprint(v);
                        saved += ctx.savings(v);
                    }
                }
                if (footprint > capacity) break;
                relax(best, from, i, j + 1, best[i] + saved);
            }
        }
        int[] identity = new int[n];
        for (int k = 0; k < n; k++) identity[k] = k;
        return groupsOf(from, identity);
    }

    /** The groups of two or more along a traceback ({@code from[j]}: start of the last group ending before j), as {@code order}'s entries. */
    public static List<int[]> groupsOf(int[] from, int[] order) {
        List<int[]> out = new ArrayList<>();
        for (int j = order.length; j > 0; j = from[j]) {
            int i = from[j];
            if (j - i > 1) out.add(0, java.util.Arrays.copyOfRange(order, i, j));
        }
        return out;
    }

    /** best[j] = max(best[j], candidate) for a group [i, j); ties go to the shorter group, so nodes are only grouped when that gains. */
    public static void relax(double[] best, int[] from, int i, int j, double candidate) {
        if (candidate > best[j] || (candidate == best[j] && i > from[j])) {
            best[j] = candidate;
            from[j] = i;
        }
    }
}
