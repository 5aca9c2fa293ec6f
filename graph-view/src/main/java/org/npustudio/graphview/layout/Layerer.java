package org.npustudio.graphview.layout;

/**
 * Assigns each node of an acyclic graph to a layer so every edge points to a higher layer.
 * Longest-path layering (Kahn order) followed by coordinate descent on total edge span: a node with more
 * outgoing than incoming edges sinks as far as its successors allow, one with more incoming rises. This is the
 * objective of network simplex, reached locally but in linear time per pass and without recursion.
 */
final class Layerer {
    private static final int MAX_BALANCE_PASSES = 12;

    private Layerer() {}

    /**
     * @param lowerBound per node minimal layer, or null; nodes with a bound >= 0 are also never moved by balancing
     *                   (stable re-layout keeps them in their previous layer)
     */
    static int[] assign(int n, int[] src, int[] dst, int[] lowerBound, LayoutMonitor monitor) {
        Csr out = Csr.of(n, src, dst);
        Csr in = Csr.of(n, dst, src);
        int[] order = topologicalOrder(n, out, in);
        int[] layer = new int[n];
        for (int v = 0; v < n; v++) layer[v] = lowerBound != null && lowerBound[v] > 0 ? lowerBound[v] : 0;
        for (int k = 0; k < n; k++) {
            int v = order[k];
            for (int i = out.start[v]; i < out.start[v + 1]; i++) {
                int t = out.adj[i];
                if (layer[t] < layer[v] + 1) layer[t] = layer[v] + 1;
            }
            if ((k & 4095) == 0) monitor.report(0.3 * k / Math.max(1, n));
        }
        sinkPendantTrees(n, order, layer, out, in, lowerBound);
        for (int pass = 0; pass < MAX_BALANCE_PASSES; pass++) {
            boolean changed = false;
            for (int k = n - 1; k >= 0; k--) changed |= shift(order[k], layer, out, in, lowerBound, true);
            for (int k = 0; k < n; k++) changed |= shift(order[k], layer, out, in, lowerBound, false);
            monitor.report(0.3 + 0.7 * (pass + 1) / MAX_BALANCE_PASSES);
            if (!changed) break;
        }
        if (lowerBound == null) {
            int min = Integer.MAX_VALUE;
            for (int v = 0; v < n; v++) min = Math.min(min, layer[v]);
            if (n > 0 && min > 0) for (int v = 0; v < n; v++) layer[v] -= min;
        }
        return layer;
    }

    /**
     * A pendant tree is a set of nodes that reach the rest of the graph only through one edge (e.g. a weight
     * input, or an input followed by Unsqueeze, feeding one operator deep down). Longest path leaves such trees
     * at the top with a very long edge; single-node moves cannot fix it when a node has as many in- as
     * out-edges, so the whole tree is moved right above its consumer, making every edge in it span one layer.
     */
    private static void sinkPendantTrees(int n, int[] order, int[] layer, Csr out, Csr in, int[] lowerBound) {
        boolean[] pendant = new boolean[n];
        for (int k = 0; k < n; k++) {
            int v = order[k];
            if (out.start[v + 1] - out.start[v] != 1 || (lowerBound != null && lowerBound[v] >= 0)) continue;
            boolean all = true;
            for (int i = in.start[v]; i < in.start[v + 1] && all; i++) all = pendant[in.adj[i]];
            pendant[v] = all;
        }
        for (int k = n - 1; k >= 0; k--) {
            int v = order[k];
            if (pendant[v]) layer[v] = layer[out.adj[out.start[v]]] - 1;
        }
    }

    /** Moves v within the slack of its edges in the direction that shortens the sum of its edge spans. */
    private static boolean shift(int v, int[] layer, Csr out, Csr in, int[] lowerBound, boolean down) {
        if (lowerBound != null && lowerBound[v] >= 0) return false;
        int outDeg = out.start[v + 1] - out.start[v];
        int inDeg = in.start[v + 1] - in.start[v];
        if (down && outDeg > inDeg && outDeg > 0) {
            int minSucc = Integer.MAX_VALUE;
            for (int i = out.start[v]; i < out.start[v + 1]; i++) minSucc = Math.min(minSucc, layer[out.adj[i]]);
            if (minSucc - 1 > layer[v]) { layer[v] = minSucc - 1; return true; }
        } else if (!down && inDeg > outDeg && inDeg > 0) {
            int maxPred = Integer.MIN_VALUE;
            for (int i = in.start[v]; i < in.start[v + 1]; i++) maxPred = Math.max(maxPred, layer[in.adj[i]]);
            if (maxPred + 1 < layer[v]) { layer[v] = maxPred + 1; return true; }
        }
        return false;
    }

    /** Kahn's algorithm with smallest-id-first tie break (a FIFO seeded in id order). */
    static int[] topologicalOrder(int n, Csr out, Csr in) {
        int[] indeg = new int[n];
        for (int v = 0; v < n; v++) indeg[v] = in.start[v + 1] - in.start[v];
        int[] queue = new int[n];
        int tail = 0;
        for (int v = 0; v < n; v++) if (indeg[v] == 0) queue[tail++] = v;
        for (int headIdx = 0; headIdx < tail; headIdx++) {
            int v = queue[headIdx];
            for (int i = out.start[v]; i < out.start[v + 1]; i++) if (--indeg[out.adj[i]] == 0) queue[tail++] = out.adj[i];
        }
        if (tail != n) throw new IllegalStateException("graph still has a cycle after cycle breaking");
        return queue;
    }

    /** Compressed adjacency: neighbours of v are adj[start[v] .. start[v+1]). */
    static final class Csr {
        final int[] start;
        final int[] adj;

        private Csr(int[] start, int[] adj) {
            this.start = start;
            this.adj = adj;
        }

        static Csr of(int n, int[] from, int[] to) {
            int[] start = new int[n + 1];
            for (int f : from) start[f + 1]++;
            for (int i = 0; i < n; i++) start[i + 1] += start[i];
            int[] adj = new int[from.length];
            int[] fill = java.util.Arrays.copyOf(start, n);
            for (int e = 0; e < from.length; e++) adj[fill[from[e]]++] = to[e];
            return new Csr(start, adj);
        }
    }
}
