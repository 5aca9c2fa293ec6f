package org.npustudio.graphview.layout;

/**
 * Positions produced by the layout. Node coordinates are top-left corners; node sizes are the input sizes.
 * Each edge is a polyline from its source's border to its target's border, stored flat as x0,y0,x1,y1,...
 * (already in source-to-target order, also for edges reversed to break cycles).
 */
public final class LayoutResult {
    private final double[] x;
    private final double[] y;
    private final double[] w;
    private final double[] h;
    private final int[] layer;
    private final double[][] edgePoints;
    private final boolean[] reversed;
    private final double width;
    private final double height;
    private final int dummyCount;

    LayoutResult(double[] x, double[] y, double[] w, double[] h, int[] layer, double[][] edgePoints,
                 boolean[] reversed, double width, double height, int dummyCount) {
        this.x = x;
        this.y = y;
        this.w = w;
        this.h = h;
        this.layer = layer;
        this.edgePoints = edgePoints;
        this.reversed = reversed;
        this.width = width;
        this.height = height;
        this.dummyCount = dummyCount;
    }

    public int nodeCount() { return x.length; }

    public int edgeCount() { return edgePoints.length; }

    public double x(int node) { return x[node]; }

    public double y(int node) { return y[node]; }

    public double width(int node) { return w[node]; }

    public double height(int node) { return h[node]; }

    public double centerX(int node) { return x[node] + w[node] / 2; }

    public double centerY(int node) { return y[node] + h[node] / 2; }

    /** Layer index of a node (0 = first layer in flow direction). */
    public int layer(int node) { return layer[node]; }

    /** Polyline of an edge as x0,y0,x1,y1,... (a copy is not made; do not modify). */
    public double[] edgePoints(int edge) { return edgePoints[edge]; }

    /** Whether the edge was reversed to break a cycle, so it runs against the flow direction. */
    public boolean isReversed(int edge) { return reversed[edge]; }

    public int reversedCount() {
        int c = 0;
        for (boolean r : reversed) if (r) c++;
        return c;
    }

    /** Width of the bounding box of the drawing, which starts at (0,0). */
    public double width() { return width; }

    public double height() { return height; }

    /** Number of dummy nodes the long edges were split into (a measure of total edge span). */
    public int dummyCount() { return dummyCount; }
}
