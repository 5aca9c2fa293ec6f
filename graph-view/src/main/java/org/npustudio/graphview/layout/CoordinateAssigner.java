package org.npustudio.graphview.layout;

import java.util.Arrays;

/**
 * Horizontal coordinates after Brandes and Köpf: mark type-1 conflicts (non-inner segments crossing inner
 * dummy-dummy segments), build vertical blocks by median alignment in the four up/down x left/right
 * directions, compact each by a longest path over the block constraint DAG (iterative, unlike the paper's
 * recursive place_block), align the four results to the narrowest and take the average median.
 * Long edges and chains become straight vertical runs. A final least-squares repair guarantees separation.
 */
final class CoordinateAssigner {
    private final ProperGraph g;
    private final LayoutOptions options;
    private final LayoutMonitor monitor;
    private long[] conflicts = new long[0];

    CoordinateAssigner(ProperGraph g, LayoutOptions options, LayoutMonitor monitor) {
        this.g = g;
        this.options = options;
        this.monitor = monitor;
    }

    /** Minimal center distance of two neighbours in a layer. */
    double separation(int a, int b) {
        double gap = g.isDummy(a) || g.isDummy(b) ? options.edgeSpacing() : options.nodeSpacing();
        return (g.width[a] + g.width[b]) / 2 + gap;
    }

    /** Returns node centers along the layer axis' perpendicular, with the leftmost border at 0. */
    double[] assign() {
        sortAdjacencyByPosition(g.up);
        sortAdjacencyByPosition(g.down);
        markConflicts();
        double[][] xs = new double[4][];
        // Right-to-left variants run the left-to-right code on the mirrored order, then mirror the result back.
        for (int k = 0; k < 4; k++) {
            boolean fromTop = k < 2;
            boolean mirrored = (k & 1) == 1;
            if (mirrored) mirrorOrder();
            int[] root = new int[g.size];
            alignVertically(fromTop, true, root);
            xs[k] = compact(root, true);
            if (mirrored) {
                mirrorOrder();
                for (int v = 0; v < g.size; v++) xs[k][v] = -xs[k][v];
            }
            monitor.report(0.2 + 0.2 * k);
        }
        double[] x = balance(xs);
        // The balanced median suffers when two of the four placements drift far (long staircases of blocks);
        // then one of the four itself is better. Judge by the horizontal span of all edge segments.
        double bestSpan = horizontalSpan(x);
        for (int k = 0; k < 4; k++) {
            double span = horizontalSpan(xs[k]);
            if (span < bestSpan) {
                bestSpan = span;
                x = xs[k];
            }
        }
        repairSeparation(x);
        double min = Double.POSITIVE_INFINITY;
        for (int v = 0; v < g.size; v++) min = Math.min(min, x[v] - g.width[v] / 2);
        if (g.size > 0) for (int v = 0; v < g.size; v++) x[v] -= min;
        monitor.report(1);
        return x;
    }

    private void mirrorOrder() {
        for (int l = 0; l < g.layerCount; l++) {
            int[] ord = g.layers[l];
            for (int i = 0, j = ord.length - 1; i < j; i++, j--) {
                int t = ord[i];
                ord[i] = ord[j];
                ord[j] = t;
            }
            g.updatePositions(l);
        }
        sortAdjacencyByPosition(g.up);
        sortAdjacencyByPosition(g.down);
    }

    private void sortAdjacencyByPosition(Layerer.Csr adj) {
        long[] packed = new long[16];
        for (int v = 0; v < g.size; v++) {
            int s = adj.start[v], d = adj.start[v + 1] - s;
            if (d < 2) continue;
            if (packed.length < d) packed = new long[d * 2];
            // Sort neighbour ids by position: pack (pos, id) into longs for a primitive sort.
            for (int i = 0; i < d; i++) packed[i] = ((long) g.pos[adj.adj[s + i]] << 32) | adj.adj[s + i];
            Arrays.sort(packed, 0, d);
            for (int i = 0; i < d; i++) adj.adj[s + i] = (int) packed[i];
        }
    }

    private static long pair(int upper, int lower) { return ((long) upper << 32) | (lower & 0xffffffffL); }

    private boolean isMarked(int upper, int lower) {
        return conflicts.length > 0 && Arrays.binarySearch(conflicts, pair(upper, lower)) >= 0;
    }

    /** Marks segments that cross an inner segment; alignment then never uses them (inner segments win). */
    private void markConflicts() {
        LongList marked = new LongList();
        for (int l = 0; l + 1 < g.layerCount; l++) {
            int[] upper = g.layers[l];
            int[] lower = g.layers[l + 1];
            int k0 = 0;
            int scan = 0;
            for (int l1 = 0; l1 < lower.length; l1++) {
                int v = lower[l1];
                int innerUpper = innerUpperPosition(v);
                if (l1 == lower.length - 1 || innerUpper >= 0) {
                    int k1 = innerUpper >= 0 ? innerUpper : upper.length - 1;
                    for (; scan <= l1; scan++) {
                        int w = lower[scan];
                        for (int i = g.up.start[w]; i < g.up.start[w + 1]; i++) {
                            int u = g.up.adj[i];
                            int k = g.pos[u];
                            if ((k < k0 || k > k1) && !(g.isDummy(u) && g.isDummy(w))) marked.add(pair(u, w));
                        }
                    }
                    k0 = k1;
                }
            }
            if ((l & 255) == 0) monitor.check();
        }
        conflicts = marked.toSortedArray();
    }

    private int innerUpperPosition(int v) {
        if (!g.isDummy(v)) return -1;
        for (int i = g.up.start[v]; i < g.up.start[v + 1]; i++) if (g.isDummy(g.up.adj[i])) return g.pos[g.up.adj[i]];
        return -1;
    }

    private int[] candidate = new int[16];

    /**
     * Neighbours of v (by position) that v may align with. Leaves (a weight input feeding only v, an output fed
     * only by v) are skipped when v has other neighbours: aligning with them would bend the main flow for the
     * sake of one short edge.
     */
    private int candidates(Layerer.Csr adj, int v) {
        int s = adj.start[v], d = adj.start[v + 1] - s;
        if (candidate.length < d) candidate = new int[d * 2];
        int c = 0;
        for (int i = s; i < s + d; i++) {
            int u = adj.adj[i];
            if (!isLeaf(u)) candidate[c++] = u;
        }
        if (c == 0) {
            for (int i = s; i < s + d; i++) candidate[c++] = adj.adj[i];
        }
        return c;
    }

    private boolean isLeaf(int u) {
        return !g.isDummy(u) && (g.up.start[u + 1] - g.up.start[u]) + (g.down.start[u + 1] - g.down.start[u]) == 1;
    }

    /** Median alignment into blocks; root[v] is the top (or bottom) node of v's block. */
    private void alignVertically(boolean fromTop, boolean leftToRight, int[] root) {
        int[] align = new int[g.size];
        for (int v = 0; v < g.size; v++) {
            root[v] = v;
            align[v] = v;
        }
        Layerer.Csr adj = fromTop ? g.up : g.down;
        for (int step = 1; step < g.layerCount; step++) {
            int l = fromTop ? step : g.layerCount - 1 - step;
            int[] ord = g.layers[l];
            int r = leftToRight ? -1 : Integer.MAX_VALUE;
            for (int j = 0; j < ord.length; j++) {
                int v = ord[leftToRight ? j : ord.length - 1 - j];
                int d = candidates(adj, v);
                if (d == 0) continue;
                int lowMedian = (d - 1) / 2, highMedian = d / 2;
                for (int t = 0; t < 2; t++) {
                    int m = (t == 0) == leftToRight ? lowMedian : highMedian;
                    if (t == 1 && lowMedian == highMedian) break;
                    if (align[v] != v) break;
                    int u = candidate[m];
                    int pu = g.pos[u];
                    boolean free = leftToRight ? r < pu : r > pu;
                    boolean marked = fromTop ? isMarked(u, v) : isMarked(v, u);
                    if (free && !marked) {
                        align[u] = v;
                        root[v] = root[u];
                        align[v] = root[v];
                        r = pu;
                    }
                }
            }
            if ((step & 255) == 0) monitor.check();
        }
    }

    /** Leftmost (or, mirrored, rightmost) placement of blocks by a longest path over separation constraints. */
    private double[] compact(int[] root, boolean leftToRight) {
        int n = g.size;
        IntList from = new IntList(n);
        IntList to = new IntList(n);
        DoubleList weight = new DoubleList(n);
        for (int l = 0; l < g.layerCount; l++) {
            int[] ord = g.layers[l];
            for (int i = 1; i < ord.length; i++) {
                int a = leftToRight ? ord[i - 1] : ord[i];
                int b = leftToRight ? ord[i] : ord[i - 1];
                from.add(root[a]);
                to.add(root[b]);
                weight.add(separation(a, b));
            }
        }
        int m = from.size();
        int[] start = new int[n + 1];
        for (int e = 0; e < m; e++) start[from.get(e) + 1]++;
        for (int i = 0; i < n; i++) start[i + 1] += start[i];
        int[] fill = Arrays.copyOf(start, n);
        int[] adjTo = new int[m];
        double[] adjW = new double[m];
        int[] indeg = new int[n];
        for (int e = 0; e < m; e++) {
            int k = fill[from.get(e)]++;
            adjTo[k] = to.get(e);
            adjW[k] = weight.get(e);
            indeg[to.get(e)]++;
        }
        double[] bx = new double[n];
        int[] queue = new int[n];
        int tail = 0, roots = 0;
        for (int v = 0; v < n; v++) {
            if (root[v] != v) continue;
            roots++;
            if (indeg[v] == 0) queue[tail++] = v;
        }
        for (int head = 0; head < tail; head++) {
            int v = queue[head];
            for (int k = start[v]; k < start[v + 1]; k++) {
                int w = adjTo[k];
                if (bx[w] < bx[v] + adjW[k]) bx[w] = bx[v] + adjW[k];
                if (--indeg[w] == 0) queue[tail++] = w;
            }
        }
        if (tail != roots) throw new IllegalStateException("block constraints are cyclic");
        pullTowardsNeighbours(root, queue, tail, start, adjTo, adjW, bx);
        double[] x = new double[n];
        for (int v = 0; v < n; v++) x[v] = leftToRight ? bx[root[v]] : -bx[root[v]];
        return x;
    }

    /** Sum of horizontal offsets over all segments: zero when every edge runs straight down. */
    private double horizontalSpan(double[] x) {
        double sum = 0;
        for (int v = 0; v < g.size; v++) for (int i = g.down.start[v]; i < g.down.start[v + 1]; i++) sum += Math.abs(x[v] - x[g.down.adj[i]]);
        return sum;
    }

    /**
     * The longest path puts every block as far left as it can go, which strands blocks that are only held by
     * constraints far away (e.g. a weight input drifting from its consumer; the paper's class shifts address
     * the same problem). Walking blocks right-to-left in constraint order, each block moves right towards the
     * median of its outside neighbours, never past its right-hand constraints, so separation stays intact.
     */
    private void pullTowardsNeighbours(int[] root, int[] order, int count, int[] start, int[] adjTo, double[] adjW, double[] bx) {
        int n = g.size;
        int[] memberStart = new int[n + 1];
        for (int v = 0; v < n; v++) memberStart[root[v] + 1]++;
        for (int i = 0; i < n; i++) memberStart[i + 1] += memberStart[i];
        int[] fill = Arrays.copyOf(memberStart, n);
        int[] members = new int[n];
        for (int v = 0; v < n; v++) members[fill[root[v]]++] = v;
        double[] around = new double[16];
        for (int k = count - 1; k >= 0; k--) {
            int b = order[k];
            double limit = Double.POSITIVE_INFINITY;
            for (int i = start[b]; i < start[b + 1]; i++) limit = Math.min(limit, bx[adjTo[i]] - adjW[i]);
            if (limit <= bx[b]) continue;
            int m = 0;
            for (int i = memberStart[b]; i < memberStart[b + 1]; i++) {
                int v = members[i];
                for (int pass = 0; pass < 2; pass++) {
                    Layerer.Csr adj = pass == 0 ? g.up : g.down;
                    for (int j = adj.start[v]; j < adj.start[v + 1]; j++) {
                        int u = adj.adj[j];
                        if (root[u] == b) continue;
                        if (m == around.length) around = Arrays.copyOf(around, m * 2);
                        around[m++] = bx[root[u]];
                    }
                }
            }
            if (m == 0) continue;
            Arrays.sort(around, 0, m);
            double target = m % 2 == 1 ? around[m / 2] : (around[m / 2 - 1] + around[m / 2]) / 2;
            if (target > bx[b]) bx[b] = Math.min(target, limit);
        }
    }

    /** Aligns the four placements to the narrowest one and takes the mean of the two median candidates. */
    private double[] balance(double[][] xs) {
        double[] min = new double[4], max = new double[4];
        int narrowest = 0;
        for (int k = 0; k < 4; k++) {
            min[k] = Double.POSITIVE_INFINITY;
            max[k] = Double.NEGATIVE_INFINITY;
            for (int v = 0; v < g.size; v++) {
                min[k] = Math.min(min[k], xs[k][v] - g.width[v] / 2);
                max[k] = Math.max(max[k], xs[k][v] + g.width[v] / 2);
            }
            if (max[k] - min[k] < max[narrowest] - min[narrowest]) narrowest = k;
        }
        for (int k = 0; k < 4; k++) {
            boolean leftToRight = (k & 1) == 0;
            double shift = leftToRight ? min[narrowest] - min[k] : max[narrowest] - max[k];
            for (int v = 0; v < g.size; v++) xs[k][v] += shift;
        }
        double[] x = new double[g.size];
        double[] c = new double[4];
        for (int v = 0; v < g.size; v++) {
            for (int k = 0; k < 4; k++) c[k] = xs[k][v];
            Arrays.sort(c);
            x[v] = (c[1] + c[2]) / 2;
        }
        return x;
    }

    /** The balanced average can violate separation in rare cases; fix such layers with minimal movement. */
    void repairSeparation(double[] x) {
        SeparationResolver resolver = new SeparationResolver();
        double[] desired = new double[16];
        double[] sep = new double[16];
        for (int l = 0; l < g.layerCount; l++) {
            int[] ord = g.layers[l];
            boolean ok = true;
            for (int i = 1; i < ord.length && ok; i++) ok = x[ord[i]] - x[ord[i - 1]] >= separation(ord[i - 1], ord[i]) - 1e-9;
            if (ok) continue;
            if (desired.length < ord.length) {
                desired = new double[ord.length * 2];
                sep = new double[ord.length * 2];
            }
            for (int i = 0; i < ord.length; i++) {
                desired[i] = x[ord[i]];
                if (i > 0) sep[i] = separation(ord[i - 1], ord[i]);
            }
            resolver.resolve(desired, sep, ord.length);
            for (int i = 0; i < ord.length; i++) x[ord[i]] = desired[i];
        }
    }
}
