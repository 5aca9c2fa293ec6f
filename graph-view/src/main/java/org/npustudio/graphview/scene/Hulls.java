package org.npustudio.graphview.scene;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Outlines of node sets as convex hulls. A set is split into its connected pieces first (nodes joined by
 * a scene edge), so a partition made of two distant branches gets two tight outlines rather than one
 * hull spanning everything between them. Hulls are computed once per overlay and scene (monotone chain,
 * O(k log k) for k members), never per frame.
 */
public final class Hulls {
    /** Margin between a node box and its outline, in world units. */
    public static final double PAD = 7;

    /**
     * One outlined piece.
     *
     * @param polygon closed polyline {@code [x0, y0, …, x0, y0]} in world coordinates
     * @param first   true for the first piece of its outline (the one that carries the label)
     */
    public record Hull(String label, double[] polygon, int color, double width, double minX, double minY, double maxX,
                       double maxY, boolean first) {}

    private Hulls() {}

    public static List<Hull> of(GraphScene scene, List<Overlay.Outline> outlines) {
        if (outlines.isEmpty()) return List.of();
        List<Hull> out = new ArrayList<>();
        for (Overlay.Outline o : outlines) {
            int[] members = o.nodeKeys().stream().mapToInt(scene::indexOf).filter(i -> i >= 0).sorted().distinct().toArray();
            boolean first = true;
            for (int[] piece : pieces(scene, members)) {
                out.add(hull(scene, piece, o, first));
                first = false;
            }
        }
        return List.copyOf(out);
    }

    /** Connected pieces of the members through scene edges between members, largest first. */
    static List<int[]> pieces(GraphScene s, int[] members) {
        Map<Integer, Integer> slot = new HashMap<>(members.length * 2);
        for (int k = 0; k < members.length; k++) slot.put(members[k], k);
        int[] parent = new int[members.length];
        for (int k = 0; k < parent.length; k++) parent[k] = k;
        for (int k = 0; k < members.length; k++) {
            for (int e : s.outgoing(members[k])) {
                Integer j = slot.get(s.to(e));
                if (j != null) parent[find(parent, k)] = find(parent, j);
            }
        }
        Map<Integer, List<Integer>> groups = new HashMap<>();
        List<Integer> roots = new ArrayList<>();
        for (int k = 0; k < members.length; k++) {
            int r = find(parent, k);
            groups.computeIfAbsent(r, x -> {
                roots.add(x);
                return new ArrayList<>();
            }).add(members[k]);
        }
        List<int[]> out = new ArrayList<>();
        for (int r : roots) out.add(groups.get(r).stream().mapToInt(Integer::intValue).toArray());
        out.sort((a, b) -> b.length != a.length ? Integer.compare(b.length, a.length) : Integer.compare(a[0], b[0]));
        return out;
    }

    private static int find(int[] parent, int k) {
        while (parent[k] != k) {
            parent[k] = parent[parent[k]];
            k = parent[k];
        }
        return k;
    }

    private static Hull hull(GraphScene s, int[] piece, Overlay.Outline o, boolean first) {
        double[][] pts = new double[piece.length * 4][];
        int n = 0;
        double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (int i : piece) {
            double l = s.x(i) - PAD, t = s.y(i) - PAD, r = s.x(i) + s.width(i) + PAD, b = s.y(i) + s.height(i) + PAD;
            pts[n++] = new double[] {l, t};
            pts[n++] = new double[] {r, t};
            pts[n++] = new double[] {r, b};
            pts[n++] = new double[] {l, b};
            x0 = Math.min(x0, l); y0 = Math.min(y0, t); x1 = Math.max(x1, r); y1 = Math.max(y1, b);
        }
        return new Hull(o.label(), convexHull(pts), o.color(), o.width(), x0, y0, x1, y1, first);
    }

    /** Andrew's monotone chain; returns the hull as a closed polyline, counter-clockwise in screen terms. */
    static double[] convexHull(double[][] pts) {
        double[][] p = pts.clone();
        Arrays.sort(p, (a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        double[][] h = new double[2 * p.length + 1][];
        int k = 0;
        for (double[] q : p) {
            while (k >= 2 && cross(h[k - 2], h[k - 1], q) <= 0) k--;
            h[k++] = q;
        }
        for (int i = p.length - 2, lower = k + 1; i >= 0; i--) {
            while (k >= lower && cross(h[k - 2], h[k - 1], p[i]) <= 0) k--;
            h[k++] = p[i];
        }
        // h[k-1] equals h[0]: the chain is already closed.
        double[] out = new double[k * 2];
        for (int i = 0; i < k; i++) {
            out[2 * i] = h[i][0];
            out[2 * i + 1] = h[i][1];
        }
        return out;
    }

    private static double cross(double[] o, double[] a, double[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }
}
