package org.npustudio.app.ui;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Scene;
import org.npustudio.analysis.ModelSummary;
import org.npustudio.graphview.layout.LayoutMonitor;
import org.npustudio.graphview.scene.GraphScene;
import org.npustudio.graphview.scene.GroupedLayout;
import org.npustudio.graphview.scene.NodeKind;
import org.npustudio.graphview.scene.OpCategory;
import org.npustudio.graphview.scene.SceneBuilder;
import org.npustudio.graphview.ui.GraphView;
import org.npustudio.ir.Model;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.onnx.OnnxWriter;
import org.npustudio.samples.SampleLibrary;
import org.npustudio.shape.ShapeInference;

/**
 * Pays the one-time costs of opening a model once, right after the window has painted its first frames, so the user's first open is
 * as quick as later ones: the FX thread builds and draws one throw-away graph view off screen (the first
 * TableView, ListView and graph canvas cost JavaFX about half a second to set up), and a low-priority worker runs
 * the open pipeline (read, infer, summarise, lay out) on the small LeNet-5 sample built in memory, loading and
 * compiling that code (not when a model is being opened already: that load does the same). When a model is
 * opened at once, the FX part overlaps with reading it on the loader thread.
 * Failures are ignored: it only saves time.
 */
final class GraphViewWarmup {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private GraphViewWarmup() {}

    /**
     * Starts the warm-up once per process; call on the FX thread. {@code loading} says whether a model is being
     * opened by then: its own load warms the same code, so the worker would only compete with it for the cores.
     */
    static void start(java.util.function.BooleanSupplier loading) {
        if (!STARTED.compareAndSet(false, true)) return;
        // After the window's first frames: queued before them, it kept a freshly shown window white for seconds.
        Pulses.after(3, GraphViewWarmup::drawOffScreen);
        Thread worker = new Thread(() -> {
            try {
                Model m = OnnxReader.read(OnnxWriter.toBytes(SampleLibrary.build("lenet5")), "warm-up", null);
                ShapeInference.infer(m);
                ModelSummary.of(m);
                GroupedLayout grouped = GroupedLayout.of(m.graph(), SceneBuilder.Settings.defaults());
                grouped.layout(grouped.initialExpansion(), LayoutMonitor.none());
            } catch (Exception | LinkageError ignored) {
                // Only a head start; opening a model reports its own errors.
            }
        }, "graph-view-warm-up");
        worker.setDaemon(true);
        worker.setPriority(Thread.MIN_PRIORITY);
        // Not during the first frame either: the first render is JavaFX's slowest and shares the cores.
        Pulses.after(2, () -> {
            if (!loading.getAsBoolean()) worker.start();
        });
    }

    /** A graph view with two nodes and an edge, styled, laid out and drawn in a scene nobody shows. */
    private static void drawOffScreen() {
        GraphScene.Builder b = GraphScene.builder();
        int a = b.addNode("a", NodeKind.OPERATOR, 0, 0, 90, 40, "Conv", List.of("1×8×8×8"), OpCategory.CONV);
        int c = b.addNode("b", NodeKind.OPERATOR, 0, 80, 90, 40, "Relu", List.of("1×8×8×8"), OpCategory.ACTIVATION);
        b.addEdge(a, c, null, "t", "1×8×8×8");
        GraphView view = new GraphView();
        new Scene(view, 800, 600);
        view.setGraphScene(b.build());
        view.applyCss();
        view.layout();
    }
}
