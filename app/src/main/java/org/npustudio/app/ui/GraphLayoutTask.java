package org.npustudio.app.ui;

import javafx.concurrent.Task;
import org.npustudio.graphview.layout.LayoutMonitor;
import org.npustudio.graphview.scene.GraphScene;
import org.npustudio.graphview.scene.SceneBuilder;
import org.npustudio.ir.Graph;

/** Lays a graph out on a worker thread; cancelling the task cancels the layout at its next check. */
final class GraphLayoutTask extends Task<GraphScene> {
    private final Graph graph;
    private final SceneBuilder.Settings settings;
    private final LayoutMonitor monitor;

    GraphLayoutTask(Graph graph, SceneBuilder.Settings settings) {
        this.graph = graph;
        this.settings = settings;
        this.monitor = new LayoutMonitor((phase, fraction) -> {
            updateMessage("Laying out " + graph.nodes().size() + " nodes: " + phase + "…");
            updateProgress(fraction, 1);
        });
        updateMessage("Laying out " + graph.nodes().size() + " nodes…");
    }

    @Override
    protected GraphScene call() {
        return SceneBuilder.build(graph, settings, monitor);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        monitor.cancel();
        return super.cancel(mayInterruptIfRunning);
    }
}
