package org.npustudio.graphview.scene;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.npustudio.graphview.layout.SpatialGrid;

/**
 * What the graph view draws: node boxes with labels, edge polylines and name-scope group boxes, in world
 * coordinates (pixels at zoom 1). Immutable and array based, so a 100k-node scene is a few flat arrays;
 * spatial grids over nodes and edges answer culling and hit-testing queries. Built once per layout;
 * colours that change without re-layout live in an {@link Overlay}.
 */
public final class GraphScene {
    private final String[] keys;
    private final NodeKind[] kinds;
    private final double[] x, y, w, h;
    private final String[] titles;
    private final String[][] lines;
    private final OpCategory[] categories;
    private final GroupContent[] contents;
    private final Map<String, Integer> hiddenIn;
    private final int[] from, to;
    private final double[][] points;
    private final String[] values, shapeLabels;
    private final List<SceneGroup> groups;
    private final boolean horizontal;
    private final double minX, minY, maxX, maxY;
    private final Map<String, Integer> byKey;
    private final SpatialGrid nodeGrid, edgeGrid;
    private final int[] outStart, outEdges, inStart, inEdges;

    private GraphScene(Builder b) {
        int n = b.keys.size();
        keys = b.keys.toArray(new String[0]);
        kinds = b.kinds.toArray(new NodeKind[0]);
        x = Arrays.copyOf(b.x, n);
        y = Arrays.copyOf(b.y, n);
        w = Arrays.copyOf(b.w, n);
        h = Arrays.copyOf(b.h, n);
        titles = b.titles.toArray(new String[0]);
        lines = b.lines.toArray(new String[0][]);
        categories = b.categories.toArray(new OpCategory[0]);
        contents = b.contents.toArray(new GroupContent[0]);
        hiddenIn = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (contents[i] != null) for (String k : contents[i].memberKeys()) hiddenIn.putIfAbsent(k, i);
        }
        int m = b.from.size();
        from = b.from.stream().mapToInt(Integer::intValue).toArray();
        to = b.to.stream().mapToInt(Integer::intValue).toArray();
        points = new double[m][];
        values = b.values.toArray(new String[0]);
        shapeLabels = b.shapeLabels.toArray(new String[0]);
        for (int e = 0; e < m; e++) {
            double[] p = b.points.get(e);
            points[e] = p != null && p.length >= 4 ? p.clone() : straight(from[e], to[e], b.horizontal);
        }
        groups = List.copyOf(b.groups);
        horizontal = b.horizontal;
        byKey = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) byKey.putIfAbsent(keys[i], i);

        double[] nx1 = new double[n], ny1 = new double[n];
        double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        boolean any = false;
        for (int i = 0; i < n; i++) {
            nx1[i] = x[i] + w[i];
            ny1[i] = y[i] + h[i];
            if (!any) { x0 = x[i]; y0 = y[i]; x1 = nx1[i]; y1 = ny1[i]; any = true; }
            x0 = Math.min(x0, x[i]); y0 = Math.min(y0, y[i]); x1 = Math.max(x1, nx1[i]); y1 = Math.max(y1, ny1[i]);
        }
        nodeGrid = SpatialGrid.forQueries(x, y, nx1, ny1);
        double[] ex0 = new double[m], ey0 = new double[m], ex1 = new double[m], ey1 = new double[m];
        for (int e = 0; e < m; e++) {
            double[] p = points[e];
            ex0[e] = ex1[e] = p[0];
            ey0[e] = ey1[e] = p[1];
            for (int k = 2; k < p.length; k += 2) {
                ex0[e] = Math.min(ex0[e], p[k]); ex1[e] = Math.max(ex1[e], p[k]);
                ey0[e] = Math.min(ey0[e], p[k + 1]); ey1[e] = Math.max(ey1[e], p[k + 1]);
            }
            if (!any) { x0 = ex0[e]; y0 = ey0[e]; x1 = ex1[e]; y1 = ey1[e]; any = true; }
            x0 = Math.min(x0, ex0[e]); y0 = Math.min(y0, ey0[e]); x1 = Math.max(x1, ex1[e]); y1 = Math.max(y1, ey1[e]);
        }
        for (SceneGroup g : groups) {
            x0 = Math.min(x0, g.x()); y0 = Math.min(y0, g.y());
            x1 = Math.max(x1, g.x() + g.width()); y1 = Math.max(y1, g.y() + g.height());
        }
        minX = x0; minY = y0; maxX = x1; maxY = y1;
        edgeGrid = SpatialGrid.forQueries(ex0, ey0, ex1, ey1);

        outStart = new int[n + 1];
        inStart = new int[n + 1];
        for (int e = 0; e < m; e++) { outStart[from[e] + 1]++; inStart[to[e] + 1]++; }
        for (int i = 0; i < n; i++) { outStart[i + 1] += outStart[i]; inStart[i + 1] += inStart[i]; }
        outEdges = new int[m];
        inEdges = new int[m];
        int[] of = Arrays.copyOf(outStart, n), inf = Arrays.copyOf(inStart, n);
        for (int e = 0; e < m; e++) { outEdges[of[from[e]]++] = e; inEdges[inf[to[e]]++] = e; }
    }

    /** From the bottom (right, when horizontal) centre of the source box to the top (left) centre of the target. */
    private double[] straight(int a, int b, boolean horiz) {
        return horiz
                ? new double[] {x[a] + w[a], y[a] + h[a] / 2, x[b], y[b] + h[b] / 2}
                : new double[] {x[a] + w[a] / 2, y[a] + h[a], x[b] + w[b] / 2, y[b]};
    }

    public static Builder builder() { return new Builder(); }

    public int nodeCount() { return keys.length; }

    /** Stable node id for operators, value name for inputs, outputs and initializers. */
    public String key(int node) { return keys[node]; }

    public NodeKind kind(int node) { return kinds[node]; }

    public double x(int node) { return x[node]; }

    public double y(int node) { return y[node]; }

    public double width(int node) { return w[node]; }

    public double height(int node) { return h[node]; }

    public double centerX(int node) { return x[node] + w[node] / 2; }

    public double centerY(int node) { return y[node] + h[node] / 2; }

    public String title(int node) { return titles[node]; }

    /** Detail lines under the title (key attributes, output shape). */
    public List<String> lines(int node) { return List.of(lines[node]); }

    String[] linesArray(int node) { return lines[node]; }

    public OpCategory category(int node) { return categories[node]; }

    /** What a collapsed group node stands for, or null for any other node. */
    public GroupContent groupContent(int node) { return contents[node]; }

    /** The collapsed group node hiding the node with this key, or -1 (also when the key is drawn itself). */
    public int collapsedGroupOf(String key) {
        Integer i = hiddenIn.get(key);
        return i == null ? -1 : i;
    }

    /** The innermost expanded group whose title band holds the world point, or null. */
    public SceneGroup groupHeaderAt(double px, double py) {
        SceneGroup best = null;
        for (SceneGroup g : groups) if (g.headerContains(px, py) && (best == null || g.depth() > best.depth())) best = g;
        return best;
    }

    /** Node index for a key, or -1. */
    public int indexOf(String key) {
        Integer i = byKey.get(key);
        return i == null ? -1 : i;
    }

    public int edgeCount() { return from.length; }

    public int from(int edge) { return from[edge]; }

    public int to(int edge) { return to[edge]; }

    /** Polyline {@code [x0, y0, x1, y1, ...]} from source to target. The array is shared: do not modify it. */
    public double[] points(int edge) { return points[edge]; }

    /** The tensor the edge carries. */
    public String value(int edge) { return values[edge]; }

    /** Shape text shown on the edge when zoomed in, or null when unknown. */
    public String shapeLabel(int edge) { return shapeLabels[edge]; }

    public List<SceneGroup> groups() { return groups; }

    /** True when the flow runs left to right instead of top to bottom. */
    public boolean horizontal() { return horizontal; }

    public double minX() { return minX; }

    public double minY() { return minY; }

    public double maxX() { return maxX; }

    public double maxY() { return maxY; }

    /** Edges leaving a node. */
    public int[] outgoing(int node) { return Arrays.copyOfRange(outEdges, outStart[node], outStart[node + 1]); }

    /** Edges entering a node. */
    public int[] incoming(int node) { return Arrays.copyOfRange(inEdges, inStart[node], inStart[node + 1]); }

    /** Calls {@code out} for each node whose box intersects the world rectangle. */
    public void nodesIn(double x0, double y0, double x1, double y1, IntConsumer out) { nodeGrid.query(x0, y0, x1, y1, out); }

    /** Calls {@code out} for each edge whose bounding box intersects the world rectangle. */
    public void edgesIn(double x0, double y0, double x1, double y1, IntConsumer out) { edgeGrid.query(x0, y0, x1, y1, out); }

    /** The node under a world point (the last drawn, i.e. highest index, when boxes overlap), or -1. */
    public int nodeAt(double px, double py) {
        int[] best = {-1};
        nodeGrid.query(px, py, px, py, i -> {
            if (px >= x[i] && px <= x[i] + w[i] && py >= y[i] && py <= y[i] + h[i] && i > best[0]) best[0] = i;
        });
        return best[0];
    }

    /** Node indices whose boxes intersect the rectangle, ascending. */
    public int[] nodesIn(double x0, double y0, double x1, double y1) {
        List<Integer> found = new ArrayList<>();
        nodesIn(x0, y0, x1, y1, found::add);
        return found.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** Accumulates nodes, edges and groups; {@link #build()} freezes them into a scene. */
    public static final class Builder {
        private final List<String> keys = new ArrayList<>();
        private final List<NodeKind> kinds = new ArrayList<>();
        private double[] x = new double[16], y = new double[16], w = new double[16], h = new double[16];
        private final List<String> titles = new ArrayList<>();
        private final List<String[]> lines = new ArrayList<>();
        private final List<OpCategory> categories = new ArrayList<>();
        private final List<GroupContent> contents = new ArrayList<>();
        private final List<Integer> from = new ArrayList<>(), to = new ArrayList<>();
        private final List<double[]> points = new ArrayList<>();
        private final List<String> values = new ArrayList<>(), shapeLabels = new ArrayList<>();
        private final List<SceneGroup> groups = new ArrayList<>();
        private boolean horizontal;

        private Builder() {}

        public Builder horizontal(boolean flowsLeftToRight) {
            horizontal = flowsLeftToRight;
            return this;
        }

        /** Adds a node box (top-left corner, size) and returns its index. */
        public int addNode(String key, NodeKind kind, double left, double top, double width, double height,
                           String title, List<String> detailLines, OpCategory category) {
            return addNode(key, kind, left, top, width, height, title, detailLines, category, null);
        }

        /** Adds a node; {@code content} describes a collapsed group (kind {@link NodeKind#GROUP}) and is null otherwise. */
        public int addNode(String key, NodeKind kind, double left, double top, double width, double height,
                           String title, List<String> detailLines, OpCategory category, GroupContent content) {
            if ((kind == NodeKind.GROUP) != (content != null)) throw new IllegalArgumentException("group nodes, and only they, have content");
            int i = keys.size();
            if (i == x.length) {
                int cap = i * 2;
                x = Arrays.copyOf(x, cap); y = Arrays.copyOf(y, cap); w = Arrays.copyOf(w, cap); h = Arrays.copyOf(h, cap);
            }
            keys.add(key);
            kinds.add(kind);
            x[i] = left; y[i] = top; w[i] = width; h[i] = height;
            titles.add(title);
            lines.add(detailLines.toArray(new String[0]));
            categories.add(category);
            contents.add(content);
            return i;
        }

        /** Adds an edge; {@code polyline} may be null for a straight connection between the boxes. */
        public int addEdge(int source, int target, double[] polyline, String value, String shapeLabel) {
            if (source < 0 || source >= keys.size() || target < 0 || target >= keys.size()) {
                throw new IllegalArgumentException("edge " + source + " -> " + target + " refers to a missing node");
            }
            if (polyline != null && (polyline.length % 2 != 0)) throw new IllegalArgumentException("odd polyline length");
            from.add(source);
            to.add(target);
            points.add(polyline);
            values.add(value);
            shapeLabels.add(shapeLabel);
            return from.size() - 1;
        }

        public Builder addGroup(SceneGroup group) {
            groups.add(group);
            return this;
        }

        public GraphScene build() { return new GraphScene(this); }
    }
}
