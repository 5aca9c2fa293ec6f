package org.npustudio.app.ui.diff;

import org.npustudio.diff.ModelDiff;
import org.npustudio.diff.NodeDiff;
import org.npustudio.graphview.scene.GraphScene;

/**
 * Centres of matched nodes in the before and the after layout, and the local displacement between the
 * two layouts around a point: the inverse-distance weighted mean over the nearest few pairs, so a view
 * that follows another one moves smoothly while panning.
 */
final class MatchedPositions {
    static final MatchedPositions NONE = new MatchedPositions(new double[0], new double[0], new double[0], new double[0]);
    private static final int NEAREST = 6;
    private final double[] ax, ay, bx, by;

    private MatchedPositions(double[] ax, double[] ay, double[] bx, double[] by) {
        this.ax = ax;
        this.ay = ay;
        this.bx = bx;
        this.by = by;
    }

    static MatchedPositions of(ModelDiff d, GraphScene a, GraphScene b) {
        int n = 0;
        double[] ax = new double[d.rows().size()], ay = new double[ax.length], bx = new double[ax.length], by = new double[ax.length];
        for (NodeDiff r : d.rows()) {
            if (r.oldId() == null || r.newId() == null) continue;
            int i = a.indexOf(r.oldId()), j = b.indexOf(r.newId());
            if (i < 0 || j < 0) continue;
            ax[n] = a.centerX(i);
            ay[n] = a.centerY(i);
            bx[n] = b.centerX(j);
            by[n] = b.centerY(j);
            n++;
        }
        return new MatchedPositions(java.util.Arrays.copyOf(ax, n), java.util.Arrays.copyOf(ay, n),
                java.util.Arrays.copyOf(bx, n), java.util.Arrays.copyOf(by, n));
    }

    /** After minus before near (x, y), given in before coordinates ({@code inBefore}) or after coordinates. */
    double[] displacementNear(double x, double y, boolean inBefore) {
        int n = ax.length;
        if (n == 0) return new double[] {0, 0};
        int k = Math.min(NEAREST, n);
        int[] best = new int[k];
        double[] dist = new double[k];
        java.util.Arrays.fill(dist, Double.POSITIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            double px = inBefore ? ax[i] : bx[i], py = inBefore ? ay[i] : by[i];
            double d2 = (px - x) * (px - x) + (py - y) * (py - y);
            if (d2 >= dist[k - 1]) continue;
            int at = k - 1;
            while (at > 0 && dist[at - 1] > d2) {
                dist[at] = dist[at - 1];
                best[at] = best[at - 1];
                at--;
            }
            dist[at] = d2;
            best[at] = i;
        }
        double sx = 0, sy = 0, sw = 0;
        for (int j = 0; j < k; j++) {
            int i = best[j];
            double w = 1 / (Math.sqrt(dist[j]) + 1);
            sx += w * (bx[i] - ax[i]);
            sy += w * (by[i] - ay[i]);
            sw += w;
        }
        return new double[] {sx / sw, sy / sw};
    }
}
