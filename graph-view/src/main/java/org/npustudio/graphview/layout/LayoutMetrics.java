package org.npustudio.graphview.layout;

/**
 * Quality measures of a drawing, computed from geometry only so they apply equally to our layouts and to
 * those of other engines (the benchmark compares with ELK this way).
 */
public final class LayoutMetrics {
    private static final double EPS = 1e-7;

    private LayoutMetrics() {}

    /** Proper crossings between polyline segments of different edges (touching or collinear overlap is not counted). */
    public static long crossings(double[][] edges) { return count(edges, false); }

    /**
     * Distinct points where edges cross (rounded to 1/100 px): what a reader sees. Edges drawn along a shared
     * route (one value feeding several consumers) cross another edge at one point, not once per consumer.
     */
    public static long crossingPoints(double[][] edges) { return count(edges, true); }

    private static long count(double[][] edges, boolean distinctPoints) {
        int segments = 0;
        for (double[] p : edges) segments += Math.max(0, p.length / 2 - 1);
        double[] ax = new double[segments], ay = new double[segments], bx = new double[segments], by = new double[segments];
        int[] owner = new int[segments];
        int s = 0;
        for (int e = 0; e < edges.length; e++) {
            double[] p = edges[e];
            for (int i = 0; i + 3 < p.length; i += 2) {
                ax[s] = p[i];
                ay[s] = p[i + 1];
                bx[s] = p[i + 2];
                by[s] = p[i + 3];
                owner[s++] = e;
            }
        }
        double[] minX = new double[segments], minY = new double[segments], maxX = new double[segments], maxY = new double[segments];
        for (int i = 0; i < segments; i++) {
            minX[i] = Math.min(ax[i], bx[i]);
            maxX[i] = Math.max(ax[i], bx[i]);
            minY[i] = Math.min(ay[i], by[i]);
            maxY[i] = Math.max(ay[i], by[i]);
        }
        long[] count = new long[1];
        LongList points = new LongList();
        SpatialGrid.forPairs(minX, minY, maxX, maxY).forEachOverlappingPair((a, b) -> {
            if (owner[a] == owner[b] || !properlyCross(ax[a], ay[a], bx[a], by[a], ax[b], ay[b], bx[b], by[b])) return;
            count[0]++;
            if (distinctPoints) {
                double d = (bx[a] - ax[a]) * (by[b] - ay[b]) - (by[a] - ay[a]) * (bx[b] - ax[b]);
                double t = ((ax[b] - ax[a]) * (by[b] - ay[b]) - (ay[b] - ay[a]) * (bx[b] - ax[b])) / d;
                long px = Math.round((ax[a] + t * (bx[a] - ax[a])) * 100), py = Math.round((ay[a] + t * (by[a] - ay[a])) * 100);
                points.add(px * 0x9E3779B97F4A7C15L ^ py);
            }
        });
        if (!distinctPoints) return count[0];
        long[] sorted = points.toSortedArray();
        long distinct = 0;
        for (int i = 0; i < sorted.length; i++) if (i == 0 || sorted[i] != sorted[i - 1]) distinct++;
        return distinct;
    }

    public static long crossings(LayoutResult r) { return crossings(allEdges(r)); }

    public static long crossingPoints(LayoutResult r) { return crossingPoints(allEdges(r)); }

    static boolean properlyCross(double x1, double y1, double x2, double y2, double x3, double y3, double x4, double y4) {
        double d1 = orient(x3, y3, x4, y4, x1, y1), d2 = orient(x3, y3, x4, y4, x2, y2);
        double d3 = orient(x1, y1, x2, y2, x3, y3), d4 = orient(x1, y1, x2, y2, x4, y4);
        return ((d1 > EPS && d2 < -EPS) || (d1 < -EPS && d2 > EPS)) && ((d3 > EPS && d4 < -EPS) || (d3 < -EPS && d4 > EPS));
    }

    /** Twice the signed area of triangle (a, b, c), normalised by |ab| so EPS is a distance. */
    private static double orient(double ax, double ay, double bx, double by, double cx, double cy) {
        double len = Math.hypot(bx - ax, by - ay);
        return len == 0 ? 0 : ((bx - ax) * (cy - ay) - (by - ay) * (cx - ax)) / len;
    }

    /** Sum of the Euclidean lengths of all edge polylines. */
    public static double totalEdgeLength(double[][] edges) {
        double sum = 0;
        for (double[] p : edges) for (int i = 0; i + 3 < p.length; i += 2) sum += Math.hypot(p[i + 2] - p[i], p[i + 3] - p[i + 1]);
        return sum;
    }

    public static double totalEdgeLength(LayoutResult r) { return totalEdgeLength(allEdges(r)); }

    /** Area of the bounding box of all nodes and edge points. */
    public static double area(double[] x, double[] y, double[] w, double[] h, double[][] edges) {
        double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < x.length; v++) {
            x0 = Math.min(x0, x[v]);
            y0 = Math.min(y0, y[v]);
            x1 = Math.max(x1, x[v] + w[v]);
            y1 = Math.max(y1, y[v] + h[v]);
        }
        for (double[] p : edges) {
            for (int i = 0; i + 1 < p.length; i += 2) {
                x0 = Math.min(x0, p[i]);
                x1 = Math.max(x1, p[i]);
                y0 = Math.min(y0, p[i + 1]);
                y1 = Math.max(y1, p[i + 1]);
            }
        }
        return x.length == 0 ? 0 : (x1 - x0) * (y1 - y0);
    }

    public static double area(LayoutResult r) {
        Boxes b = boxes(r);
        return area(b.x, b.y, b.w, b.h, allEdges(r));
    }

    /** Pairs of nodes whose boxes overlap by more than a rounding tolerance (touching is fine). */
    public static long overlaps(double[] x, double[] y, double[] w, double[] h) {
        int n = x.length;
        double[] minX = new double[n], minY = new double[n], maxX = new double[n], maxY = new double[n];
        for (int v = 0; v < n; v++) {
            // Shrink by a tolerance so boxes that merely touch are not candidates.
            minX[v] = x[v] + 1e-6;
            minY[v] = y[v] + 1e-6;
            maxX[v] = Math.max(minX[v], x[v] + w[v] - 1e-6);
            maxY[v] = Math.max(minY[v], y[v] + h[v] - 1e-6);
        }
        long[] count = new long[1];
        SpatialGrid.forPairs(minX, minY, maxX, maxY).forEachOverlappingPair((a, b) -> count[0]++);
        return count[0];
    }

    public static long overlaps(LayoutResult r) {
        Boxes b = boxes(r);
        return overlaps(b.x, b.y, b.w, b.h);
    }

    static double[][] allEdges(LayoutResult r) {
        double[][] e = new double[r.edgeCount()][];
        for (int i = 0; i < e.length; i++) e[i] = r.edgePoints(i);
        return e;
    }

    private record Boxes(double[] x, double[] y, double[] w, double[] h) {}

    private static Boxes boxes(LayoutResult r) {
        int n = r.nodeCount();
        double[] x = new double[n], y = new double[n], w = new double[n], h = new double[n];
        for (int v = 0; v < n; v++) {
            x[v] = r.x(v);
            y[v] = r.y(v);
            w[v] = r.width(v);
            h[v] = r.height(v);
        }
        return new Boxes(x, y, w, h);
    }
}
