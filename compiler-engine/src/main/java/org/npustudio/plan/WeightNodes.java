package org.npustudio.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.npustudio.ir.Graph;
import org.npustudio.ir.GraphIndex;
import org.npustudio.ir.Node;

/**
 * Nodes that compute only from weights: a {@code Constant}, or a deterministic standard op without a body
 * whose every input is an initializer or another weight node's output (e.g. Constant → Cast → Reshape).
 * Exporters such as paddle2onnx write weights this way instead of as initializers. Such a node is part of
 * the weights, not of the computation: every partition that reads its value carries its own copy (as it
 * carries the initializers it reads), so a weight never crosses a partition boundary and never orders
 * partitions. Linear in nodes + edges.
 */
public final class WeightNodes {
    /** Ops without runtime inputs whose output still varies from run to run. */
    private static final Set<String> NONDETERMINISTIC = Set.of("RandomNormal", "RandomUniform", "RandomNormalLike",
            "RandomUniformLike", "Multinomial", "Bernoulli");

    private final GraphIndex index;
    private final Graph graph;
    private final boolean[] weight;

    private WeightNodes(Graph graph, GraphIndex index) {
        this.graph = graph;
        this.index = index;
        int n = index.size();
        weight = new boolean[n];
        // Kahn without a priority queue: any topological order will do, and this one is linear
        int[] indeg = new int[n];
        int[] queue = new int[n];
        int tail = 0;
        for (int i = 0; i < n; i++) if ((indeg[i] = index.predecessors(i).length) == 0) queue[tail++] = i;
        for (int head = 0; head < tail; head++) {
            int i = queue[head];
            weight[i] = computesFromWeights(index.node(i));
            for (int s : index.successors(i)) if (--indeg[s] == 0) queue[tail++] = s;
        }
    }

    public static WeightNodes of(Graph graph) {
        return new WeightNodes(graph, graph.index());
    }

    private boolean computesFromWeights(Node n) {
        if (!n.domain().isEmpty() && !n.domain().equals("ai.onnx")) return false;
        if (NONDETERMINISTIC.contains(n.opType()) || !n.subgraphs().isEmpty()) return false;
        if (n.outputs().stream().allMatch(String::isEmpty)) return false;
        for (String in : n.inputs()) {
            if (in.isEmpty() || graph.isInitializer(in)) continue;
            Node p = index.producer(in);
            if (p == null || !weight[index.indexOf(p)]) return false;
        }
        return true;
    }

    /** Whether node {@code i} of the graph's index computes only from weights. */
    public boolean isWeight(int i) { return weight[i]; }

    /** Whether a value is a weight: an initializer or the output of a weight node. */
    public boolean isWeightValue(String value) {
        if (graph.isInitializer(value)) return true;
        Node p = index.producer(value);
        return p != null && weight[index.indexOf(p)];
    }

    public int count() {
        int c = 0;
        for (boolean w : weight) if (w) c++;
        return c;
    }

    /**
     * The weight nodes that compute {@code values} (those that are weight-node outputs), with every weight
     * node they read from, as ascending node indices (file order; callers that write nodes out sort them
     * topologically).
     */
    public int[] producersOf(Iterable<String> values) {
        boolean[] take = new boolean[weight.length];
        List<Integer> stack = new ArrayList<>();
        for (String v : values) {
            Node p = index.producer(v);
            if (p == null) continue;
            int i = index.indexOf(p);
            if (weight[i] && !take[i]) {
                take[i] = true;
                stack.add(i);
            }
        }
        while (!stack.isEmpty()) {
            int i = stack.remove(stack.size() - 1);
            for (int p : index.predecessors(i)) {
                if (weight[p] && !take[p]) {
                    take[p] = true;
                    stack.add(p);
                }
            }
        }
        int[] out = new int[weight.length];
        int k = 0;
        for (int i = 0; i < take.length; i++) if (take[i]) out[k++] = i;
        return Arrays.copyOf(out, k);
    }
}
