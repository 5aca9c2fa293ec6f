package org.npustudio.graphview.scene;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Colours, borders, badges and edge widths laid over a scene without re-layout: the profiler paints
 * per-op cost, the partition editor paints device assignment. Keyed by node key (stable node id or value
 * name) and by tensor name for edges, so an overlay survives a re-layout of the same model. Immutable.
 * <p>
 * A collapsed name-scope group is a node keyed {@link SceneGroup#keyOf(String) group:PATH}: it takes the style
 * given for that key ({@link Builder#group}); without one it aggregates its members' styles, filled with the
 * most common member fill and showing the spread of member fills as a bar along its bottom edge
 * ({@link Builder#groupBar} sets that bar explicitly, e.g. a distribution over a colour scale).
 */
public final class Overlay {
    /** Draws the scene as it is. */
    public static final Overlay NONE = builder().build();

    /**
     * @param fill        replaces the category colour; 0 keeps it
     * @param border      border colour; 0 keeps the default border
     * @param borderWidth border width in world units when a border colour is set
     * @param badge       short text drawn in a pill at the node's top-right corner, or null
     */
    public record NodeStyle(int fill, int border, double borderWidth, String badge) {
        static final NodeStyle EMPTY = new NodeStyle(0, 0, 0, null);
    }

    /** @param color 0 keeps the default edge colour; width in world units, 0 keeps the default */
    public record EdgeStyle(int color, double width) {}

    /** A stacked bar: segment colours and their relative weights (same length). */
    public record Bar(int[] colors, int[] weights) {
        public Bar {
            if (colors.length != weights.length) throw new IllegalArgumentException("one weight per colour");
            colors = colors.clone();
            weights = weights.clone();
        }

        public int total() {
            int t = 0;
            for (int w : weights) t += Math.max(0, w);
            return t;
        }
    }

    public record LegendEntry(String label, int color) {}

    /**
     * A line drawn around a set of nodes (e.g. one partition): the convex hull of each connected piece,
     * with the label at its top-left.
     *
     * @param width line width in screen pixels
     */
    public record Outline(String label, List<String> nodeKeys, int color, double width) {
        public Outline {
            nodeKeys = List.copyOf(nodeKeys);
        }
    }

    /** A small key shown in a corner of the view and of exported images. */
    public record Legend(String title, List<LegendEntry> entries) {
        public Legend {
            entries = List.copyOf(entries);
        }
    }

    private final Map<String, NodeStyle> nodes;
    private final Map<String, EdgeStyle> edges;
    private final Map<String, Bar> bars;
    private final Legend legend;
    private final List<Outline> outlines;

    private Overlay(Builder b) {
        nodes = Map.copyOf(b.nodes);
        edges = Map.copyOf(b.edges);
        bars = Map.copyOf(b.bars);
        legend = b.legend;
        outlines = List.copyOf(b.outlines);
    }

    public static Builder builder() { return new Builder(); }

    public Map<String, NodeStyle> nodes() { return nodes; }

    public Map<String, EdgeStyle> edges() { return edges; }

    /** The legend, or null. */
    public Legend legend() { return legend; }

    /** Explicit bars of collapsed groups, by group node key. */
    public Map<String, Bar> bars() { return bars; }

    public List<Outline> outlines() { return outlines; }

    public boolean isEmpty() { return nodes.isEmpty() && edges.isEmpty() && bars.isEmpty() && legend == null && outlines.isEmpty(); }

    /** Per-index arrays for one scene, so drawing does no map lookups. */
    public Resolved resolve(GraphScene scene) {
        int n = scene.nodeCount(), m = scene.edgeCount();
        int[] fill = new int[n], border = new int[n], edgeColor = new int[m];
        double[] borderWidth = new double[n], edgeWidth = new double[m];
        String[] badge = new String[n];
        for (Map.Entry<String, NodeStyle> e : nodes.entrySet()) {
            int i = scene.indexOf(e.getKey());
            if (i < 0) continue;
            NodeStyle s = e.getValue();
            fill[i] = s.fill();
            border[i] = s.border();
            borderWidth[i] = s.borderWidth();
            badge[i] = s.badge();
        }
        Bar[] bar = new Bar[n];
        for (Map.Entry<String, Bar> e : bars.entrySet()) {
            int i = scene.indexOf(e.getKey());
            if (i >= 0) bar[i] = e.getValue();
        }
        if (!nodes.isEmpty()) {
            for (int i = 0; i < n; i++) {
                GroupContent c = scene.groupContent(i);
                if (c != null) aggregate(c, i, fill, bar);
            }
        }
        if (!edges.isEmpty()) {
            for (int e = 0; e < m; e++) {
                EdgeStyle s = scene.value(e) == null ? null : edges.get(scene.value(e));
                if (s == null) continue;
                edgeColor[e] = s.color();
                edgeWidth[e] = s.width();
            }
        }
        return new Resolved(fill, border, borderWidth, badge, edgeColor, edgeWidth, bar, legend, Hulls.of(scene, outlines));
    }

    /** A collapsed group without its own style: the most common member fill, and the members' fills as a bar. */
    private void aggregate(GroupContent c, int i, int[] fill, Bar[] bar) {
        Map<Integer, Integer> count = new LinkedHashMap<>();
        int styled = 0;
        for (String k : c.memberKeys()) {
            NodeStyle s = nodes.get(k);
            int f = s == null ? 0 : s.fill();
            if (f != 0) styled++;
            count.merge(f, 1, Integer::sum);
        }
        if (styled == 0) return;
        if (fill[i] == 0) {
            int best = 0, bestCount = 0;
            for (Map.Entry<Integer, Integer> e : count.entrySet()) {
                if (e.getKey() != 0 && e.getValue() > bestCount) {
                    best = e.getKey();
                    bestCount = e.getValue();
                }
            }
            fill[i] = best;
        }
        if (bar[i] == null) {
            // Largest share first, unstyled members last.
            List<Map.Entry<Integer, Integer>> shares = new java.util.ArrayList<>(count.entrySet());
            shares.sort((a, b) -> a.getKey() == 0 || b.getKey() == 0 ? Boolean.compare(a.getKey() == 0, b.getKey() == 0)
                    : Integer.compare(b.getValue(), a.getValue()));
            int[] colors = new int[shares.size()], weights = new int[shares.size()];
            for (int k = 0; k < shares.size(); k++) {
                colors[k] = shares.get(k).getKey() == 0 ? Colors.UNSTYLED_MEMBER : shares.get(k).getKey();
                weights[k] = shares.get(k).getValue();
            }
            bar[i] = new Bar(colors, weights);
        }
    }

    /**
     * An overlay resolved against one scene's indices (0 / null entries mean "default"); {@code bar} holds the
     * stacked bar of each collapsed group (null: its op-category mix); outlines as hull polygons.
     */
    public record Resolved(int[] fill, int[] border, double[] borderWidth, String[] badge, int[] edgeColor,
                           double[] edgeWidth, Bar[] bar, Legend legend, List<Hulls.Hull> hulls) {
        /** The node's fill: the overlay's, else its category colour (initializers are pale). */
        public int fillOf(GraphScene s, int node) {
            if (fill[node] != 0) return fill[node];
            return defaultFill(s, node);
        }
    }

    /** The colour a node has without an overlay. */
    public static int defaultFill(GraphScene s, int node) {
        return switch (s.kind(node)) {
            case INPUT, OUTPUT -> OpCategory.INPUT_OUTPUT.fill();
            case INITIALIZER -> Colors.INITIALIZER_FILL;
            case OPERATOR -> s.category(node).fill();
            case GROUP -> Colors.GROUP_NODE;
        };
    }

    public static final class Builder {
        private final Map<String, NodeStyle> nodes = new LinkedHashMap<>();
        private final Map<String, EdgeStyle> edges = new LinkedHashMap<>();
        private final Map<String, Bar> bars = new LinkedHashMap<>();
        private Legend legend;
        private final List<Outline> outlines = new java.util.ArrayList<>();

        private Builder() {}

        private NodeStyle current(String key) { return nodes.getOrDefault(key, NodeStyle.EMPTY); }

        public Builder fill(String nodeKey, int argb) {
            NodeStyle s = current(nodeKey);
            nodes.put(nodeKey, new NodeStyle(argb, s.border(), s.borderWidth(), s.badge()));
            return this;
        }

        public Builder border(String nodeKey, int argb, double width) {
            NodeStyle s = current(nodeKey);
            nodes.put(nodeKey, new NodeStyle(s.fill(), argb, width, s.badge()));
            return this;
        }

        public Builder badge(String nodeKey, String text) {
            NodeStyle s = current(nodeKey);
            nodes.put(nodeKey, new NodeStyle(s.fill(), s.border(), s.borderWidth(), text));
            return this;
        }

        /**
         * Styles the collapsed box of the name-scope group at {@code path} (e.g. {@code layer1/layer1.0}):
         * fill (0 keeps the aggregate of its members) and badge (null for none).
         */
        public Builder group(String path, int argb, String badgeText) {
            String key = SceneGroup.keyOf(path);
            if (argb != 0) fill(key, argb);
            if (badgeText != null) badge(key, badgeText);
            return this;
        }

        /** The bar along the bottom of a collapsed group's box, e.g. how its members spread over a colour scale. */
        public Builder groupBar(String path, int[] colors, int[] weights) {
            bars.put(SceneGroup.keyOf(path), new Bar(colors, weights));
            return this;
        }

        /** Styles every edge carrying the tensor {@code value}. */
        public Builder edge(String value, int argb, double width) {
            edges.put(value, new EdgeStyle(argb, width));
            return this;
        }

        public Builder legend(String title, List<LegendEntry> entries) {
            legend = new Legend(title, entries);
            return this;
        }

        /** Draws a line around these nodes; outlines are drawn in the order added. */
        public Builder outline(String label, java.util.Collection<String> nodeKeys, int argb, double width) {
            outlines.add(new Outline(label, List.copyOf(nodeKeys), argb, width));
            return this;
        }

        public Overlay build() { return new Overlay(this); }
    }
}
