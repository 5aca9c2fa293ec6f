package org.npustudio.graphview.scene;

import java.util.HashSet;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;
import org.npustudio.graphview.layout.GraphLayoutInput;
import org.npustudio.graphview.layout.GroupExpansion;
import org.npustudio.graphview.layout.GroupTree;
import org.npustudio.graphview.layout.HierarchicalResult;
import org.npustudio.graphview.layout.LayoutMonitor;
import org.npustudio.graphview.layout.NodeLabel;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;

/**
 * IR graph → layout input → grouped layered layout → {@link GraphScene}. Everything the view and the
 * exporters draw comes through here; it runs off the FX thread (layouts of big graphs take a while) and
 * honours the monitor's cancellation.
 */
public final class SceneBuilder {
    private SceneBuilder() {}

    /** What to lay out: initializers as nodes or not, and the flow direction. */
    public record Settings(boolean showInitializers, boolean horizontal) {
        public static Settings defaults() { return new Settings(false, false); }
    }

    /** Lays out the whole graph with every name-scope group open (groups drawn as frames). */
    public static GraphScene build(Graph graph, Settings settings, LayoutMonitor monitor) {
        GroupedLayout grouped = GroupedLayout.of(graph, settings);
        return grouped.layout(GroupExpansion.all(grouped.tree()), monitor);
    }

    /**
     * Converts a finished layout. Nodes inside a collapsed group are left out and the group is one node of kind
     * {@link NodeKind#GROUP}; edges inside it are left out, and edges crossing its border attach to it (several
     * edges carrying one tensor between the same two boxes become one).
     *
     * @param summaries what each collapsed group says and stands for
     */
    static GraphScene fromLayout(Graph graph, GraphLayoutInput in, GroupTree tree, HierarchicalResult r, boolean horizontal,
                                 GroupSummaries summaries) {
        GraphScene.Builder b = GraphScene.builder().horizontal(horizontal);
        int n = in.graph().nodeCount();
        int[] sceneIndex = new int[n];
        for (int v = 0; v < n; v++) {
            sceneIndex[v] = -1;
            if (!r.isNodeVisible(v)) continue;
            NodeLabel label = in.label(v);
            NodeKind kind = NodeKind.valueOf(in.kind(v).name());
            OpCategory cat = kind == NodeKind.OPERATOR ? OpCategory.of(label.title()) : OpCategory.INPUT_OUTPUT;
            sceneIndex[v] = b.addNode(in.ref(v), kind, r.nodeX(v), r.nodeY(v), r.nodeWidth(v), r.nodeHeight(v),
                    label.title(), label.lines(), cat);
        }
        int[] groupIndex = new int[tree.groupCount()];
        java.util.Arrays.fill(groupIndex, -1);
        for (int g = 1; g < tree.groupCount(); g++) {
            if (!r.isGroupVisible(g)) continue;
            if (r.isGroupExpanded(g)) {
                b.addGroup(new SceneGroup(tree.path(g), tree.name(g), tree.depth(g), r.groupX(g), r.groupY(g),
                        r.groupWidth(g), r.groupHeight(g), tree.nodeCountIn(g)));
            } else {
                NodeLabel label = summaries.label(g);
                groupIndex[g] = b.addNode(SceneGroup.keyOf(tree.path(g)), NodeKind.GROUP, r.groupX(g), r.groupY(g),
                        r.groupWidth(g), r.groupHeight(g), label.title(), label.lines(), OpCategory.OTHER, summaries.content(g));
            }
        }
        Set<String> joined = new HashSet<>();
        for (int e = 0; e < in.graph().edgeCount(); e++) {
            double[] pts = r.edgePoints(e);
            if (pts == null) continue;
            int u = in.graph().source(e), v = in.graph().target(e);
            int gu = collapsedAround(tree, r, u), gv = collapsedAround(tree, r, v);
            int s = gu > 0 ? groupIndex[gu] : sceneIndex[u], t = gv > 0 ? groupIndex[gv] : sceneIndex[v];
            if (s < 0 || t < 0) continue;
            String value = valueOf(graph, in, e);
            if ((gu > 0 || gv > 0) && !joined.add(s + "\u0000" + t + "\u0000" + value)) continue;
            b.addEdge(s, t, pts, value, value == null ? null : NodeLabel.shapeText(graph, value));
        }
        return b.build();
    }

    /** The outermost collapsed group drawn in place of a node, or 0 when the node is drawn itself. */
    private static int collapsedAround(GroupTree tree, HierarchicalResult r, int node) {
        int rep = 0;
        for (int g = tree.groupOf(node); g > 0; g = tree.parent(g)) if (r.isGroupVisible(g) && !r.isGroupExpanded(g)) rep = g;
        return rep;
    }

    /** The tensor an edge carries: the producer's output selected by the edge's bundle, or the input/initializer name. */
    private static String valueOf(Graph graph, GraphLayoutInput in, int e) {
        int src = in.graph().source(e);
        if (in.kind(src) != GraphLayoutInput.Kind.OPERATOR) return in.ref(src);
        Node p = in.node(src) != null ? in.node(src) : graph.nodeById(in.ref(src));
        int out = in.graph().bundle(e);
        return p != null && out >= 0 && out < p.outputs().size() ? p.outputs().get(out) : null;
    }

}
