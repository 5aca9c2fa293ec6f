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

    private volatile long millis = -1;

    @Override
    protected GraphScene call() {
        long t0 = System.nanoTime();
        GraphScene scene = SceneBuilder.build(graph, settings, monitor);
        millis = (System.nanoTime() - t0) / 1_000_000;
        return scene;
    }

    /** Time the layout itself took (without waiting for the FX thread), or -1 before it finished. */
    long millis() { return millis; }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        monitor.cancel();
        return super.cancel(mayInterruptIfRunning);
    }
}
