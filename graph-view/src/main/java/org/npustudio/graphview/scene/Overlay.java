package org.npustudio.graphview.scene;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Colours, borders, badges and edge widths laid over a scene without re-layout: the profiler paints
 * per-op cost, the partition editor paints device assignment. Keyed by node key (stable node id or value
 * name) and by tensor name for edges, so an overlay survives a re-layout of the same model. Immutable.
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
    private final Legend legend;
    private final List<Outline> outlines;

    private Overlay(Builder b) {
        nodes = Map.copyOf(b.nodes);
        edges = Map.copyOf(b.edges);
        legend = b.legend;
        outlines = List.copyOf(b.outlines);
    }

    public static Builder builder() { return new Builder(); }

    public Map<String, NodeStyle> nodes() { return nodes; }

    public Map<String, EdgeStyle> edges() { return edges; }

    /** The legend, or null. */
    public Legend legend() { return legend; }

    public List<Outline> outlines() { return outlines; }

    public boolean isEmpty() { return nodes.isEmpty() && edges.isEmpty() && legend == null && outlines.isEmpty(); }

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
        if (!edges.isEmpty()) {
            for (int e = 0; e < m; e++) {
                EdgeStyle s = scene.value(e) == null ? null : edges.get(scene.value(e));
                if (s == null) continue;
                edgeColor[e] = s.color();
                edgeWidth[e] = s.width();
            }
        }
        return new Resolved(fill, border, borderWidth, badge, edgeColor, edgeWidth, legend, Hulls.of(scene, outlines));
    }

    /** An overlay resolved against one scene's indices (0 / null entries mean "default"); outlines as hull polygons. */
    public record Resolved(int[] fill, int[] border, double[] borderWidth, String[] badge, int[] edgeColor,
                           double[] edgeWidth, Legend legend, List<Hulls.Hull> hulls) {
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
        };
    }

    public static final class Builder {
        private final Map<String, NodeStyle> nodes = new LinkedHashMap<>();
        private final Map<String, EdgeStyle> edges = new LinkedHashMap<>();
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
