package org.npustudio.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import org.npustudio.ir.GraphIndex;

/**
 * The graph of partitions of a {@link PlanBinding} (an edge wherever a value flows from one partition to
 * another; a weight node's value is copied, not sent, so it adds no edge — see {@link WeightNodes}), its
 * execution order, and the convexity test. All work is linear in nodes + edges except the
 * per-partition search, which runs only for partitions on a cycle of this graph — a non-convex partition
 * always lies on one, so a plan whose partition graph is acyclic needs no per-partition search.
 */
public final class PartitionGraph {
    private final PlanBinding binding;
    private final int[][] succ;
    private final int[][] pred;
    private final int[] order;      // partition indices in execution order; shorter than count when cyclic
    private int[] topoPosition;     // node index -> position in a topological order of the nodes

    private PartitionGraph(PlanBinding b) {
        this.binding = b;
        int count = b.partitionCount();
        GraphIndex idx = b.index();
        List<java.util.LinkedHashSet<Integer>> s = new ArrayList<>(count);
        for (int k = 0; k < count; k++) s.add(new java.util.LinkedHashSet<>());
        WeightNodes w = b.weights();
        for (int i = 0; i < idx.size(); i++) {
            // a weight is copied into every partition that reads it, so it orders nothing
            if (w.isWeight(i)) continue;
            int from = b.partitionOf(i);
            for (int j : idx.successors(i)) {
                int to = b.partitionOf(j);
                if (to != from) s.get(from).add(to);
            }
        }
        succ = new int[count][];
        int[] indeg = new int[count];
        for (int k = 0; k < count; k++) {
            succ[k] = s.get(k).stream().mapToInt(Integer::intValue).toArray();
            for (int t : succ[k]) indeg[t]++;
        }
        int[][] p = new int[count][];
        int[] fill = new int[count];
        for (int k = 0; k < count; k++) p[k] = new int[indeg[k]];
        for (int k = 0; k < count; k++) for (int t : succ[k]) p[t][fill[t]++] = k;
        pred = p;
        // Kahn with plan order as priority; the catch-all has the largest index so it goes last when free.
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        int[] deg = indeg.clone();
        for (int k = 0; k < count; k++) if (deg[k] == 0) ready.add(k);
        int[] out = new int[count];
        int n = 0;
        while (!ready.isEmpty()) {
            int k = ready.poll();
            out[n++] = k;
            for (int t : succ[k]) if (--deg[t] == 0) ready.add(t);
        }
        order = Arrays.copyOf(out, n);
    }

    public static PartitionGraph of(PlanBinding b) { return new PartitionGraph(b); }

    public boolean isAcyclic() { return order.length == binding.partitionCount(); }

    /** Partition indices in execution order (all of them only when acyclic). */
    public int[] executionOrder() { return order.clone(); }

    public int[] successors(int k) { return succ[k]; }

    public int[] predecessors(int k) { return pred[k]; }

    /** Partitions Kahn's algorithm could not order: those on a cycle and those after one. */
    public List<Integer> unordered() {
        boolean[] done = new boolean[binding.partitionCount()];
        for (int k : order) done[k] = true;
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < done.length; k++) if (!done[k]) out.add(k);
        return out;
    }

    /**
     * A path that leaves partition {@code k} and re-enters it, as node indices (member, outside nodes…,
     * member), or null when the partition is convex. Only nodes topologically between the partition's
     * first and last member can lie on such a path, which bounds the search.
     */
    public int[] nonConvexPath(int k) {
        GraphIndex idx = binding.index();
        int[] pos = topoPositions();
        int[] members = binding.members(k);
        if (members.length < 2) return null;
        int last = 0;
        for (int m : members) last = Math.max(last, pos[m]);
        int n = idx.size();
        int[] parent = new int[n];
        Arrays.fill(parent, -2);
        int[] queue = new int[n];
        int head = 0, tail = 0;
        WeightNodes w = binding.weights();
        for (int m : members) {
            if (w.isWeight(m)) continue;
            for (int s : idx.successors(m)) {
                if (binding.partitionOf(s) != k && pos[s] < last && parent[s] == -2) {
                    parent[s] = m;
                    queue[tail++] = s;
                }
            }
        }
        while (head < tail) {
            int x = queue[head++];
            for (int s : idx.successors(x)) {
                if (binding.partitionOf(s) == k) return path(parent, x, s);
                if (pos[s] < last && parent[s] == -2) {
                    parent[s] = x;
                    queue[tail++] = s;
                }
            }
        }
        return null;
    }

    private int[] path(int[] parent, int outside, int reentry) {
        List<Integer> rev = new ArrayList<>();
        rev.add(reentry);
        int x = outside;
        while (binding.partitionOf(x) != binding.partitionOf(reentry)) {
            rev.add(x);
            x = parent[x];
        }
        rev.add(x);
        int[] out = new int[rev.size()];
        for (int i = 0; i < out.length; i++) out[i] = rev.get(out.length - 1 - i);
        return out;
    }

    /** A cycle of partitions among {@code candidates} (partition indices in cycle order), or empty. */
    public List<Integer> cycle() {
        List<Integer> left = unordered();
        if (left.isEmpty()) return List.of();
        boolean[] in = new boolean[binding.partitionCount()];
        for (int k : left) in[k] = true;
        // Every unordered partition has an unordered predecessor; walking back must repeat.
        int[] seenAt = new int[in.length];
        Arrays.fill(seenAt, -1);
        List<Integer> walk = new ArrayList<>();
        int k = left.get(0);
        while (seenAt[k] < 0) {
            seenAt[k] = walk.size();
            walk.add(k);
            int next = -1;
            for (int p : pred[k]) if (in[p]) { next = p; break; }
            k = next;
        }
        List<Integer> cyc = new ArrayList<>(walk.subList(seenAt[k], walk.size()));
        java.util.Collections.reverse(cyc);
        return cyc;
    }

    private int[] topoPositions() {
        if (topoPosition == null) {
            int[] t = binding.index().topologicalOrder();
            if (t == null) throw new IllegalStateException("the model graph has a cycle");
            int[] pos = new int[t.length];
            for (int i = 0; i < t.length; i++) pos[t[i]] = i;
            topoPosition = pos;
        }
        return topoPosition;
    }
}
