package org.npustudio.profiler.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Sum / mean / min / max of a metric over groups of nodes (name scope, partition, op type, device); fusion groups' DRAM. */
public final class Aggregation {
    private Aggregation() {}

    /** Statistics of one group; {@code count} counts nodes with a value (NaN values are skipped). */
    public record Stats(String key, int nodes, int count, double sum, double mean, double min, double max) {}

    public static List<Stats> by(Profile p, Metric metric, Function<NodeMetrics, String> keyOf) {
        Map<String, double[]> acc = new LinkedHashMap<>(); // nodes, count, sum, min, max
        for (NodeMetrics n : p.nodes()) {
            double[] a = acc.computeIfAbsent(keyOf.apply(n), k -> new double[] {0, 0, 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY});
            a[0]++;
            double v = metric.of(n);
            if (Double.isNaN(v)) continue;
            a[1]++;
            a[2] += v;
            a[3] = Math.min(a[3], v);
            a[4] = Math.max(a[4], v);
        }
        List<Stats> out = new ArrayList<>();
        for (Map.Entry<String, double[]> e : acc.entrySet()) {
            double[] a = e.getValue();
            boolean any = a[1] > 0;
            out.add(new Stats(e.getKey(), (int) a[0], (int) a[1], a[2], any ? a[2] / a[1] : 0, any ? a[3] : 0, any ? a[4] : 0));
        }
        out.sort(Comparator.comparingDouble(Stats::sum).reversed().thenComparing(Stats::key));
        return out;
    }

    public static List<Stats> byOpType(Profile p, Metric m) { return by(p, m, NodeMetrics::opType); }

    public static List<Stats> byDevice(Profile p, Metric m) { return by(p, m, NodeMetrics::device); }

    public static List<Stats> byPartition(Profile p, Metric m) { return by(p, m, NodeMetrics::partition); }

    /** By the name scope {@code depth} levels deep ("/layer1/layer1.0" at depth 2); shallower nodes keep their own scope. */
    public static List<Stats> byScope(Profile p, Metric m, int depth) {
        return by(p, m, n -> {
            List<String> s = n.scope();
            return s.isEmpty() ? "(top level)" : "/" + String.join("/", s.subList(0, Math.min(depth, s.size())));
        });
    }

    /** DRAM bytes of one fusion group with and without fusion, and how many ops it holds. */
    public record FusionGroup(int id, int ops, double fusedBytes, double unfusedBytes) {}

    /** The fusion groups of a run in order of first appearance (empty when fusion was off). */
    public static List<FusionGroup> fusionGroups(Profile p) {
        Map<Integer, double[]> acc = new LinkedHashMap<>(); // ops, fused, unfused
        for (NodeMetrics n : p.nodes()) {
            if (n.fusionGroup() < 0) continue;
            double[] g = acc.computeIfAbsent(n.fusionGroup(), k -> new double[3]);
            g[0]++;
            g[1] += n.dramBytes();
            g[2] += n.unfusedDramBytes();
        }
        List<FusionGroup> out = new ArrayList<>();
        for (Map.Entry<Integer, double[]> e : acc.entrySet()) out.add(new FusionGroup(e.getKey(), (int) e.getValue()[0], e.getValue()[1], e.getValue()[2]));
        return out;
    }

    /** The {@code n} nodes with the largest value of the metric. */
    public static List<NodeMetrics> top(Profile p, Metric m, int n) {
        return p.nodes().stream().filter(x -> !Double.isNaN(m.of(x)))
                .sorted(Comparator.comparingDouble((NodeMetrics x) -> m.of(x)).reversed().thenComparing(NodeMetrics::id))
                .limit(n).toList();
    }
}
