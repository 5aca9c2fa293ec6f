package org.npustudio.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.npustudio.ir.Graph;
import org.npustudio.ir.GraphIndex;
import org.npustudio.ir.Node;

/**
 * What flows into and out of one partition: inputs are values its nodes read that it does not produce
 * (graph inputs or other partitions' results), outputs are values it produces that another partition
 * reads or that the model returns. Both in first-use order. Weights are not inputs: the partition holds
 * the initializers it reads ({@code initializers}) and a copy of the weight nodes of other partitions
 * whose values it reads ({@code copiedWeights}, node ids, see {@link WeightNodes}); so a weight node's value
 * is never an output either, unless the model returns it.
 */
public record PartitionBoundary(String partition, List<BoundaryTensor> inputs, List<BoundaryTensor> outputs,
                                List<String> initializers, List<String> copiedWeights) {
    public PartitionBoundary {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        initializers = List.copyOf(initializers);
        copiedWeights = List.copyOf(copiedWeights);
    }

    public PartitionBoundary(String partition, List<BoundaryTensor> inputs, List<BoundaryTensor> outputs, List<String> initializers) {
        this(partition, inputs, outputs, initializers, List.of());
    }

    public long inputBytes() { return sum(inputs); }

    public long outputBytes() { return sum(outputs); }

    private static long sum(List<BoundaryTensor> ts) {
        long s = 0;
        for (BoundaryTensor t : ts) {
            if (t.bytes() < 0) return -1;
            s += t.bytes();
        }
        return s;
    }

    /** Boundaries of every partition of the binding (catch-all last), in partition index order. */
    public static List<PartitionBoundary> of(PlanBinding b) {
        List<PartitionBoundary> out = new ArrayList<>();
        for (int k = 0; k < b.partitionCount(); k++) out.add(of(b, k));
        return out;
    }

    public static PartitionBoundary of(PlanBinding b, int k) {
        Graph g = b.graph();
        GraphIndex idx = b.index();
        WeightNodes w = b.weights();
        Set<String> graphOutputs = new LinkedHashSet<>();
        g.outputs().forEach(v -> graphOutputs.add(v.name()));
        Set<String> produced = new LinkedHashSet<>();
        for (int i : b.members(k)) for (String o : idx.node(i).outputs()) if (!o.isEmpty()) produced.add(o);
        Set<String> ins = new LinkedHashSet<>();
        Set<String> inits = new LinkedHashSet<>();
        Set<String> foreignWeights = new LinkedHashSet<>();
        for (int i : b.members(k)) {
            for (String v : usedValues(idx.node(i))) {
                if (produced.contains(v)) continue;
                if (g.isInitializer(v)) inits.add(v);
                else if (w.isWeightValue(v)) foreignWeights.add(v);
                else ins.add(v);
            }
        }
        List<String> copies = new ArrayList<>();
        for (int c : w.producersOf(foreignWeights)) {
            if (b.partitionOf(c) == k) continue;
            copies.add(idx.node(c).id());
            for (String v : idx.node(c).inputs()) if (g.isInitializer(v)) inits.add(v);
        }
        List<BoundaryTensor> inputs = new ArrayList<>();
        for (String v : ins) inputs.add(BoundaryTensor.of(v, g.typeOf(v)));
        List<BoundaryTensor> outputs = new ArrayList<>();
        for (String v : produced) {
            boolean leaves = graphOutputs.contains(v);
            if (!leaves && w.isWeightValue(v)) continue;
            for (Node c : idx.consumers(v)) {
                if (leaves) break;
                leaves = b.partitionOf(idx.indexOf(c)) != k;
            }
            if (leaves) outputs.add(BoundaryTensor.of(v, g.typeOf(v)));
        }
        return new PartitionBoundary(b.name(k), inputs, outputs, List.copyOf(inits), copies);
    }

    /** A node's inputs plus values its subgraphs capture from the enclosing graph. */
    public static Set<String> usedValues(Node n) {
        Set<String> s = new LinkedHashSet<>();
        for (String in : n.inputs()) if (!in.isEmpty()) s.add(in);
        for (Graph sub : n.subgraphs()) s.addAll(sub.outerScopeReferences());
        return s;
    }
}
