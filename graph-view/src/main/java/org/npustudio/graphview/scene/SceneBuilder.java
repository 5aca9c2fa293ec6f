package org.npustudio.graphview.scene;

import java.util.ArrayList;
import java.util.List;
import org.npustudio.graphview.layout.GraphLayoutInput;
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
        return StableSceneBuilder.build(graph, settings, monitor, null, null).scene();
    }

    /** Converts a finished layout; nodes and edges hidden inside collapsed groups are left out. */
    public static GraphScene fromLayout(Graph graph, GraphLayoutInput in, GroupTree tree, HierarchicalResult r, boolean horizontal) {
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
        for (int e = 0; e < in.graph().edgeCount(); e++) {
            double[] pts = r.edgePoints(e);
            int s = sceneIndex[in.graph().source(e)], t = sceneIndex[in.graph().target(e)];
            if (pts == null || s < 0 || t < 0) continue;
            String value = valueOf(graph, in, e);
            b.addEdge(s, t, pts, value, value == null ? null : NodeLabel.shapeText(graph, value));
        }
        for (int g = 1; g < tree.groupCount(); g++) {
            if (!r.isGroupVisible(g)) continue;
            b.addGroup(new SceneGroup(path(tree, g), tree.name(g), tree.depth(g), r.groupX(g), r.groupY(g),
                    r.groupWidth(g), r.groupHeight(g), tree.nodeCountIn(g)));
        }
        return b.build();
    }

    /** The tensor an edge carries: the producer's output selected by the edge's bundle, or the input/initializer name. */
    private static String valueOf(Graph graph, GraphLayoutInput in, int e) {
        int src = in.graph().source(e);
        if (in.kind(src) != GraphLayoutInput.Kind.OPERATOR) return in.ref(src);
        Node p = graph.nodeById(in.ref(src));
        int out = in.graph().bundle(e);
        return p != null && out >= 0 && out < p.outputs().size() ? p.outputs().get(out) : null;
    }

    private static String path(GroupTree tree, int g) {
        List<String> parts = new ArrayList<>();
        for (int a = g; a > 0; a = tree.parent(a)) parts.add(0, tree.name(a));
        return String.join("/", parts);
    }
}
