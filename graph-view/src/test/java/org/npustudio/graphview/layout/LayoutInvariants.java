package org.npustudio.graphview.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks every layout test relies on: no overlaps, flow direction respected, edges attached to their nodes. */
final class LayoutInvariants {
    private LayoutInvariants() {}

    static void check(LayoutGraph g, LayoutResult r, Direction d) {
        assertEquals(0, LayoutMetrics.overlaps(r), "overlapping nodes");
        for (int e = 0; e < g.edgeCount(); e++) {
            int s = g.source(e), t = g.target(e);
            double[] p = r.edgePoints(e);
            assertTrue(p.length >= 4, "edge " + e + " has no route");
            if (s == t) continue;
            boolean horizontal = d.isHorizontal();
            double sMain = horizontal ? r.centerX(s) : r.centerY(s), tMain = horizontal ? r.centerX(t) : r.centerY(t);
            if (r.isReversed(e)) {
                assertTrue(r.layer(s) > r.layer(t) && sMain > tMain, "reversed edge " + e + " must run against the flow");
            } else {
                assertTrue(r.layer(s) < r.layer(t) && sMain < tMain, "edge " + e + " must run with the flow");
            }
            // Route starts on the source's border and ends on the target's border.
            assertTrue(onBorder(r, s, p[0], p[1]), "edge " + e + " does not start at its source");
            assertTrue(onBorder(r, t, p[p.length - 2], p[p.length - 1]), "edge " + e + " does not end at its target");
        }
        for (int v = 0; v < g.nodeCount(); v++) {
            assertTrue(r.x(v) >= -1e-6 && r.y(v) >= -1e-6, "node " + v + " outside the drawing");
            assertTrue(r.x(v) + r.width(v) <= r.width() + 1e-6 && r.y(v) + r.height(v) <= r.height() + 1e-6, "node " + v + " outside the bounds");
        }
    }

    private static boolean onBorder(LayoutResult r, int v, double x, double y) {
        double eps = 1e-6;
        boolean inside = x >= r.x(v) - eps && x <= r.x(v) + r.width(v) + eps && y >= r.y(v) - eps && y <= r.y(v) + r.height(v) + eps;
        boolean border = Math.abs(x - r.x(v)) < eps || Math.abs(x - r.x(v) - r.width(v)) < eps
                || Math.abs(y - r.y(v)) < eps || Math.abs(y - r.y(v) - r.height(v)) < eps;
        return inside && border;
    }

    static void assertSame(LayoutResult a, LayoutResult b) {
        assertEquals(a.nodeCount(), b.nodeCount());
        for (int v = 0; v < a.nodeCount(); v++) {
            assertEquals(a.x(v), b.x(v), 0.0, "x of " + v);
            assertEquals(a.y(v), b.y(v), 0.0, "y of " + v);
        }
        for (int e = 0; e < a.edgeCount(); e++) assertTrue(java.util.Arrays.equals(a.edgePoints(e), b.edgePoints(e)), "route of " + e);
    }
}
