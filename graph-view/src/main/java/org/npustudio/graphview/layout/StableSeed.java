package org.npustudio.graphview.layout;

import java.util.HashMap;
import java.util.Map;

/**
 * What stable re-layout takes from the previous result: nodes matched by key keep their layer (as a lower
 * bound, so edges still point down), their position across the layer and their layer's position along the
 * flow. Unmatched nodes and dummies get positions interpolated from their neighbours.
 */
final class StableSeed {
    final int[] previousIndex;
    private final PreviousLayout previous;
    private final boolean horizontal;

    StableSeed(LayoutGraph graph, PreviousLayout previous, Direction direction) {
        this.previous = previous;
        this.horizontal = direction.isHorizontal();
        Map<String, Integer> byKey = new HashMap<>();
        LayoutGraph pg = previous.graph();
        for (int i = 0; i < pg.nodeCount(); i++) byKey.putIfAbsent(pg.key(i), i);
        previousIndex = new int[graph.nodeCount()];
        for (int v = 0; v < graph.nodeCount(); v++) {
            Integer p = graph.key(v) == null ? null : byKey.get(graph.key(v));
            previousIndex[v] = p == null ? -1 : p;
        }
    }

    int[] layerLowerBounds() {
        int[] lb = new int[previousIndex.length];
        for (int v = 0; v < lb.length; v++) lb[v] = previousIndex[v] < 0 ? -1 : previous.result().layer(previousIndex[v]);
        return lb;
    }

    /** Previous center across the layers (internal x), or NaN for new nodes. */
    double previousAcross(int v) {
        int p = previousIndex[v];
        if (p < 0) return Double.NaN;
        return horizontal ? previous.result().centerY(p) : previous.result().centerX(p);
    }

    /** Previous center along the flow (internal y), or NaN for new nodes. */
    double previousAlong(int v) {
        int p = previousIndex[v];
        if (p < 0) return Double.NaN;
        return horizontal ? previous.result().centerX(p) : previous.result().centerY(p);
    }

    /** Desired internal x of every proper-graph node: previous for matched, neighbour mean or interpolation else. */
    double[] desiredAcross(ProperGraph g, int[] acyclicSrc, int[] acyclicDst) {
        double[] x = new double[g.size];
        java.util.Arrays.fill(x, Double.NaN);
        for (int v = 0; v < g.realCount; v++) x[v] = previousAcross(v);
        Layerer.Csr preds = Layerer.Csr.of(g.realCount, acyclicDst, acyclicSrc);
        Layerer.Csr succs = Layerer.Csr.of(g.realCount, acyclicSrc, acyclicDst);
        // New real nodes: mean of known real neighbours, first from above, then from below, then 0.
        for (int pass = 0; pass < 2; pass++) {
            for (int step = 0; step < g.layerCount; step++) {
                int l = pass == 0 ? step : g.layerCount - 1 - step;
                for (int v : g.layers[l]) {
                    if (v >= g.realCount || !Double.isNaN(x[v])) continue;
                    x[v] = knownMean(pass == 0 ? preds : succs, v, x);
                }
            }
        }
        for (int v = 0; v < g.realCount; v++) if (Double.isNaN(x[v])) x[v] = 0;
        for (int e = 0; e < acyclicSrc.length; e++) {
            // Shared trunks are written by each edge; the edges are visited in order, so the result is deterministic.
            int k0 = g.chainOffset[e], k1 = k0 + g.chainLength[e];
            double a = x[acyclicSrc[e]], b = x[acyclicDst[e]];
            for (int k = k0; k < k1; k++) x[g.chain[k]] = a + (b - a) * (k - k0 + 1) / (k1 - k0 + 1);
        }
        return x;
    }

    private static double knownMean(Layerer.Csr adj, int v, double[] x) {
        double sum = 0;
        int count = 0;
        for (int i = adj.start[v]; i < adj.start[v + 1]; i++) {
            double o = x[adj.adj[i]];
            if (!Double.isNaN(o)) {
                sum += o;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
