package org.npustudio.graphview.layout;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Layout of a grouped graph, one level at a time: the interior of each expanded group is a flat layered
 * layout of its direct items (member nodes and child groups as boxes: collapsed ones sized by their label,
 * expanded ones by their own interior). Each edge is drawn at the level of the lowest group containing both
 * ends, between the items holding them. Interiors are cached by the sizes of their items, so expanding or
 * collapsing a group lays out only that group and its ancestors again; siblings come from the cache.
 * Given the layout of an earlier version of the graph, each interior is laid out stably against the
 * interior of the group with the same path there (nodes matched by key, child groups by path), so a pass
 * that removes a few nodes leaves the rest where they were.
 */
public final class HierarchicalLayout {
    /** Space around the items inside an expanded group, and the title band on top. */
    public static final double GROUP_PADDING = 12;
    public static final double GROUP_HEADER = 22;

    private final LayoutGraph graph;
    private final GroupTree tree;
    private final LayoutOptions options;
    private final LabelMetrics metrics;
    /** Per edge: the group at whose level it is drawn and the two items there (node id, or -(group+1)). */
    private final int[] edgeLevel;
    private final int[] edgeItemFrom;
    private final int[] edgeItemTo;
    private final int[][] levelEdges;
    private final Map<Integer, Interior> cache = new HashMap<>();
    private String[] groupPaths;
    private Map<String, Integer> groupByPath;
    private int lastComputed;

    /** A laid-out group interior: its items, the level graph's edge of every input edge, the level graph and its layout. */
    private record Interior(double[] itemSizes, int[] items, Map<Integer, Integer> indexOfItem, Map<Long, Integer> levelEdgeOf,
                            LayoutGraph level, LayoutResult layout) {}

    public HierarchicalLayout(LayoutGraph graph, GroupTree tree, LayoutOptions options, LabelMetrics metrics) {
        if (graph.nodeCount() != tree.nodeCount()) throw new IllegalArgumentException("group tree does not match graph");
        this.graph = graph;
        this.tree = tree;
        this.options = options;
        this.metrics = metrics;
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
    public HierarchicalResult layout(boolean[] expanded, LayoutMonitor monitor, HierarchicalLayout previous) {
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
                boxW[g] = collapsedWidth(g);
                boxH[g] = collapsedHeight();
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

    private double collapsedWidth(int g) {
        return Math.max(NodeLabel.MIN_WIDTH, Math.ceil(Math.max(metrics.titleWidth(tree.name(g)), metrics.bodyWidth(tree.nodeCountIn(g) + " nodes")) + 2 * NodeLabel.PAD_X));
    }

    private double collapsedHeight() {
        return Math.ceil(2 * NodeLabel.PAD_Y + metrics.titleLineHeight() + metrics.bodyLineHeight());
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
        Interior cached = cache.get(g);
        if (cached != null && Arrays.equals(cached.itemSizes, sizes)) return cached;
        lastComputed++;
        Map<Integer, Integer> indexOfItem = new HashMap<>();
        LayoutGraph.Builder b = LayoutGraph.builder();
        for (int i = 0; i < sorted.length; i++) {
            indexOfItem.put(sorted[i], i);
            int it = sorted[i];
            b.addNode(sizes[2 * i], sizes[2 * i + 1], it >= 0 ? graph.key(it) : "group:" + groupPath(-it - 1));
        }
        Map<Long, Integer> levelEdgeOf = new HashMap<>();
        for (int e : levelEdges[g]) {
            int a = indexOfItem.get(edgeItemFrom[e]), c = indexOfItem.get(edgeItemTo[e]);
            long key = ((long) a << 32) | c;
            if (!levelEdgeOf.containsKey(key)) levelEdgeOf.put(key, b.addEdge(a, c));
        }
        LayoutGraph level = b.build();
        Interior before = previous == null ? null : previous.interiorAt(groupPath(g));
        PreviousLayout seed = before == null || !before.level.hasKeys() ? null : new PreviousLayout(before.level, before.layout);
        LayoutResult r = LayeredLayout.layout(level, options, monitor, seed);
        Interior in = new Interior(sizes, sorted, indexOfItem, levelEdgeOf, level, r);
        cache.put(g, in);
        return in;
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

    /** The last computed interior of the group at {@code path}, or null. */
    private Interior interiorAt(String path) {
        if (groupByPath == null) {
            Map<String, Integer> m = new HashMap<>();
            for (int g = 0; g < tree.groupCount(); g++) m.putIfAbsent(groupPath(g), g);
            groupByPath = m;
        }
        Integer g = groupByPath.get(path);
        return g == null ? null : cache.get(g);
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
            Interior in = interior[g];
            int a = in.indexOfItem.get(edgeItemFrom[e]), c = in.indexOfItem.get(edgeItemTo[e]);
            double[] level = in.layout.edgePoints(in.levelEdgeOf.get(((long) a << 32) | c));
            DoubleList pts = new DoubleList(level.length + 4);
            int repFrom = representative(graph.source(e), open), repTo = representative(graph.target(e), open);
            if (repFrom != edgeItemFrom[e]) addAnchor(pts, res, repFrom, true);
            for (int i = 0; i < level.length; i += 2) {
                pts.add(originX[g] + level[i]);
                pts.add(originY[g] + level[i + 1]);
            }
            if (repTo != edgeItemTo[e]) addAnchor(pts, res, repTo, false);
            res.edgePoints[e] = pts.toArray();
        }
        double root = interior[0].layout.width(), rootH = interior[0].layout.height();
        return res.withSize(root, rootH);
    }

    /** The visible box standing for a node: the outermost collapsed group around it, else the node. */
    private int representative(int node, boolean[] open) {
        int rep = node;
        for (int g = tree.groupOf(node); g > 0; g = tree.parent(g)) if (!open[g]) rep = -(g + 1);
        return rep;
    }

    /** Exit point (bottom or right middle) of a source box, entry point (top or left middle) of a target box. */
    private void addAnchor(DoubleList pts, HierarchicalResult res, int item, boolean exit) {
        double x, y, w, h;
        if (item >= 0) {
            x = res.nodeX[item];
            y = res.nodeY[item];
            w = res.nodeW[item];
            h = res.nodeH[item];
        } else {
            int g = -item - 1;
            x = res.groupX[g];
            y = res.groupY[g];
            w = res.groupW[g];
            h = res.groupH[g];
        }
        if (options.direction().isHorizontal()) {
            pts.add(exit ? x + w : x);
            pts.add(y + h / 2);
        } else {
            pts.add(x + w / 2);
            pts.add(exit ? y + h : y);
        }
    }
}
