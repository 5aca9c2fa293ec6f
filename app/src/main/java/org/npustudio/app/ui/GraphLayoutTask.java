package org.npustudio.app.ui;

import java.util.function.Function;
import javafx.concurrent.Task;
import org.npustudio.graphview.layout.LayoutMonitor;
import org.npustudio.graphview.scene.GraphScene;
import org.npustudio.graphview.scene.GroupedLayout;
import org.npustudio.graphview.scene.SceneBuilder;
import org.npustudio.ir.Graph;

/**
 * Lays a graph out on a worker thread; cancelling the task cancels the layout at its next check. Reuses the
 * model's {@link GroupedLayout} (and so its cache of group interiors) when the settings are the same, else
 * prepares a new one; the expansion state to draw is computed for whichever it uses.
 */
final class GraphLayoutTask extends Task<GraphLayoutTask.Result> {
    /** The prepared model, the expansion state drawn and the scene. */
    record Result(GroupedLayout layout, boolean[] expanded, GraphScene scene) {}

    private final Graph graph;
    private final SceneBuilder.Settings settings;
    private final GroupedLayout reuse;
    private final Function<GroupedLayout, boolean[]> expansion;
    private final LayoutMonitor monitor;
    private volatile long millis = -1;

    GraphLayoutTask(Graph graph, SceneBuilder.Settings settings, GroupedLayout reuse, Function<GroupedLayout, boolean[]> expansion) {
        this.graph = graph;
        this.settings = settings;
        this.reuse = reuse;
        this.expansion = expansion;
        this.monitor = new LayoutMonitor((phase, fraction) -> {
            updateMessage("Laying out " + graph.nodes().size() + " nodes: " + phase + "…");
            updateProgress(fraction, 1);
        });
        updateMessage("Laying out " + graph.nodes().size() + " nodes…");
        updateTitle("Laying out the graph");
    }

    @Override
    protected Result call() {
        long t0 = System.nanoTime();
        GroupedLayout layout = reuse != null && reuse.settings().equals(settings) ? reuse : GroupedLayout.of(graph, settings);
        boolean[] expanded = expansion.apply(layout);
        GraphScene scene = layout.layout(expanded, monitor);
        millis = (System.nanoTime() - t0) / 1_000_000;
        return new Result(layout, expanded, scene);
    }

    /** Time the layout itself took (without waiting for the FX thread), or -1 before it finished. */
    long millis() { return millis; }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        monitor.cancel();
        return super.cancel(mayInterruptIfRunning);
    }
}
