package org.npustudio.npusim.work;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simulator's input: nodes in topological order with their work, the static shape of every value
 * that has one, and which values leave the graph. Producer/consumer indices are built once so that
 * grouping and scheduling stay linear in the graph size.
 */
public final class WorkGraph {
    private final String name;
    private final List<WorkNode> nodes;
    private final Map<String, long[]> shapes;
    private final Set<String> graphOutputs;
    private final List<String> warnings;
    private final Map<String, Integer> indexById = new HashMap<>();
    private final Map<String, Integer> producerIndex = new HashMap<>();
    private final Map<String, List<Integer>> consumerIndices = new HashMap<>();

    public WorkGraph(String name, List<WorkNode> topologicalNodes, Map<String, long[]> shapes, Set<String> graphOutputs,
                     List<String> warnings) {
        this.name = name;
        this.nodes = List.copyOf(topologicalNodes);
        this.shapes = Map.copyOf(shapes);
        this.graphOutputs = Set.copyOf(graphOutputs);
        this.warnings = List.copyOf(warnings);
        for (int i = 0; i < nodes.size(); i++) {
            WorkNode n = nodes.get(i);
            if (indexById.put(n.id(), i) != null) throw new IllegalArgumentException("duplicate node id " + n.id());
            for (String out : n.outputs()) if (!out.isEmpty()) producerIndex.put(out, i);
        }
        for (int i = 0; i < nodes.size(); i++) {
            for (String in : nodes.get(i).inputs()) {
                if (!in.isEmpty()) consumerIndices.computeIfAbsent(in, k -> new ArrayList<>()).add(i);
            }
        }
    }

    public String name() { return name; }

    public List<WorkNode> nodes() { return nodes; }

    public int size() { return nodes.size(); }

    public WorkNode node(int i) { return nodes.get(i); }

    /** Topological index of a node id, or -1. */
    public int indexOf(String id) { return indexById.getOrDefault(id, -1); }

    /** Index of the node producing a value, or -1 for graph inputs and constants. */
    public int producerOf(String value) { return producerIndex.getOrDefault(value, -1); }

    public List<Integer> consumersOf(String value) { return consumerIndices.getOrDefault(value, Collections.emptyList()); }

    public boolean isGraphOutput(String value) { return graphOutputs.contains(value); }

    /** Static shape of a value, or null when unknown. */
    public long[] shape(String value) { return shapes.get(value); }

    /** Mapping warnings (unknown shapes, ops costed as unknown). */
    public List<String> warnings() { return warnings; }
}
