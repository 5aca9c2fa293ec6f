package org.npustudio.ir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dense, array-based adjacency of one graph version: node i is {@code nodes.get(i)}; edges go from a
 * value's producer to each consumer. Built in O(nodes + edges); the graph rebuilds it after edits.
 */
public final class GraphIndex {
    private final List<Node> nodes;
    private final Map<Node, Integer> position;
    private final Map<String, Node> producer;
    private final Map<String, List<Node>> consumers;
    private final int[][] successors;
    private final int[][] predecessors;

    GraphIndex(List<Node> nodeList) {
        this.nodes = List.copyOf(nodeList);
        int n = nodes.size();
        position = new java.util.IdentityHashMap<>(n * 2);
        producer = new HashMap<>(n * 2);
        consumers = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            Node node = nodes.get(i);
            position.put(node, i);
            for (String out : node.outputs()) if (!out.isEmpty()) producer.putIfAbsent(out, node);
        }
        List<List<Integer>> succ = new ArrayList<>(n);
        List<List<Integer>> pred = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            succ.add(new ArrayList<>(2));
            pred.add(new ArrayList<>(2));
        }
        for (int i = 0; i < n; i++) {
            Node node = nodes.get(i);
            for (String in : node.inputs()) {
                if (in.isEmpty()) continue;
                consumers.computeIfAbsent(in, k -> new ArrayList<>(2)).add(node);
                Node p = producer.get(in);
                if (p != null) {
                    int j = position.get(p);
                    if (!succ.get(j).contains(i)) {
                        succ.get(j).add(i);
                        pred.get(i).add(j);
                    }
                }
            }
            // Values captured from this graph by a subgraph body are uses too.
            for (Graph sub : node.subgraphs()) {
                for (String outer : sub.outerScopeReferences()) {
                    consumers.computeIfAbsent(outer, k -> new ArrayList<>(2)).add(node);
                    Node p = producer.get(outer);
                    if (p != null && p != node) {
                        int j = position.get(p);
                        if (!succ.get(j).contains(i)) {
                            succ.get(j).add(i);
                            pred.get(i).add(j);
                        }
                    }
                }
            }
        }
        successors = toArrays(succ);
        predecessors = toArrays(pred);
    }

    private static int[][] toArrays(List<List<Integer>> lists) {
        int[][] out = new int[lists.size()][];
        for (int i = 0; i < out.length; i++) out[i] = lists.get(i).stream().mapToInt(Integer::intValue).toArray();
        return out;
    }

    public int size() { return nodes.size(); }

    public Node node(int i) { return nodes.get(i); }

    public List<Node> nodes() { return nodes; }

    /** Position of a node in this index, or -1 when it is not in the graph. */
    public int indexOf(Node n) {
        Integer i = position.get(n);
        return i == null ? -1 : i;
    }

    public Node producer(String value) { return producer.get(value); }

    public List<Node> consumers(String value) { return consumers.getOrDefault(value, List.of()); }

    public int[] successors(int i) { return successors[i]; }

    public int[] predecessors(int i) { return predecessors[i]; }

    /**
     * Kahn's algorithm, iterative. Ties are broken by file order so the result is deterministic.
     * Returns null when the graph has a cycle.
     */
    public int[] topologicalOrder() {
        int n = nodes.size();
        int[] indegree = new int[n];
        for (int i = 0; i < n; i++) indegree[i] = predecessors[i].length;
        java.util.PriorityQueue<Integer> ready = new java.util.PriorityQueue<>();
        for (int i = 0; i < n; i++) if (indegree[i] == 0) ready.add(i);
        int[] order = new int[n];
        int k = 0;
        while (!ready.isEmpty()) {
            int i = ready.poll();
            order[k++] = i;
            for (int s : successors[i]) if (--indegree[s] == 0) ready.add(s);
        }
        return k == n ? order : null;
    }

    /** Nodes on a cycle (those Kahn's algorithm could not order), in file order; empty if acyclic. */
    public List<Node> nodesOnCycles() {
        int n = nodes.size();
        int[] indegree = new int[n];
        for (int i = 0; i < n; i++) indegree[i] = predecessors[i].length;
        java.util.ArrayDeque<Integer> ready = new java.util.ArrayDeque<>();
        for (int i = 0; i < n; i++) if (indegree[i] == 0) ready.add(i);
        boolean[] done = new boolean[n];
        while (!ready.isEmpty()) {
            int i = ready.poll();
            done[i] = true;
            for (int s : successors[i]) if (--indegree[s] == 0) ready.add(s);
        }
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < n; i++) if (!done[i]) out.add(nodes.get(i));
        return out;
    }
}
