package org.npustudio.graphview.layout;

import java.util.Arrays;

/**
 * Counts edge crossings between consecutive layers in O(E log V) with a Fenwick tree, after Barth, Jünger and
 * Mutzel: walk the upper layer left to right, and for each edge count the already inserted edges that end
 * strictly right of it in the lower layer.
 */
final class CrossingCounter {
    private long[] tree = new long[16];
    private int[] scratch = new int[16];

    /** Crossings of all edges between layer l and layer l+1 of the current order. */
    long between(ProperGraph g, int l) {
        int[] upper = g.layers[l];
        int lowerSize = g.layers[l + 1].length;
        if (tree.length < lowerSize + 1) tree = new long[Math.max(lowerSize + 1, tree.length * 2)];
        Arrays.fill(tree, 0, lowerSize + 1, 0);
        long crossings = 0;
        long inserted = 0;
        int[] start = g.down.start;
        int[] adj = g.down.adj;
        for (int u : upper) {
            int deg = start[u + 1] - start[u];
            if (deg == 0) continue;
            if (scratch.length < deg) scratch = new int[Math.max(deg, scratch.length * 2)];
            for (int i = 0; i < deg; i++) scratch[i] = g.pos[adj[start[u] + i]];
            if (deg > 1) Arrays.sort(scratch, 0, deg);
            // Count all edges of u against earlier nodes before inserting any of them: u's own edges never cross.
            for (int i = 0; i < deg; i++) crossings += inserted - prefix(scratch[i] + 1);
            for (int i = 0; i < deg; i++) add(scratch[i] + 1, lowerSize);
            inserted += deg;
        }
        return crossings;
    }

    /** Sum of crossings over all consecutive layer pairs. */
    long total(ProperGraph g) {
        long sum = 0;
        for (int l = 0; l + 1 < g.layerCount; l++) sum += between(g, l);
        return sum;
    }

    private long prefix(int i) {
        long s = 0;
        for (; i > 0; i -= i & -i) s += tree[i];
        return s;
    }

    private void add(int i, int n) {
        for (; i <= n; i += i & -i) tree[i]++;
    }
}
