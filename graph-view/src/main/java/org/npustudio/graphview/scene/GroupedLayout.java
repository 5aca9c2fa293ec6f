package org.npustudio.graphview.scene;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.npustudio.graphview.layout.Direction;
import org.npustudio.graphview.layout.GraphLayoutInput;
import org.npustudio.graphview.layout.GroupExpansion;
import org.npustudio.graphview.layout.GroupTree;
import org.npustudio.graphview.layout.HierarchicalLayout;
import org.npustudio.graphview.layout.HierarchicalResult;
import org.npustudio.graphview.layout.LayoutGraph;
import org.npustudio.graphview.layout.LayoutMonitor;
import org.npustudio.graphview.layout.LayoutOptions;
import org.npustudio.ir.Graph;

/**
 * One model prepared for drawing with collapsible name-scope groups: the layout input, the group tree and a
 * {@link HierarchicalLayout} whose cache of group interiors lives as long as this object, so expanding or
 * collapsing a group lays out only that group and its ancestors again. Expansion states are plain arrays
 * (one flag per group of {@link #tree()}) owned by the caller, so the UI can change them while a layout runs
 * on another thread; {@link #layout} may be called from any thread.
 */
public final class GroupedLayout {
    private final Graph graph;
    private final SceneBuilder.Settings settings;
    private final GraphLayoutInput in;
    private final GroupTree tree;
    private final GroupSummaries summaries;
    private final HierarchicalLayout layout;
    private final Map<String, Integer> nodeOfKey = new HashMap<>();

    private GroupedLayout(Graph graph, SceneBuilder.Settings settings) {
        this.graph = graph;
        this.settings = settings;
        GraphLayoutInput.Settings inputSettings = GraphLayoutInput.Settings.defaults().withInitializers(settings.showInitializers());
        in = GraphLayoutInput.from(graph, inputSettings);
        LayoutOptions options = LayoutOptions.defaults()
                .withDirection(settings.horizontal() ? Direction.LEFT_TO_RIGHT : Direction.TOP_TO_BOTTOM);
        tree = GroupTree.build(in.groupPaths(), options.groupSplitThreshold(), readingPositions(in.graph()));
        summaries = new GroupSummaries(in, tree);
        layout = new HierarchicalLayout(in.graph(), tree, options, inputSettings.metrics(), summaries::label);
        for (int v = 0; v < in.graph().nodeCount(); v++) nodeOfKey.putIfAbsent(in.ref(v), v);
    }

    /**
     * Where each node comes when reading the model: operators in file order (ONNX requires it topological);
     * graph inputs and weights beside their first consumer and graph outputs beside their producer, rather than
     * all inputs first and all outputs last.
     */
    static int[] readingPositions(LayoutGraph g) {
        int n = g.nodeCount();
        int[] firstSucc = new int[n], lastPred = new int[n];
        java.util.Arrays.fill(firstSucc, Integer.MAX_VALUE);
        java.util.Arrays.fill(lastPred, -1);
        for (int e = 0; e < g.edgeCount(); e++) {
            firstSucc[g.source(e)] = Math.min(firstSucc[g.source(e)], g.target(e));
            lastPred[g.target(e)] = Math.max(lastPred[g.target(e)], g.source(e));
        }
        int[] pos = new int[n];
        for (int v = 0; v < n; v++) {
            if (lastPred[v] < 0 && firstSucc[v] != Integer.MAX_VALUE) pos[v] = firstSucc[v];
            else if (firstSucc[v] == Integer.MAX_VALUE && lastPred[v] >= 0) pos[v] = lastPred[v];
            else pos[v] = v;
        }
        return pos;
    }

    /** Builds the layout input and group tree (no layout yet). */
    public static GroupedLayout of(Graph graph, SceneBuilder.Settings settings) { return new GroupedLayout(graph, settings); }

    public GroupTree tree() { return tree; }

    public SceneBuilder.Settings settings() { return settings; }

    /** Lays out one expansion state and freezes it into a scene; cancellable through the monitor. */
    public GraphScene layout(boolean[] expanded, LayoutMonitor monitor) { return toScene(arrange(expanded, monitor)); }

    /** The layout step of {@link #layout} alone (benchmarks time the two steps apart). */
    public HierarchicalResult arrange(boolean[] expanded, LayoutMonitor monitor) {
        if (expanded.length != tree.groupCount()) throw new IllegalArgumentException("expansion state does not match the group tree");
        return layout.layout(expanded, monitor);
    }

    /** The scene-building step of {@link #layout} alone. */
    public GraphScene toScene(HierarchicalResult r) {
        return SceneBuilder.fromLayout(graph, in, tree, r, settings.horizontal(), summaries);
    }

    /** Interiors laid out (not taken from the cache) by the last {@link #layout} call. */
    public int lastComputedInteriors() { return layout.lastComputedInteriors(); }

    /** Control-flow groups (a node and its bodies) with more nodes than this open collapsed. */
    public static final int LARGE_BODY = 60;

    /**
     * The state a model opens in: see {@link GroupExpansion#initial}; besides, a control-flow node whose bodies
     * hold more than {@link #LARGE_BODY} nodes stays one box until opened, so a model's main flow reads first.
     */
    public boolean[] initialExpansion() {
        boolean[] e = GroupExpansion.initial(tree, GroupExpansion.DEFAULT_BUDGET);
        for (String p : in.controlFlowGroupPaths()) {
            int g = tree.groupOfPath(p);
            if (g > 0 && tree.nodeCountIn(g) > LARGE_BODY) e[g] = false;
        }
        return e;
    }

    /** A copy of {@code expanded} with the group at {@code path} opened or closed; unchanged if there is no such group. */
    public boolean[] with(boolean[] expanded, String path, boolean open) {
        boolean[] next = expanded.clone();
        int g = tree.groupOfPath(path);
        if (g > 0) next[g] = open;
        return next;
    }

    /** Whether the group at {@code path} is expanded in the state (false for unknown paths). */
    public boolean isExpanded(boolean[] expanded, String path) {
        int g = tree.groupOfPath(path);
        return g > 0 && expanded[g];
    }

    /** A copy of {@code expanded} with every group around the node drawn for {@code key} opened, so it shows. */
    public boolean[] revealing(boolean[] expanded, String key) {
        boolean[] next = expanded.clone();
        Integer v = nodeOfKey.get(key);
        if (v == null) return next;
        for (int g = tree.groupOf(v); g > 0; g = tree.parent(g)) next[g] = true;
        return next;
    }

    /** Paths of the expanded groups, to carry a state over to another layout of the same model. */
    public Set<String> expandedPaths(boolean[] expanded) {
        Set<String> out = new LinkedHashSet<>();
        for (int g = 1; g < tree.groupCount(); g++) if (expanded[g]) out.add(tree.path(g));
        return out;
    }

    /**
     * The state of another layout of this model (say with initializers shown) carried over by path: groups
     * both know keep their flag, groups only this one has start as {@code fallback} does.
     */
    public boolean[] carryOver(Set<String> expandedPaths, Set<String> knownPaths, boolean[] fallback) {
        boolean[] next = fallback.clone();
        for (int g = 1; g < tree.groupCount(); g++) {
            String p = tree.path(g);
            if (knownPaths.contains(p)) next[g] = expandedPaths.contains(p);
        }
        return next;
    }

    /** Paths of every group (excluding the root). */
    public Set<String> paths() {
        Set<String> out = new LinkedHashSet<>();
        for (int g = 1; g < tree.groupCount(); g++) out.add(tree.path(g));
        return out;
    }
}
