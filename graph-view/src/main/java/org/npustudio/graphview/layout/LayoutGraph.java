package org.npustudio.graphview.layout;

import java.util.Arrays;

/**
 * Compact, immutable input of the layered layout: nodes 0..n-1 with sizes, directed edges as two int arrays,
 * and optional string keys that identify nodes across edits (used by stable re-layout).
 * Arrays instead of an object per node keep 100k-node graphs cheap.
 */
public final class LayoutGraph {
    private final double[] width;
    private final double[] height;
    private final int[] source;
    private final int[] target;
    private final int[] bundle;
    private final String[] keys;
    private final byte[] pins;

    /** Where a pinned node goes: the first layer (a source) or the last (a sink), e.g. ports of a group's border. */
    public enum Pin { NONE, FIRST, LAST }

    private LayoutGraph(double[] width, double[] height, int[] source, int[] target, int[] bundle, String[] keys, byte[] pins) {
        this.width = width;
        this.height = height;
        this.source = source;
        this.target = target;
        this.bundle = bundle;
        this.keys = keys;
        this.pins = pins;
    }

    public int nodeCount() { return width.length; }

    public int edgeCount() { return source.length; }

    public double width(int node) { return width[node]; }

    public double height(int node) { return height[node]; }

    public int source(int edge) { return source[edge]; }

    public int target(int edge) { return target[edge]; }

    /**
     * Edges from one source with the same bundle carry the same value (e.g. one output tensor to several
     * consumers); they share the route where they run in parallel.
     */
    public int bundle(int edge) { return bundle[edge]; }

    /** Stable identity of a node across edits, or null when the graph was built without keys. */
    public String key(int node) { return keys == null ? null : keys[node]; }

    public boolean hasKeys() { return keys != null; }

    public Pin pin(int node) { return pins == null ? Pin.NONE : Pin.values()[pins[node]]; }

    public boolean hasPins() { return pins != null; }

    public static Builder builder() { return new Builder(); }

    /** Collects nodes and edges; node ids are assigned in insertion order. */
    public static final class Builder {
        private double[] w = new double[64];
        private double[] h = new double[64];
        private String[] k = new String[64];
        private byte[] p = new byte[64];
        private boolean anyKey, anyPin;
        private int n;
        private final IntList src = new IntList();
        private final IntList dst = new IntList();
        private final IntList bun = new IntList();

        public int addNode(double width, double height) { return addNode(width, height, null); }

        public int addNode(double width, double height, String key) {
            if (!(width >= 0) || !(height >= 0)) throw new IllegalArgumentException("node size must be >= 0");
            if (n == w.length) {
                w = Arrays.copyOf(w, n * 2);
                h = Arrays.copyOf(h, n * 2);
                k = Arrays.copyOf(k, n * 2);
                p = Arrays.copyOf(p, n * 2);
            }
            w[n] = width;
            h[n] = height;
            k[n] = key;
            anyKey |= key != null;
            return n++;
        }

        /**
         * Puts a node in the first or last layer. Only sources may go first and only sinks last (edges into a
         * FIRST node or out of a LAST one are an error at {@link #build}).
         */
        public Builder pin(int node, Pin pin) {
            if (node < 0 || node >= n) throw new IllegalArgumentException("node out of range: " + node);
            p[node] = (byte) pin.ordinal();
            anyPin |= pin != Pin.NONE;
            return this;
        }

        public int addEdge(int from, int to) { return addEdge(from, to, 0); }

        /** @param bundle edges from one node with equal bundle (0..65535) carry the same value and may share a route */
        public int addEdge(int from, int to, int bundle) {
            if (bundle < 0 || bundle > 0xffff) throw new IllegalArgumentException("bundle out of range: " + bundle);
            if (from < 0 || from >= n || to < 0 || to >= n) throw new IllegalArgumentException("edge endpoint out of range: " + from + "->" + to);
            src.add(from);
            dst.add(to);
            bun.add(bundle);
            return src.size() - 1;
        }

        public int nodeCount() { return n; }

        public LayoutGraph build() {
            int[] from = src.toArray(), to = dst.toArray();
            for (int e = 0; e < from.length; e++) {
                if (p[to[e]] == Pin.FIRST.ordinal() || p[from[e]] == Pin.LAST.ordinal()) {
                    throw new IllegalArgumentException("edge " + from[e] + "->" + to[e] + " enters a first-layer or leaves a last-layer node");
                }
            }
            return new LayoutGraph(Arrays.copyOf(w, n), Arrays.copyOf(h, n), from, to, bun.toArray(),
                    anyKey ? Arrays.copyOf(k, n) : null, anyPin ? Arrays.copyOf(p, n) : null);
        }
    }
}
