package org.npustudio.graphview.layout.bench;

import org.npustudio.graphview.layout.LayoutMetrics;
import org.npustudio.graphview.layout.LayoutResult;

/** Engine-neutral drawing (node boxes and edge polylines) so both engines are measured by the same code. */
record Drawing(double[] x, double[] y, double[] w, double[] h, double[][] edges) {
    static Drawing of(LayoutResult r) {
        int n = r.nodeCount();
        double[] x = new double[n], y = new double[n], w = new double[n], h = new double[n];
        for (int v = 0; v < n; v++) {
            x[v] = r.x(v);
            y[v] = r.y(v);
            w[v] = r.width(v);
            h[v] = r.height(v);
        }
        double[][] e = new double[r.edgeCount()][];
        for (int i = 0; i < e.length; i++) e[i] = r.edgePoints(i);
        return new Drawing(x, y, w, h, e);
    }

    long crossings() { return LayoutMetrics.crossings(edges); }

    long crossingPoints() { return LayoutMetrics.crossingPoints(edges); }

    double edgeLength() { return LayoutMetrics.totalEdgeLength(edges); }

    double area() { return LayoutMetrics.area(x, y, w, h, edges); }

    long overlaps() { return LayoutMetrics.overlaps(x, y, w, h); }
}
