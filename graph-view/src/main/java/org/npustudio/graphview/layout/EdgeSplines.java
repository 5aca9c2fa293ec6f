package org.npustudio.graphview.layout;

/**
 * Turns a polyline into a smooth curve through the same points for drawing: cubic Bézier segments whose
 * control points follow the Catmull-Rom tangents (uniform, tension 1/6 of the neighbour chord).
 */
public final class EdgeSplines {
    private EdgeSplines() {}

    /**
     * @param points polyline x0,y0,...,xn,yn with n >= 1
     * @return x0,y0 followed by (c1x,c1y,c2x,c2y,px,py) for each of the n segments
     */
    public static double[] toCubicBezier(double[] points) {
        int n = points.length / 2;
        if (n < 2) return points.clone();
        double[] out = new double[2 + 6 * (n - 1)];
        out[0] = points[0];
        out[1] = points[1];
        int o = 2;
        for (int i = 0; i + 1 < n; i++) {
            int p0 = Math.max(0, i - 1), p1 = i, p2 = i + 1, p3 = Math.min(n - 1, i + 2);
            out[o++] = points[2 * p1] + (points[2 * p2] - points[2 * p0]) / 6;
            out[o++] = points[2 * p1 + 1] + (points[2 * p2 + 1] - points[2 * p0 + 1]) / 6;
            out[o++] = points[2 * p2] - (points[2 * p3] - points[2 * p1]) / 6;
            out[o++] = points[2 * p2 + 1] - (points[2 * p3 + 1] - points[2 * p1 + 1]) / 6;
            out[o++] = points[2 * p2];
            out[o++] = points[2 * p2 + 1];
        }
        return out;
    }
}
