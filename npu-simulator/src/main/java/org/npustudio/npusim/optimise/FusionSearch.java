package org.npustudio.npusim.optimise;

import java.util.ArrayList;
import java.util.List;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.cost.NodeCost;
import org.npustudio.npusim.cost.Timing;
import org.npustudio.npusim.fusion.AutoGrouper;
import org.npustudio.npusim.fusion.FusionContext;
import org.npustudio.npusim.work.WorkGraph;
import org.npustudio.npusim.work.WorkNode;

/**
 * Which neighbouring NPU nodes to fuse, by the objective rather than by op patterns: along the cover's
 * order, a group is a run of consecutive positions on one NPU (so it is convex) whose kept intermediates
 * fit the activation SRAM and whose weights fit the weight SRAM, exactly as the simulator's
 * {@code Grouping} checks them. best[j] = max over i of best[i] + gain(i..j-1), where the gain is what
 * the members save when their internal values skip DRAM: latency recomputed with the simulator's
 * {@code Timing} on the reduced bytes, or the DRAM bytes themselves. Ties keep nodes apart.
 */
final class FusionSearch {
    private FusionSearch() {}

    /**
     * @param order     work-graph index per position (-1: none)
     * @param deviceOf  hardware per work-graph node for this assignment
     * @param costs     unfused cost per work-graph node on its device
     * @return groups as work-graph indices, each at least two nodes with a positive gain
     */
    static List<int[]> groups(WorkGraph g, int[] order, Device[] deviceOf, NodeCost[] costs, Objective objective) {
        int m = order.length;
        int[] position = new int[g.size()];
        java.util.Arrays.fill(position, -1);
        for (int k = 0; k < m; k++) if (order[k] >= 0) position[order[k]] = k;
        FusionContext ctx = new FusionContext(g, deviceOf, costs);
        // values whose last reader sits at position j (only values with a runtime producer and readers all placed)
        List<List<String>> closing = new ArrayList<>(m);
        for (int j = 0; j < m; j++) closing.add(new ArrayList<>());
        for (int k = 0; k < m; k++) {
            if (order[k] < 0) continue;
            for (String v : g.node(order[k]).outputs()) {
                if (v.isEmpty() || g.isGraphOutput(v) || g.consumersOf(v).isEmpty()) continue;
                int last = -1;
                for (int c : g.consumersOf(v)) last = position[c] < 0 ? Integer.MAX_VALUE : Math.max(last, position[c]);
                if (last != Integer.MAX_VALUE) closing.get(last).add(v);
            }
        }
        double[] best = new double[m + 1];
        int[] from = new int[m + 1];
        for (int j = 1; j <= m; j++) {
            best[j] = Double.NEGATIVE_INFINITY;
            from[j] = j - 1;
        }
        double[] readLeft = new double[g.size()];
        double[] writeLeft = new double[g.size()];
        double[] latency = new double[g.size()];
        for (int i = 0; i < m; i++) {
            AutoGrouper.relax(best, from, i, i + 1, best[i]);
            int wi = order[i];
            if (wi < 0 || !deviceOf[wi].isNpu()) continue;
            Device d = deviceOf[wi];
            double capacity = ctx.activationCapacity(d);
            double weights = ctx.weights(wi);
            if (weights > ctx.weightCapacity(d)) continue;
            reset(wi, costs, d, readLeft, writeLeft, latency);
            double footprint = 0;
            double gain = 0;
            for (int j = i + 1; j < m && j - i < AutoGrouper.MAX_GROUP_LENGTH; j++) {
                int wj = order[j];
                if (wj < 0 || deviceOf[wj] != d) break;
                weights += ctx.weights(wj);
                if (weights > ctx.weightCapacity(d)) break;
                reset(wj, costs, d, readLeft, writeLeft, latency);
                for (String v : closing.get(j)) {
                    int p = g.producerOf(v);
                    if (position[p] < i) continue;
                    footprint += ctx.footprint(v);
                    gain += keep(g, v, p, costs, deviceOf, readLeft, writeLeft, latency, objective);
                }
                if (footprint > capacity) break;
                AutoGrouper.relax(best, from, i, j + 1, best[i] + gain);
            }
        }
        return AutoGrouper.groupsOf(from, order);
    }

    private static void reset(int w, NodeCost[] costs, Device d, double[] readLeft, double[] writeLeft, double[] latency) {
        readLeft[w] = costs[w].totalReadBytes();
        writeLeft[w] = costs[w].totalWriteBytes();
        latency[w] = Timing.of(costs[w], d, readLeft[w], writeLeft[w]).latencySeconds();
    }

    /** Keeps value v on chip: takes its bytes off producer and readers; returns the objective's gain. */
    private static double keep(WorkGraph g, String v, int p, NodeCost[] costs, Device[] deviceOf, double[] readLeft,
                               double[] writeLeft, double[] latency, Objective objective) {
        double bytes = 0;
        double before = 0;
        List<Integer> touched = new ArrayList<>();
        WorkNode pn = g.node(p);
        for (int o = 0; o < pn.outputs().size(); o++) {
            if (!pn.outputs().get(o).equals(v)) continue;
            writeLeft[p] -= costs[p].writeBytes()[o];
            bytes += costs[p].writeBytes()[o];
        }
        touched.add(p);
        for (int c : g.consumersOf(v)) {
            WorkNode cn = g.node(c);
            for (int in = 0; in < cn.inputs().size(); in++) {
                if (!cn.inputs().get(in).equals(v)) continue;
                readLeft[c] -= costs[c].readBytes()[in];
                bytes += costs[c].readBytes()[in];
            }
            if (!touched.contains(c)) touched.add(c);
        }
        if (objective != Objective.LATENCY) return bytes;
        double gain = 0;
        for (int t : touched) {
            before = latency[t];
            latency[t] = Timing.of(costs[t], deviceOf[t], readLeft[t], writeLeft[t]).latencySeconds();
            gain += before - latency[t];
        }
        return gain;
    }
}
