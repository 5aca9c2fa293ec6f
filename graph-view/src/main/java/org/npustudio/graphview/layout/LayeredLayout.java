package org.npustudio.graphview.layout;

import java.util.Arrays;

/**
 * Sugiyama-style layered layout: cycle breaking, layering, dummy nodes for long edges, crossing reduction,
 * Brandes–Köpf coordinates and polyline routing. Everything is iterative (safe at the default thread stack
 * for any size), deterministic (no hash iteration, no randomness), cancellable and reports progress.
 * Internally the flow runs top to bottom; left-to-right drawings swap the axes at the end.
 */
public final class LayeredLayout {
    private LayeredLayout() {}

    public static LayoutResult layout(LayoutGraph graph, LayoutOptions options) {
        return layout(graph, options, LayoutMonitor.none(), null);
    }

    /**
     * @param previous the layout of an earlier version of this graph (matched by node key) to stay close to,
     *                 or null for a fresh layout
     */
    public static LayoutResult layout(LayoutGraph graph, LayoutOptions options, LayoutMonitor monitor, PreviousLayout previous) {
        int n = graph.nodeCount();
        int m = graph.edgeCount();
        boolean horizontal = options.direction().isHorizontal();
        double[] across = new double[n];
        double[] along = new double[n];
        for (int v = 0; v < n; v++) {
            across[v] = horizontal ? graph.height(v) : graph.width(v);
            along[v] = horizontal ? graph.width(v) : graph.height(v);
        }
        int[] src = new int[m];
        int[] dst = new int[m];
        for (int e = 0; e < m; e++) {
            src[e] = graph.source(e);
            dst[e] = graph.target(e);
        }
        StableSeed seed = previous != null && graph.hasKeys() ? new StableSeed(graph, previous, options.direction()) : null;

        monitor.begin("cycle breaking");
        boolean[] reversed = CycleBreaker.reversedEdges(n, src, dst, monitor);
        // Acyclic edge list without self-loops; acyclicOf[e] maps input edges to it (-1 for self-loops).
        int[] acyclicOf = new int[m];
        int kept = 0;
        for (int e = 0; e < m; e++) acyclicOf[e] = src[e] == dst[e] ? -1 : kept++;
        int[] as = new int[kept];
        int[] at = new int[kept];
        int[] bundle = new int[kept];
        int[] inputEdgeOf = new int[kept];
        for (int e = 0; e < m; e++) {
            int k = acyclicOf[e];
            if (k < 0) continue;
            as[k] = reversed[e] ? dst[e] : src[e];
            at[k] = reversed[e] ? src[e] : dst[e];
            inputEdgeOf[k] = e;
            // Reversed edges never share a trunk with forward ones: they belong to a different value.
            bundle[k] = reversed[e] ? 0x10000 + graph.bundle(e) : graph.bundle(e);
        }

        monitor.begin("layering");
        int[] layer = Layerer.assign(n, as, at, seed == null ? null : seed.layerLowerBounds(), monitor);
        if (graph.hasPins()) applyPins(graph, layer, as, at);

        monitor.begin("crossing reduction");
        ProperGraph g = ProperGraph.build(n, across, along, as, at, bundle, layer, 0);
        double[] desired = null;
        if (seed == null) {
            g.setOrderFromSequence(CrossingMinimizer.depthFirstSequence(g));
            new CrossingMinimizer(g, options, monitor).minimize();
        } else {
            g.setOrderFromSequence(CrossingMinimizer.depthFirstSequence(g));
            desired = seed.desiredAcross(g, as, at, inputEdgeOf);
            orderByDesired(g, desired);
        }

        monitor.begin("coordinate assignment");
        CoordinateAssigner assigner = new CoordinateAssigner(g, options, monitor);
        double[] cx = seed == null ? assigner.assign() : placeNearDesired(g, assigner, desired);
        double[] layerHeight = new double[g.layerCount];
        for (int v = 0; v < n; v++) layerHeight[layer[v]] = Math.max(layerHeight[layer[v]], along[v]);
        double[] layerTop = seed == null ? packLayers(layerHeight, options, graph.hasPins()) : stableLayers(g, seed, layerHeight, options, graph.hasPins());
        double[] cy = new double[g.size];
        for (int v = 0; v < g.size; v++) cy[v] = layerTop[g.layer[v]] + layerHeight[g.layer[v]] / 2;

        monitor.begin("edge routing");
        double[][] points = new double[m][];
        EdgeRouter router = new EdgeRouter(g, cx, cy, layerTop, layerHeight);
        for (int e = 0; e < m; e++) {
            if ((e & 4095) == 0) monitor.report(e / (double) Math.max(1, m));
            int k = acyclicOf[e];
            if (k < 0) {
                points[e] = EdgeRouter.selfLoop(cx[src[e]], cy[src[e]], across[src[e]], along[src[e]], options.edgeSpacing() * 2);
                continue;
            }
            points[e] = router.route(k, as[k], at[k]);
            if (reversed[e]) EdgeRouter.reversePoints(points[e]);
        }
        monitor.report(1);
        return assemble(graph, horizontal, cx, cy, across, along, layer, points, reversed, g.size - n);
    }

    /** Pinned sources move to the first layer, pinned sinks to the last (one more if a predecessor is there). */
    private static void applyPins(LayoutGraph graph, int[] layer, int[] as, int[] at) {
        int last = 0;
        for (int v = 0; v < layer.length; v++) if (graph.pin(v) != LayoutGraph.Pin.LAST) last = Math.max(last, layer[v]);
        for (int e = 0; e < as.length; e++) if (graph.pin(at[e]) == LayoutGraph.Pin.LAST && layer[as[e]] >= last) last = layer[as[e]] + 1;
        for (int v = 0; v < layer.length; v++) {
            if (graph.pin(v) == LayoutGraph.Pin.FIRST) layer[v] = 0;
            else if (graph.pin(v) == LayoutGraph.Pin.LAST) layer[v] = last;
        }
    }

    /** Stable mode: each layer sorted by the desired position (ties by the depth-first order). */
    private static void orderByDesired(ProperGraph g, double[] desired) {
        IntSort sorter = new IntSort();
        for (int l = 0; l < g.layerCount; l++) {
            sorter.sortByKey(g.layers[l], g.layers[l].length, desired);
            g.updatePositions(l);
        }
    }

    /** Stable mode: desired positions, moved only as much as separation needs. */
    private static double[] placeNearDesired(ProperGraph g, CoordinateAssigner assigner, double[] desired) {
        double[] x = desired.clone();
        assigner.repairSeparation(x);
        double min = 0;
        for (int v = 0; v < g.size; v++) min = Math.min(min, x[v] - g.width[v] / 2);
        if (min < 0) for (int v = 0; v < g.size; v++) x[v] -= min;
        return x;
    }

    /**
     * Layer tops packed from 0 with the layer spacing between consecutive layers; next to a layer of pinned
     * zero-size nodes (a group's border ports) half of it, so groups do not grow much for their ports.
     */
    private static double[] packLayers(double[] layerHeight, LayoutOptions options, boolean pins) {
        double[] top = new double[layerHeight.length];
        for (int l = 1; l < top.length; l++) {
            boolean thin = pins && (layerHeight[l - 1] == 0 || layerHeight[l] == 0);
            top[l] = top[l - 1] + layerHeight[l - 1] + options.layerSpacing() * (thin ? 0.5 : 1);
        }
        return top;
    }

    /** Stable mode: each layer at its matched nodes' previous mean position, pushed down only to keep spacing. */
    private static double[] stableLayers(ProperGraph g, StableSeed seed, double[] layerHeight, LayoutOptions options, boolean pins) {
        int L = g.layerCount;
        double[] sum = new double[L];
        int[] count = new int[L];
        for (int v = 0; v < g.realCount; v++) {
            double p = seed.previousAlong(v);
            if (Double.isNaN(p)) continue;
            sum[g.layer[v]] += p;
            count[g.layer[v]]++;
        }
        double[] top = new double[L];
        for (int l = 0; l < L; l++) {
            // The same spacing as packLayers, so an unchanged graph lands exactly where it was.
            boolean thin = l > 0 && pins && (layerHeight[l - 1] == 0 || layerHeight[l] == 0);
            double min = l == 0 ? 0 : top[l - 1] + layerHeight[l - 1] + options.layerSpacing() * (thin ? 0.5 : 1);
            double want = count[l] > 0 ? sum[l] / count[l] - layerHeight[l] / 2 : min;
            top[l] = Math.max(min, want);
        }
        return top;
    }

    private static LayoutResult assemble(LayoutGraph graph, boolean horizontal, double[] cx, double[] cy, double[] across,
                                         double[] along, int[] layer, double[][] points, boolean[] reversed, int dummies) {
        int n = graph.nodeCount();
        double[] x = new double[n], y = new double[n], w = new double[n], h = new double[n];
        double maxX = 0, maxY = 0;
        for (int v = 0; v < n; v++) {
            w[v] = graph.width(v);
            h[v] = graph.height(v);
            double centerX = horizontal ? cy[v] : cx[v];
            double centerY = horizontal ? cx[v] : cy[v];
            x[v] = centerX - w[v] / 2;
            y[v] = centerY - h[v] / 2;
            maxX = Math.max(maxX, x[v] + w[v]);
            maxY = Math.max(maxY, y[v] + h[v]);
        }
        for (double[] p : points) {
            if (horizontal) swapAxes(p);
            for (int i = 0; i < p.length; i += 2) {
                maxX = Math.max(maxX, p[i]);
                maxY = Math.max(maxY, p[i + 1]);
            }
        }
        return new LayoutResult(x, y, w, h, Arrays.copyOf(layer, n), points, reversed, maxX, maxY, dummies);
    }

    private static void swapAxes(double[] p) {
        for (int i = 0; i < p.length; i += 2) {
            double t = p[i];
            p[i] = p[i + 1];
            p[i + 1] = t;
        }
    }
}
