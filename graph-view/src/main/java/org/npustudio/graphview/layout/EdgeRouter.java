package org.npustudio.graphview.layout;

/**
 * Polyline routes in the internal top-to-bottom frame: from the source's bottom border through the dummy
 * nodes (entering and leaving each dummy's layer vertically, so long edges never cut diagonally through a
 * row of nodes) to the target's top border. Collinear points are dropped, so straight runs are one segment.
 * Edges sharing a dummy trunk reuse its simplified polyline, keeping routing linear in the output size.
 */
final class EdgeRouter {
    private final ProperGraph g;
    private final double[] cx;
    private final double[] cy;
    private final double[] layerTop;
    private final double[] layerHeight;
    /** Per trunk (keyed by its first chain index): simplified points, and per chain index the kept prefix. */
    private final double[][] trunkPoints;
    private final int[] keptBefore;

    EdgeRouter(ProperGraph g, double[] cx, double[] cy, double[] layerTop, double[] layerHeight) {
        this.g = g;
        this.cx = cx;
        this.cy = cy;
        this.layerTop = layerTop;
        this.layerHeight = layerHeight;
        this.trunkPoints = new double[g.chain.length][];
        this.keptBefore = new int[g.chain.length];
    }

    /** Route of acyclic edge {@code edge} from {@code from} down to {@code to}. */
    double[] route(int edge, int from, int to) {
        DoubleList pts = new DoubleList(8);
        int len = g.chainLength[edge];
        if (len == 0) {
            addExit(pts, from);
        } else {
            int off = g.chainOffset[edge];
            double[] trunk = trunk(off, from);
            int last = off + len - 1;
            // Points before the last dummy's own are final in the trunk's simplified list; then re-add the rest.
            for (int i = 0; i < 2 * keptBefore[last]; i++) pts.add(trunk[i]);
            addDummy(pts, g.chain[last]);
        }
        // Enter the target's layer band straight, so all slanted segments lie between the same band borders
        // and cross exactly as the layer order says (no extra crossings beside nodes shorter than their layer).
        int lt = g.layer[to];
        double top = cy[to] - g.height[to] / 2;
        if (top > layerTop[lt]) add(pts, cx[to], layerTop[lt]);
        add(pts, cx[to], top);
        return pts.toArray();
    }

    /** Leaves the source's bottom and its layer band vertically. */
    private void addExit(DoubleList pts, int from) {
        int l = g.layer[from];
        double bottom = cy[from] + g.height[from] / 2;
        add(pts, cx[from], bottom);
        if (bottom < layerTop[l] + layerHeight[l]) add(pts, cx[from], layerTop[l] + layerHeight[l]);
    }

    /** Simplified polyline of the whole trunk starting at chain index off (built once, on first use). */
    private double[] trunk(int off, int from) {
        if (trunkPoints[off] != null) return trunkPoints[off];
        DoubleList pts = new DoubleList(8);
        addExit(pts, from);
        for (int k = off; k < g.trunkEnd[off]; k++) {
            addDummy(pts, g.chain[k]);
            // Only the last point can still be dropped by a collinear successor; everything before it is final.
            keptBefore[k] = pts.size() / 2 - 1;
        }
        trunkPoints[off] = pts.toArray();
        return trunkPoints[off];
    }

    private void addDummy(DoubleList pts, int d) {
        int l = g.layer[d];
        add(pts, cx[d], layerTop[l]);
        if (layerHeight[l] > 0) add(pts, cx[d], layerTop[l] + layerHeight[l]);
    }

    /** A small loop on the right side of a node for an edge to itself. */
    static double[] selfLoop(double cx, double cy, double w, double h, double gap) {
        double right = cx + w / 2;
        return new double[] {right, cy - h / 4, right + gap, cy - h / 4, right + gap, cy + h / 4, right, cy + h / 4};
    }

    /** Appends a point unless it repeats the last one or continues the last segment in a straight line. */
    private static void add(DoubleList pts, double x, double y) {
        int n = pts.size();
        if (n >= 2 && pts.get(n - 2) == x && pts.get(n - 1) == y) return;
        if (n >= 4) {
            double ax = pts.get(n - 4), ay = pts.get(n - 3), bx = pts.get(n - 2), by = pts.get(n - 1);
            double cross = (bx - ax) * (y - by) - (by - ay) * (x - bx);
            double dot = (bx - ax) * (x - bx) + (by - ay) * (y - by);
            if (Math.abs(cross) < 1e-9 && dot >= 0) pts.removeLastPoint();
        }
        pts.add(x);
        pts.add(y);
    }

    /** Reverses a flat point list in place (x,y pairs stay together). */
    static void reversePoints(double[] p) {
        for (int i = 0, j = p.length - 2; i < j; i += 2, j -= 2) {
            double tx = p[i], ty = p[i + 1];
            p[i] = p[j];
            p[i + 1] = p[j + 1];
            p[j] = tx;
            p[j + 1] = ty;
        }
    }
}
