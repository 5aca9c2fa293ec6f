package org.npustudio.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.ir.Graph;
import org.npustudio.ir.GraphIndex;
import org.npustudio.ir.Node;

/**
 * A plan resolved against one model's main graph: for every node, the partition it belongs to.
 * Partition {@code k < partitionCount()-1} is {@code plan.partitions().get(k)}; the last index is the
 * catch-all {@code rest}. References are matched by stable id first, then by ONNX name; what matches
 * nothing is listed, never dropped silently.
 */
public final class PlanBinding {
    /** A plan member that names no node of the model. */
    public record Unmatched(String partition, NodeRef ref) {}

    /** A node listed by two partitions; it stays in the first. */
    public record Duplicate(String nodeId, String kept, String ignored) {}

    private final Plan plan;
    private final Graph graph;
    private final GraphIndex index;
    private final int[] partitionOf;
    private final int[][] members;
    private final List<Unmatched> unmatched = new ArrayList<>();
    private final List<Duplicate> duplicates = new ArrayList<>();
    private WeightNodes weights;

    private PlanBinding(Plan plan, Graph graph) {
        this.plan = plan;
        this.graph = graph;
        this.index = graph.index();
        int n = index.size();
        Map<String, Integer> byId = new HashMap<>(n * 2);
        Map<String, Integer> byName = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            Node node = index.node(i);
            byId.put(node.id(), i);
            if (!node.name().isEmpty() && byName.putIfAbsent(node.name(), i) != null) byName.put(node.name(), -1);
        }
        partitionOf = new int[n];
        java.util.Arrays.fill(partitionOf, -1);
        List<Partition> ps = plan.partitions();
        for (int k = 0; k < ps.size(); k++) {
            for (NodeRef r : ps.get(k).nodes()) {
                Integer i = byId.get(r.id());
                if (i == null && !r.name().isEmpty()) {
                    Integer j = byName.get(r.name());
                    if (j != null && j >= 0) i = j;
                }
                if (i == null) {
                    unmatched.add(new Unmatched(ps.get(k).name(), r));
                } else if (partitionOf[i] >= 0 && partitionOf[i] != k) {
                    duplicates.add(new Duplicate(index.node(i).id(), ps.get(partitionOf[i]).name(), ps.get(k).name()));
                } else {
                    partitionOf[i] = k;
                }
            }
        }
        int rest = ps.size();
        int[] counts = new int[rest + 1];
        for (int i = 0; i < n; i++) {
            if (partitionOf[i] < 0) partitionOf[i] = rest;
            counts[partitionOf[i]]++;
        }
        members = new int[rest + 1][];
        for (int k = 0; k <= rest; k++) members[k] = new int[counts[k]];
        int[] fill = new int[rest + 1];
        for (int i = 0; i < n; i++) members[partitionOf[i]][fill[partitionOf[i]]++] = i;
    }

    public static PlanBinding bind(Plan plan, Graph graph) {
        return new PlanBinding(plan, graph);
    }

    public Plan plan() { return plan; }

    public Graph graph() { return graph; }

    public GraphIndex index() { return index; }

    /** Explicit partitions plus the catch-all. */
    public int partitionCount() { return members.length; }

    public int restIndex() { return members.length - 1; }

    /** Partition index of node {@code i} of {@link #index()}. */
    public int partitionOf(int node) { return partitionOf[node]; }

    /** Node indices of partition {@code k}, ascending (file order). */
    public int[] members(int k) { return members[k]; }

    public Partition partition(int k) {
        return k == restIndex() ? plan.rest() : plan.partitions().get(k);
    }

    public String name(int k) { return partition(k).name(); }

    /** The device partition {@code k} runs on (null when the plan names an undefined device). */
    public Device device(int k) { return plan.device(partition(k).device()); }

    public int indexOfPartition(String name) {
        for (int k = 0; k < partitionCount(); k++) if (name(k).equals(name)) return k;
        return -1;
    }

    /** Which nodes compute only from weights (computed once per binding). */
    public WeightNodes weights() {
        if (weights == null) weights = WeightNodes.of(graph);
        return weights;
    }

    public List<Unmatched> unmatched() { return List.copyOf(unmatched); }

    public List<Duplicate> duplicates() { return List.copyOf(duplicates); }
}
