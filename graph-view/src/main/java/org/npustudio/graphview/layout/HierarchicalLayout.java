package org.npustudio.graphview.layout;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Layout of a grouped graph, one level at a time: the interior of each expanded group is a flat layered
 * layout of its direct items (member nodes and child groups as boxes: collapsed ones sized by their label,
 * expanded ones by their own interior). Each edge is drawn at the level of the lowest group containing both
 * ends, between the items holding them. Interiors are cached by the sizes of their items (a few variants per
 * group), so expanding or collapsing a group lays out only that group and its ancestors again, siblings come
 * from the cache, and undoing a toggle lays out nothing.
 * Given the layout of an earlier version of the graph, each interior is laid out stably against the
 * interior of the group with the same path there (nodes matched by key, child groups by path), so a pass
 * that removes a few nodes leaves the rest where they were.
 */
public final class HierarchicalLayout {
    /** Space around the items inside an expanded group, and the title band on top. */
    public static final double GROUP_PADDING = 12;
    public static final double GROUP_HEADER = 22;
    /** Extra width of a collapsed group's box: room for the expand toggle left of its title. */
    public static final double TOGGLE_SPACE = 14;

    private final LayoutGraph graph;
    private final GroupTree tree;
    private final LayoutOptions options;
    private final LabelMetrics metrics;
    private final IntFunction<NodeLabel> collapsedLabel;
    private final double[] collapsedW, collapsedH;
    /** Per edge: the group at whose level it is drawn and the two items there (node id, or -(group+1)). */
    private final int[] edgeLevel;
    private final int[] edgeItemFrom;
    private final int[] edgeItemTo;
    private final int[][] levelEdges;
    private final GroupPorts ports;
    /** Per group, its last few interiors (most recent first), so toggling back and forth needs no new layout. */
    private final Map<Integer, java.util.List<Interior>> cache = new HashMap<>();
    private static final int VARIANTS_PER_GROUP = 4;
    private String[] groupPaths;
    private Map<String, Integer> groupByPath;
    private int lastComputed;

    /**
     * A laid-out group interior: its items (then its port nodes), the level graph's edge of every edge drawn at
     * this level (by item pair), of every edge leaving and of every edge entering the group, the level graph
     * and its layout.
     */
    private record Interior(double[] itemSizes, int[] items, Map<Integer, Integer> indexOfItem, Map<Long, Integer> levelEdgeOf,
                            Map<Integer, Integer> exitEdgeOf, Map<Integer, Integer> entryEdgeOf, LayoutGraph level, LayoutResult layout) {}

    /** Collapsed groups show their name and node count. */
    public HierarchicalLayout(LayoutGraph graph, GroupTree tree, LayoutOptions options, LabelMetrics metrics) {
        this(graph, tree, options, metrics, g -> NodeLabel.of(tree.name(g), tree.nodeCountIn(g) + " nodes"));
    }

    /** @param collapsedLabel the text of a collapsed group's box, which sizes it */
    public HierarchicalLayout(LayoutGraph graph, GroupTree tree, LayoutOptions options, LabelMetrics metrics,
                              IntFunction<NodeLabel> collapsedLabel) {
        if (graph.nodeCount() != tree.nodeCount()) throw new IllegalArgumentException("group tree does not match graph");
        this.graph = graph;
        this.tree = tree;
        this.options = options;
        this.metrics = metrics;
        this.collapsedLabel = collapsedLabel;
        collapsedW = new double[tree.groupCount()];
        collapsedH = new double[tree.groupCount()];
        int m = graph.edgeCount();
        edgeLevel = new int[m];
        edgeItemFrom = new int[m];
        edgeItemTo = new int[m];
        int[] count = new int[tree.groupCount()];
        for (int e = 0; e < m; e++) {
            liftEdge(e);
            count[edgeLevel[e]]++;
        }
        levelEdges = new int[tree.groupCount()][];
        for (int g = 0; g < count.length; g++) levelEdges[g] = new int[count[g]];
        Arrays.fill(count, 0);
        for (int e = 0; e < m; e++) levelEdges[edgeLevel[e]][count[edgeLevel[e]]++] = e;
        ports = new GroupPorts(graph, tree, edgeLevel);
    }

    /** Finds the lowest common group of the edge's ends and the items directly below it. */
    private void liftEdge(int e) {
        int u = graph.source(e), v = graph.target(e);
        int gu = tree.groupOf(u), gv = tree.groupOf(v);
        int iu = u, iv = v;
        while (gu != gv) {
            if (tree.depth(gu) >= tree.depth(gv)) {
                iu = -(gu + 1);
                gu = tree.parent(gu);
            } else {
                iv = -(gv + 1);
                gv = tree.parent(gv);
            }
        }
        edgeLevel[e] = gu;
        edgeItemFrom[e] = iu;
        edgeItemTo[e] = iv;
    }

    /** Number of group interiors laid out (not taken from the cache) by the last {@link #layout} call. */
    public int lastComputedInteriors() { return lastComputed; }

    /** @param expanded per group whether it is open; the root is always treated as expanded */
    public HierarchicalResult layout(boolean[] expanded, LayoutMonitor monitor) { return layout(expanded, monitor, null); }

    /**
     * @param previous a layout of an earlier version of the graph (already laid out) to stay close to:
     *                 interiors of groups with the same path are seeded from it; null for a fresh layout
     */
    public synchronized HierarchicalResult layout(boolean[] expanded, LayoutMonitor monitor, HierarchicalLayout previous) {
        int groups = tree.groupCount();
        boolean[] open = new boolean[groups];
        boolean[] visible = new boolean[groups];
        open[0] = true;
        // Preorder numbering: a parent's visibility is known before its children's.
        for (int g = 1; g < groups; g++) {
            visible[g] = open[tree.parent(g)];
            open[g] = visible[g] && expanded[g];
        }
        double[] boxW = new double[groups], boxH = new double[groups];
        Interior[] interior = new Interior[groups];
        lastComputed = 0;
        monitor.begin("groups");
        for (int g = groups - 1; g >= 0; g--) {
            // Children have larger preorder ids than their parent, so they are done first.
            if (g > 0 && !visible[g]) continue;
            if (g > 0 && !open[g]) {
                sizeCollapsed(g);
                boxW[g] = collapsedW[g];
                boxH[g] = collapsedH[g];
                continue;
            }
            interior[g] = interior(g, open, boxW, boxH, monitor, previous);
            boxW[g] = interior[g].layout.width() + 2 * GROUP_PADDING;
            boxH[g] = interior[g].layout.height() + 2 * GROUP_PADDING + GROUP_HEADER;
            monitor.report((groups - g) / (double) groups);
        }
        return place(open, visible, interior, boxW, boxH);
    }

    public HierarchicalResult layout(boolean[] expanded) { return layout(expanded, LayoutMonitor.none()); }

    private void sizeCollapsed(int g) {
        if (collapsedW[g] > 0) return;
        NodeLabel label = collapsedLabel.apply(g);
        collapsedW[g] = label.width(metrics) + TOGGLE_SPACE;
        collapsedH[g] = label.height(metrics);
    }

    private Interior interior(int g, boolean[] open, double[] boxW, double[] boxH, LayoutMonitor monitor, HierarchicalLayout previous) {
        int[] members = tree.memberNodesShared(g);
        int[] children = tree.childGroupsShared(g);
        int[] items = new int[members.length + children.length];
        for (int i = 0; i < members.length; i++) items[i] = members[i];
        for (int i = 0; i < children.length; i++) items[members.length + i] = -(children[i] + 1);
        // File order of first nodes, so the level layout's depth-first start follows the model.
        long[] keyed = new long[items.length];
        for (int i = 0; i < items.length; i++) keyed[i] = ((long) firstNode(items[i]) << 32) | i;
        Arrays.sort(keyed);
        int[] sorted = new int[items.length];
        double[] sizes = new double[2 * items.length];
        for (int i = 0; i < items.length; i++) {
            sorted[i] = items[(int) keyed[i]];
            int it = sorted[i];
            sizes[2 * i] = it >= 0 ? graph.width(it) : boxW[-it - 1];
            sizes[2 * i + 1] = it >= 0 ? graph.height(it) : boxH[-it - 1];
        }
        java.util.List<Interior> variants = cache.computeIfAbsent(g, k -> new java.util.ArrayList<>(2));
        for (int i = 0; i < variants.size(); i++) {
            Interior cached = variants.get(i);
            if (Arrays.equals(cached.itemSizes, sizes)) {
                variants.add(0, variants.remove(i));
                return cached;
            }
        }
        lastComputed++;
        Map<Integer, Integer> indexOfItem = new HashMap<>();
        LayoutGraph.Builder b = LayoutGraph.builder();
        for (int i = 0; i < sorted.length; i++) {
            indexOfItem.put(sorted[i], i);
            int it = sorted[i];
            b.addNode(sizes[2 * i], sizes[2 * i + 1], it >= 0 ? graph.key(it) : "group:" + groupPath(-it - 1));
        }
        Map<Long, Integer> levelEdgeOf = new HashMap<>();
        for (int e : levelEdges[g]) levelEdge(b, levelEdgeOf, indexOfItem.get(edgeItemFrom[e]), indexOfItem.get(edgeItemTo[e]));
        // Border ports: one per value leaving (in the last layer) and one per value entering (in the first).
        Map<Long, Integer> portOf = new HashMap<>();
        Map<Integer, Integer> exitEdgeOf = new HashMap<>(), entryEdgeOf = new HashMap<>();
        for (int e : ports.exits(g)) {
            int port = portOf.computeIfAbsent(portKey(e, true), k -> b.pin(b.addNode(0, 0, portName(e, true)), LayoutGraph.Pin.LAST).nodeCount() - 1);
            exitEdgeOf.put(e, levelEdge(b, levelEdgeOf, indexOfItem.get(ports.itemHolding(g, graph.source(e))), port));
        }
        for (int e : ports.entries(g)) {
            int port = portOf.computeIfAbsent(portKey(e, false), k -> b.pin(b.addNode(0, 0, portName(e, false)), LayoutGraph.Pin.FIRST).nodeCount() - 1);
            entryEdgeOf.put(e, levelEdge(b, levelEdgeOf, port, indexOfItem.get(ports.itemHolding(g, graph.target(e)))));
        }
        LayoutGraph level = b.build();
        Interior before = previous == null ? null : previous.interiorAt(groupPath(g));
        PreviousLayout seed = before == null || !before.level.hasKeys() ? null : new PreviousLayout(before.level, before.layout);
        LayoutResult r = LayeredLayout.layout(level, options, monitor, seed);
        Interior in = new Interior(sizes, sorted, indexOfItem, levelEdgeOf, exitEdgeOf, entryEdgeOf, level, r);
        variants.add(0, in);
        if (variants.size() > VARIANTS_PER_GROUP) variants.remove(variants.size() - 1);
        return in;
    }

    /** The level graph's edge between two of its nodes, added once however many input edges it stands for. */
    private static int levelEdge(LayoutGraph.Builder b, Map<Long, Integer> edgeOf, int from, int to) {
        return edgeOf.computeIfAbsent(((long) from << 32) | to, k -> b.addEdge(from, to));
    }

    /** A port carries one value: the edge's source node and output (bundle), in or out of the group. */
    private long portKey(int e, boolean out) {
        return ((long) graph.source(e) << 18) | ((long) graph.bundle(e) << 1) | (out ? 1 : 0);
    }

    /** A port's key for stable re-layout: the same value leaving or entering matches across versions. */
    private String portName(int e, boolean out) {
        String src = graph.key(graph.source(e));
        return src == null ? null : (out ? "port-out:" : "port-in:") + src + "#" + graph.bundle(e);
    }

    /** "" for the root, else the names from the top level down joined by '/'. */
    private String groupPath(int g) {
        if (groupPaths == null) {
            String[] p = new String[tree.groupCount()];
            p[0] = "";
            // Preorder: a parent comes before its children.
            for (int k = 1; k < p.length; k++) p[k] = p[tree.parent(k)] + "/" + tree.name(k);
            groupPaths = p;
        }
        return groupPaths[g];
    }

    /** The most recent interior of the group at {@code path}, or null. */
    private synchronized Interior interiorAt(String path) {
        if (groupByPath == null) {
            Map<String, Integer> m = new HashMap<>();
            for (int g = 0; g < tree.groupCount(); g++) m.putIfAbsent(groupPath(g), g);
            groupByPath = m;
        }
        Integer g = groupByPath.get(path);
        java.util.List<Interior> v = g == null ? null : cache.get(g);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private int firstNode(int item) { return item >= 0 ? item : tree.firstNode(-item - 1); }

    /** Top-down: absolute boxes of everything visible, then edge polylines. */
    private HierarchicalResult place(boolean[] open, boolean[] visible, Interior[] interior, double[] boxW, double[] boxH) {
        HierarchicalResult res = new HierarchicalResult(graph.nodeCount(), tree.groupCount(), graph.edgeCount());
        double[] originX = new double[tree.groupCount()], originY = new double[tree.groupCount()];
        for (int g = 0; g < tree.groupCount(); g++) {
            if (!open[g]) continue;
            if (g > 0) {
                originX[g] = res.groupX[g] + GROUP_PADDING;
                originY[g] = res.groupY[g] + GROUP_PADDING + GROUP_HEADER;
            }
            Interior in = interior[g];
            for (int i = 0; i < in.items.length; i++) {
                int it = in.items[i];
                double x = originX[g] + in.layout.x(i), y = originY[g] + in.layout.y(i);
                if (it >= 0) {
                    res.nodeVisible[it] = true;
                    res.nodeX[it] = x;
                    res.nodeY[it] = y;
                    res.nodeW[it] = graph.width(it);
                    res.nodeH[it] = graph.height(it);
                } else {
                    int c = -it - 1;
                    res.groupVisible[c] = true;
                    res.groupExpanded[c] = open[c];
                    res.groupX[c] = x;
                    res.groupY[c] = y;
                    res.groupW[c] = boxW[c];
                    res.groupH[c] = boxH[c];
                }
            }
        }
        for (int e = 0; e < graph.edgeCount(); e++) {
            int g = edgeLevel[e];
            if (!open[g]) continue;
            // Out of each open group around the source, across the level, into each open group around the target.
            DoubleList pts = new DoubleList(16);
            int u = graph.source(e), v = graph.target(e);
            for (int c = innermostOpenAround(u, open); c != g; c = tree.parent(c)) {
                append(pts, interior[c], interior[c].exitEdgeOf.get(e), originX[c], originY[c]);
            }
            Interior in = interior[g];
            int a = in.indexOfItem.get(edgeItemFrom[e]), b = in.indexOfItem.get(edgeItemTo[e]);
            append(pts, in, in.levelEdgeOf.get(((long) a << 32) | b), originX[g], originY[g]);
            IntList down = new IntList(4);
            for (int c = innermostOpenAround(v, open); c != g; c = tree.parent(c)) down.add(c);
            for (int i = down.size() - 1; i >= 0; i--) {
                int c = down.get(i);
                append(pts, interior[c], interior[c].entryEdgeOf.get(e), originX[c], originY[c]);
            }
            res.edgePoints[e] = pts.toArray();
        }
        double root = interior[0].layout.width(), rootH = interior[0].layout.height();
        return res.withSize(root, rootH);
    }

    /** The innermost open group around a node: its own group, or the parent of the outermost closed group around it. */
    private int innermostOpenAround(int node, boolean[] open) {
        int inner = tree.groupOf(node);
        for (int g = tree.groupOf(node); g > 0; g = tree.parent(g)) if (!open[g]) inner = tree.parent(g);
        return inner;
    }

    /** Appends a level polyline moved to its group's origin, skipping a point equal to the last one. */
    private static void append(DoubleList pts, Interior in, int levelEdge, double ox, double oy) {
        double[] p = in.layout.edgePoints(levelEdge);
        for (int i = 0; i < p.length; i += 2) {
            double x = ox + p[i], y = oy + p[i + 1];
            int n = pts.size();
            if (n >= 2 && pts.get(n - 2) == x && pts.get(n - 1) == y) continue;
            pts.add(x);
            pts.add(y);
        }
    }
}
