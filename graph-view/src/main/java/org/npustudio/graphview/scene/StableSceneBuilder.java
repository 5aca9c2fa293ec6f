package org.npustudio.graphview.scene;

import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.npustudio.graphview.layout.Direction;
import org.npustudio.graphview.layout.GraphLayoutInput;
import org.npustudio.graphview.layout.GroupTree;
import org.npustudio.graphview.layout.HierarchicalLayout;
import org.npustudio.graphview.layout.HierarchicalResult;
import org.npustudio.graphview.layout.LayoutGraph;
import org.npustudio.graphview.layout.LayoutMonitor;
import org.npustudio.graphview.layout.LayoutOptions;
import org.npustudio.ir.Graph;

/**
 * {@link SceneBuilder}'s grouped layout, optionally kept close to an earlier one: nodes that exist in
 * both (same layout key, i.e. same stable id) keep their positions, so consecutive pipeline snapshots
 * look alike and a before/after pair lines up. Headless; runs off the FX thread.
 */
public final class StableSceneBuilder {
    private StableSceneBuilder() {}

    /**
     * @param previous      the layout to stay close to, or null for a fresh layout
     * @param keyToPrevious maps this graph's layout keys ("op:" + node id, "in:"/"out:"/"init:" + value)
     *                      to the previous graph's when they differ (two models whose nodes were matched);
     *                      null when keys are comparable as they are (snapshots of one pipeline)
     */
    public static LaidOutScene build(Graph graph, SceneBuilder.Settings settings, LayoutMonitor monitor,
                                     LaidOutScene previous, UnaryOperator<String> keyToPrevious) {
        GraphLayoutInput in = GraphLayoutInput.from(graph, GraphLayoutInput.Settings.defaults().withInitializers(settings.showInitializers()));
        LayoutOptions options = LayoutOptions.defaults()
                .withDirection(settings.horizontal() ? Direction.LEFT_TO_RIGHT : Direction.TOP_TO_BOTTOM);
        // The same tree and group labels as the IDE's grouped view (GroupedLayout), all groups open.
        GroupTree tree = GroupTree.build(in.groupPaths(), options.groupSplitThreshold(), GroupedLayout.readingPositions(in.graph()));
        GroupSummaries summaries = new GroupSummaries(in, tree);
        LayoutGraph keyed = keyToPrevious == null || previous == null ? in.graph() : rekeyed(in.graph(), keyToPrevious);
        HierarchicalLayout layout = new HierarchicalLayout(keyed, tree, options, GraphLayoutInput.Settings.defaults().metrics(), summaries::label);
        boolean[] expanded = new boolean[tree.groupCount()];
        Arrays.fill(expanded, true);
        HierarchicalResult result = layout.layout(expanded, monitor, previous == null ? null : previous.layout());
        return new LaidOutScene(SceneBuilder.fromLayout(graph, in, tree, result, settings.horizontal(), summaries), layout);
    }

    /** The same graph with each key replaced by what {@code map} says (null keeps it). */
    static LayoutGraph rekeyed(LayoutGraph g, UnaryOperator<String> map) {
        LayoutGraph.Builder b = LayoutGraph.builder();
        for (int v = 0; v < g.nodeCount(); v++) {
            String k = g.key(v), mapped = k == null ? null : map.apply(k);
            b.addNode(g.width(v), g.height(v), mapped == null ? k : mapped);
            if (g.hasPins()) b.pin(v, g.pin(v));
        }
        for (int e = 0; e < g.edgeCount(); e++) b.addEdge(g.source(e), g.target(e), g.bundle(e));
        return b.build();
    }
}
