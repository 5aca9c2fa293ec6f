package org.npustudio.graphview.layout;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Orders the nodes inside each layer to reduce edge crossings: a depth-first initial order, alternating
 * barycenter sweeps (keeping the best order seen), then adjacent-pair transposition, which only ever lowers the
 * count. All work is bounded by {@link LayoutOptions#crossingWorkLimit()} in edge visits.
 */
final class CrossingMinimizer {
    private final ProperGraph g;
    private final LayoutOptions options;
    private final LayoutMonitor monitor;
    private final CrossingCounter counter = new CrossingCounter();
    private final IntSort sorter = new IntSort();
    private final double[] key;
    private int[] scratchA = new int[16];
    private int[] scratchB = new int[16];
    private long work;

    CrossingMinimizer(ProperGraph g, LayoutOptions options, LayoutMonitor monitor) {
        this.g = g;
        this.options = options;
        this.monitor = monitor;
        this.key = new double[g.size];
    }

    /** Depth-first visiting order from the sources in id order: subtrees stay together, side by side. */
    static int[] depthFirstSequence(ProperGraph g) { return depthFirstSequence(g, false); }

    /** @param lastChildFirst visit successors in reverse edge order (an alternative start for restarts) */
    static int[] depthFirstSequence(ProperGraph g, boolean lastChildFirst) {
        int[] seq = new int[g.size];
        int count = 0;
        boolean[] seen = new boolean[g.size];
        int[] stackNode = new int[g.size];
        int[] stackEdge = new int[g.size];
        for (int pass = 0; pass < 2; pass++) {
            for (int root = 0; root < g.size; root++) {
                if (seen[root]) continue;
                boolean isSource = g.up.start[root + 1] == g.up.start[root];
                if (pass == 0 && !isSource) continue;
                int top = 0;
                stackNode[0] = root;
                stackEdge[0] = g.down.start[root];
                seen[root] = true;
                seq[count++] = root;
                while (top >= 0) {
                    int v = stackNode[top];
                    if (stackEdge[top] == g.down.start[v + 1]) {
                        top--;
                        continue;
                    }
                    int k = stackEdge[top]++;
                    int w = g.down.adj[lastChildFirst ? g.down.start[v + 1] - 1 - (k - g.down.start[v]) : k];
                    if (seen[w]) continue;
                    seen[w] = true;
                    seq[count++] = w;
                    top++;
                    stackNode[top] = w;
                    stackEdge[top] = g.down.start[w];
                }
            }
        }
        return seq;
    }

    /**
     * Runs sweeps and transposition from several initial orders (the one already set, the depth-first order with
     * children reversed, then seeded shuffles) while the work budget allows; keeps the best. Returns its count.
     */
    long minimize() {
        int[][] initial = copyOrder();
        long best = Long.MAX_VALUE;
        int[][] bestOrder = initial;
        long perAttempt = 0;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            if (attempt > 0) {
                if (work + perAttempt > options.crossingWorkLimit()) break;
                seedOrder(attempt, initial);
            }
            long before = work;
            long c = sweepAndTranspose();
            perAttempt = Math.max(perAttempt, work - before);
            if (c < best) {
                best = c;
                bestOrder = copyOrder();
            }
            monitor.report((attempt + 1.0) / MAX_ATTEMPTS);
            if (best == 0) break;
        }
        restore(bestOrder);
        monitor.report(1);
        return best;
    }

    private static final int MAX_ATTEMPTS = 8;
    private static final int STALE_LIMIT = 3;

    private void seedOrder(int attempt, int[][] initial) {
        if (attempt == 1) {
            g.setOrderFromSequence(depthFirstSequence(g, true));
            return;
        }
        SplittableRandom rnd = new SplittableRandom(attempt * 0x9E3779B97F4A7C15L);
        for (int l = 0; l < g.layerCount; l++) {
            int[] ord = g.layers[l];
            System.arraycopy(initial[l], 0, ord, 0, ord.length);
            for (int i = ord.length - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = ord[i];
                ord[i] = ord[j];
                ord[j] = t;
            }
            g.updatePositions(l);
        }
    }

    private long sweepAndTranspose() {
        long edgeVisits = Math.max(1, g.down.adj.length);
        long best = counter.total(g);
        work += edgeVisits;
        int[][] bestOrder = copyOrder();
        int stale = 0;
        for (int it = 0; it < options.crossingSweeps() && best > 0; it++) {
            if (work + 3 * edgeVisits > options.crossingWorkLimit()) break;
            for (int l = 1; l < g.layerCount; l++) reorder(l, g.up, g.layers[l - 1].length);
            for (int l = g.layerCount - 2; l >= 0; l--) reorder(l, g.down, g.layers[l + 1].length);
            long c = counter.total(g);
            work += 3 * edgeVisits;
            if (c < best) {
                best = c;
                bestOrder = copyOrder();
                stale = 0;
            } else if (++stale >= STALE_LIMIT) {
                break;
            }
        }
        restore(bestOrder);
        if (best > 0) best -= transpose();
        return best;
    }

    /** Sorts layer l by the barycenter of each node's neighbours in the adjacent layer; isolated nodes stay put. */
    private void reorder(int l, Layerer.Csr adj, int otherSize) {
        int[] ord = g.layers[l];
        double own = ord.length;
        for (int v : ord) {
            int s = adj.start[v], e = adj.start[v + 1];
            if (s == e) {
                key[v] = (g.pos[v] + 0.5) / own;
            } else {
                long sum = 0;
                for (int i = s; i < e; i++) sum += g.pos[adj.adj[i]];
                key[v] = ((double) sum / (e - s) + 0.5) / otherSize;
            }
        }
        sorter.sortByKey(ord, ord.length, key);
        g.updatePositions(l);
        if ((l & 63) == 0) monitor.check();
    }

    /** Swaps neighbours while that removes crossings; returns how many crossings were removed. */
    private long transpose() {
        long removed = 0;
        boolean improved = true;
        for (int pass = 0; pass < 32 && improved; pass++) {
            improved = false;
            for (int l = 0; l < g.layerCount; l++) {
                if (work > options.crossingWorkLimit()) return removed;
                int[] ord = g.layers[l];
                for (int i = 0; i + 1 < ord.length; i++) {
                    int u = ord[i], v = ord[i + 1];
                    long keep = pairCrossings(u, v, g.up) + pairCrossings(u, v, g.down);
                    if (keep == 0) continue;
                    long swapped = pairCrossings(v, u, g.up) + pairCrossings(v, u, g.down);
                    if (swapped < keep) {
                        ord[i] = v;
                        ord[i + 1] = u;
                        g.pos[v] = i;
                        g.pos[u] = i + 1;
                        removed += keep - swapped;
                        improved = true;
                    }
                }
                if ((l & 63) == 0) monitor.check();
            }
        }
        return removed;
    }

    /** Crossings among edges of u and v to one adjacent layer when u is left of v. */
    private long pairCrossings(int u, int v, Layerer.Csr adj) {
        int su = adj.start[u], du = adj.start[u + 1] - su;
        int sv = adj.start[v], dv = adj.start[v + 1] - sv;
        if (du == 0 || dv == 0) return 0;
        work += du + dv;
        if (du == 1 && dv == 1) return g.pos[adj.adj[su]] > g.pos[adj.adj[sv]] ? 1 : 0;
        if (scratchA.length < du) scratchA = new int[du * 2];
        if (scratchB.length < dv) scratchB = new int[dv * 2];
        for (int i = 0; i < du; i++) scratchA[i] = g.pos[adj.adj[su + i]];
        for (int i = 0; i < dv; i++) scratchB[i] = g.pos[adj.adj[sv + i]];
        Arrays.sort(scratchA, 0, du);
        Arrays.sort(scratchB, 0, dv);
        long c = 0;
        int j = 0;
        for (int i = 0; i < du; i++) {
            while (j < dv && scratchB[j] < scratchA[i]) j++;
            c += j;
        }
        return c;
    }

    private int[][] copyOrder() {
        int[][] copy = new int[g.layerCount][];
        for (int l = 0; l < g.layerCount; l++) copy[l] = g.layers[l].clone();
        return copy;
    }

    private void restore(int[][] order) {
        for (int l = 0; l < g.layerCount; l++) {
            System.arraycopy(order[l], 0, g.layers[l], 0, order[l].length);
            g.updatePositions(l);
        }
    }
}
