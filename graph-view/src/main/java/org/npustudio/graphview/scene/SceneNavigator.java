package org.npustudio.graphview.scene;

/**
 * Keyboard movement through a drawn graph: along the data flow to a producer or a consumer, and across
 * it to the nearest node beside the current one. Where there are several producers or consumers the one
 * most nearly in line is taken, so repeated presses follow the straight run of a chain.
 */
public final class SceneNavigator {
    private final GraphScene s;

    public SceneNavigator(GraphScene scene) { this.s = scene; }

    /** The producer of one of the node's inputs, or -1 at a source. */
    public int producer(int node) {
        int best = -1;
        double bestOff = Double.MAX_VALUE;
        for (int e : s.incoming(node)) {
            int p = s.from(e);
            double off = across(p, node);
            if (p != node && off < bestOff) { bestOff = off; best = p; }
        }
        return best;
    }

    /** A consumer of one of the node's outputs, or -1 at a sink. */
    public int consumer(int node) {
        int best = -1;
        double bestOff = Double.MAX_VALUE;
        for (int e : s.outgoing(node)) {
            int c = s.to(e);
            double off = across(c, node);
            if (c != node && off < bestOff) { bestOff = off; best = c; }
        }
        return best;
    }

    /**
     * The nearest node beside this one, across the flow: to the left ({@code direction < 0}) or right in a
     * top-to-bottom drawing (above/below in a left-to-right one), among nodes overlapping its band; -1 if none.
     */
    public int sibling(int node, int direction) {
        boolean h = s.horizontal();
        double lo = h ? s.x(node) : s.y(node), hi = lo + (h ? s.width(node) : s.height(node));
        double c = h ? s.centerY(node) : s.centerX(node);
        int best = -1;
        double bestDist = Double.MAX_VALUE;
        double x0 = h ? lo : s.minX(), x1 = h ? hi : s.maxX(), y0 = h ? s.minY() : lo, y1 = h ? s.maxY() : hi;
        int[] candidates = s.nodesIn(x0, y0, x1, y1);
        for (int i : candidates) {
            if (i == node) continue;
            double ci = h ? s.centerY(i) : s.centerX(i);
            double d = (ci - c) * Math.signum(direction);
            if (d > 0 && d < bestDist) { bestDist = d; best = i; }
        }
        return best;
    }

    /** Distance across the flow between two node centres. */
    private double across(int a, int b) {
        return s.horizontal() ? Math.abs(s.centerY(a) - s.centerY(b)) : Math.abs(s.centerX(a) - s.centerX(b));
    }
}
