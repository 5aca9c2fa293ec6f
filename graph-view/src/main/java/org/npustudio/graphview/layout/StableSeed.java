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
    private final LayoutGraph graph;

    StableSeed(LayoutGraph graph, PreviousLayout previous, Direction direction) {
        this.previous = previous;
        this.horizontal = direction.isHorizontal();
        this.graph = graph;
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
    double[] desiredAcross(ProperGraph g, int[] acyclicSrc, int[] acyclicDst, int[] inputEdgeOf) {
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
        reusePreviousRoutes(g, x, inputEdgeOf);
        return x;
    }

    /**
     * Dummies of an edge that existed before sit where the old route crossed their layer (the layer's previous
     * position is the mean of its matched nodes), so unchanged long edges keep their course.
     */
    private void reusePreviousRoutes(ProperGraph g, double[] x, int[] inputEdgeOf) {
        double[] layerAlong = new double[g.layerCount];
        int[] count = new int[g.layerCount];
        for (int v = 0; v < g.realCount; v++) {
            double p = previousAlong(v);
            if (Double.isNaN(p)) continue;
            layerAlong[g.layer[v]] += p;
            count[g.layer[v]]++;
        }
        for (int l = 0; l < g.layerCount; l++) layerAlong[l] = count[l] == 0 ? Double.NaN : layerAlong[l] / count[l];
        LayoutGraph pg = previous.graph();
        Map<String, Integer> previousEdge = new HashMap<>();
        for (int e = 0; e < pg.edgeCount(); e++) previousEdge.putIfAbsent(pg.key(pg.source(e)) + "\u0000" + pg.key(pg.target(e)), e);
        for (int k = 0; k < inputEdgeOf.length; k++) {
            if (g.chainLength[k] == 0) continue;
            int e = inputEdgeOf[k];
            Integer pe = previousEdge.get(graph.key(graph.source(e)) + "\u0000" + graph.key(graph.target(e)));
            if (pe == null) continue;
            double[] route = previous.result().edgePoints(pe);
            for (int c = g.chainOffset[k]; c < g.chainOffset[k] + g.chainLength[k]; c++) {
                int d = g.chain[c];
                double along = layerAlong[g.layer[d]];
                if (Double.isNaN(along)) continue;
                double across = sampleAcross(route, along);
                if (!Double.isNaN(across)) x[d] = across;
            }
        }
    }

    /** Position across the flow where a polyline passes the given position along the flow, or NaN. */
    private double sampleAcross(double[] p, double along) {
        int a = horizontal ? 0 : 1, c = horizontal ? 1 : 0;
        for (int i = 0; i + 3 < p.length; i += 2) {
            double s0 = p[i + a], s1 = p[i + 2 + a];
            if ((s0 - along) * (s1 - along) <= 0 && s0 != s1) {
                double t = (along - s0) / (s1 - s0);
                return p[i + c] + t * (p[i + 2 + c] - p[i + c]);
            }
        }
        return Double.NaN;
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
