package org.npustudio.graphview.scene;

import java.util.BitSet;
import java.util.function.IntPredicate;

/**
 * Area hit tests for selection gestures, in world coordinates, through the scene's spatial grid: a node
 * is hit when its centre lies inside the rectangle or lasso (so a band need not swallow a whole box,
 * and a box merely grazed is not taken).
 */
public final class SceneHitTest {
    private SceneHitTest() {}

    /** Operators only: what a partition can hold. */
    public static IntPredicate operators(GraphScene s) {
        return i -> s.kind(i) == NodeKind.OPERATOR;
    }

    /** Nodes whose centre lies in the rectangle spanned by two corners (any order). */
    public static BitSet inRectangle(GraphScene s, double ax, double ay, double bx, double by, IntPredicate accept) {
        double x0 = Math.min(ax, bx), x1 = Math.max(ax, bx), y0 = Math.min(ay, by), y1 = Math.max(ay, by);
        BitSet out = new BitSet();
        s.nodesIn(x0, y0, x1, y1, i -> {
            double cx = s.centerX(i), cy = s.centerY(i);
            if (cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1 && accept.test(i)) out.set(i);
        });
        return out;
    }

    /** Nodes whose centre lies inside the closed polygon {@code [x0, y0, x1, y1, …]} (even-odd rule). */
    public static BitSet inPolygon(GraphScene s, double[] polygon, IntPredicate accept) {
        BitSet out = new BitSet();
        if (polygon.length < 6) return out;
        double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < polygon.length; k += 2) {
            x0 = Math.min(x0, polygon[k]); x1 = Math.max(x1, polygon[k]);
            y0 = Math.min(y0, polygon[k + 1]); y1 = Math.max(y1, polygon[k + 1]);
        }
        s.nodesIn(x0, y0, x1, y1, i -> {
            if (accept.test(i) && contains(polygon, s.centerX(i), s.centerY(i))) out.set(i);
        });
        return out;
    }

    /** Even-odd point-in-polygon test (ray to the right). */
    public static boolean contains(double[] poly, double px, double py) {
        boolean inside = false;
        int n = poly.length / 2;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double xi = poly[2 * i], yi = poly[2 * i + 1], xj = poly[2 * j], yj = poly[2 * j + 1];
            if ((yi > py) != (yj > py) && px < (xj - xi) * (py - yi) / (yj - yi) + xi) inside = !inside;
        }
        return inside;
    }

    /** The innermost (deepest) group box containing the point, or null. */
    public static SceneGroup groupAt(GraphScene s, double px, double py) {
        SceneGroup best = null;
        for (SceneGroup g : s.groups()) {
            if (g.contains(px, py) && (best == null || g.depth() > best.depth())) best = g;
        }
        return best;
    }

    /** Nodes drawn inside a group's box. */
    public static BitSet inGroup(GraphScene s, SceneGroup g, IntPredicate accept) {
        return inRectangle(s, g.x(), g.y(), g.x() + g.width(), g.y() + g.height(), accept);
    }
}
