package org.npustudio.app.ui;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.util.Duration;
import org.npustudio.graphview.layout.GroupExpansion;
import org.npustudio.app.ui.profile.ProfilingSession;
import org.npustudio.graphview.scene.GraphScene;
import org.npustudio.graphview.scene.GroupedLayout;
import org.npustudio.graphview.scene.SceneBuilder;
import org.npustudio.graphview.ui.GroupExpander;
import org.npustudio.graphview.ui.GraphView;
import org.npustudio.graphview.ui.Workers;
import org.npustudio.partition.editor.model.RecoveryStore;
import org.npustudio.partition.editor.ui.PartitionTab;

/**
 * What the window shows for an open model: the graph view (first tab), the summary with the op
 * histogram (second tab) and the partition editor (third tab, built when first opened). Owns the layout:
 * runs it off the FX thread with a cancellable progress panel and runs it again when the view asks for
 * initializers, another flow direction or other open groups (it is the view's {@link GroupExpander}; the
 * model's {@link GroupedLayout} keeps group interiors cached). The profiler sits below the graph once
 * the model has been simulated.
 */
final class ModelWorkspace extends TabPane {
    private final LoadedModel model;
    private final GraphView view = new GraphView();
    private final javafx.scene.control.SplitPane graphArea = new javafx.scene.control.SplitPane(view);
    private ProfilingSession profiling;
    private java.util.List<org.npustudio.profiler.ui.NpuConfigPane.Preset> npuPresets = org.npustudio.app.ui.profile.NpuPresetList.bundled();
    private final PartitionTab partitions;
    private final ReadOnlyBooleanWrapper layingOut = new ReadOnlyBooleanWrapper(false);
    private final Consumer<String> status;
    private GraphLayoutTask current;
    /** What the shown scene was laid out from, and which groups are open in it. */
    private GroupedLayout grouped;
    private boolean[] expanded;

    ModelWorkspace(LoadedModel model, Consumer<String> status) {
        this.model = model;
        this.status = status;
        setId("model-workspace");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        graphArea.setOrientation(javafx.geometry.Orientation.VERTICAL);
        graphArea.setId("graph-area");
        Tab graph = new Tab("Graph", graphArea);
        graph.setId("tab-graph");
        Tab summary = new Tab("Summary");
        summary.setId("tab-summary");
        partitions = new PartitionTab(model.model(), model.file(), view, RecoveryStore.standard());
        getTabs().addAll(graph, summary, partitions);
        // The summary's charts are costly to lay out on the FX thread; build them once the graph is up
        // (or when the tab is opened first), so the graph appears sooner.
        Runnable fillSummary = () -> {
            if (summary.getContent() == null) summary.setContent(new ModelOverview(model));
        };
        summary.selectedProperty().addListener((o, was, now) -> {
            if (now) fillSummary.run();
        });
        layingOut.addListener((o, was, now) -> {
            if (!now) fillSummary.run();
        });
        view.graphProperty().set(model.model().graph());
        view.showInitializersProperty().addListener((o, was, now) -> layOut(carriedState()));
        view.horizontalProperty().addListener((o, was, now) -> layOut(carriedState()));
        view.setGroupExpander(new GroupExpander() {
            @Override
            public void setExpanded(String path, boolean open) {
                Function<GroupedLayout, boolean[]> base = carriedState();
                layOut(g -> g.with(base.apply(g), path, open));
            }

            @Override
            public void reveal(String key) {
                Function<GroupedLayout, boolean[]> base = carriedState();
                layOut(g -> g.revealing(base.apply(g), key));
            }

            @Override
            public void setAllExpanded(boolean open) {
                layOut(g -> open ? GroupExpansion.all(g.tree()) : new boolean[g.tree().groupCount()]);
            }
        });
        layOut(carriedState());
    }

    /** The open groups of the shown scene, for the layout a task ends up using (carried over by scope path). */
    private Function<GroupedLayout, boolean[]> carriedState() {
        GroupedLayout was = grouped;
        boolean[] state = expanded;
        return g -> g == was ? state.clone()
                : was == null ? g.initialExpansion()
                : g.carryOver(was.expandedPaths(state), was.paths(), g.initialExpansion());
    }

    GraphView graphView() { return view; }

    /** The profiler below the graph, created (and its first simulation started) on first use. */
    ProfilingSession profile() {
        if (profiling == null) {
            profiling = new ProfilingSession(model.model(), view, status, npuPresets);
            graphArea.getItems().add(profiling.node());
            org.npustudio.graphview.ui.SplitMemory.remember(graphArea, "graph.profiler", 0.6);
            partitions.whenCreated(this::followPlanEdits);
        }
        getSelectionModel().select(0);
        profiling.start();
        return profiling;
    }

    /**
     * Every partition edit re-simulates (live). A plan without partitions is not simulated as a plan:
     * its catch-all would move the whole model to the CPU just because the editor was opened.
     */
    private void followPlanEdits(org.npustudio.partition.editor.ui.PartitionWorkspace ws) {
        Runnable push = () -> {
            var plan = ws.session().plan();
            profiling.setPlan(plan.partitions().isEmpty() ? null : plan, model.file().toAbsolutePath().getParent());
        };
        ws.session().revisionProperty().addListener((o, was, now) -> push.run());
        push.run();
    }

    /** The NPU presets the profiler offers, first one chosen (set before its first use, e.g. to a lesson's npu.yaml). */
    void setNpuPresets(java.util.List<org.npustudio.profiler.ui.NpuConfigPane.Preset> presets) { npuPresets = java.util.List.copyOf(presets); }

    /** The profiler, or null before the first simulation. */
    ProfilingSession profiling() { return profiling; }

    /** The NPU the profiler is set to, or the first bundled preset before the model is profiled. */
    org.npustudio.npusim.config.NpuConfig currentNpu() {
        return profiling != null ? profiling.npuPane().setup().npu() : npuPresets.get(0).npu();
    }

    LoadedModel model() { return model; }

    /** The partition editor's tab (its workspace is created on first use). */
    PartitionTab partitionTab() { return partitions; }

    /** True while a layout runs. */
    ReadOnlyBooleanProperty layingOutProperty() { return layingOut.getReadOnlyProperty(); }

    /** Stops a running layout (the window is closing the model). */
    void cancel() {
        if (current != null) current.cancel();
        if (profiling != null) profiling.dispose();
        partitions.dispose();
    }

    private void layOut(Function<GroupedLayout, boolean[]> expansion) {
        if (current != null) current.cancel();
        SceneBuilder.Settings settings = new SceneBuilder.Settings(view.showInitializersProperty().get(), view.horizontalProperty().get());
        GraphLayoutTask task = new GraphLayoutTask(model.model().graph(), settings, grouped, expansion);
        current = task;
        layingOut.set(true);
        // Opening a group is usually quicker than the eye: show the progress panel only if it takes a while.
        PauseTransition patience = new PauseTransition(Duration.millis(grouped == null ? 0 : 250));
        patience.setOnFinished(e -> {
            if (task == current) view.showBusy(task.progressProperty(), task.messageProperty(), task::cancel);
        });
        patience.play();
        long t0 = System.nanoTime();
        task.setOnSucceeded(e -> {
            if (task != current) return;
            GraphLayoutTask.Result result = task.getValue();
            grouped = result.layout();
            expanded = result.expanded();
            GraphScene scene = result.scene();
            view.setGraphScene(scene);
            current = null;
            view.hideBusy();
            // Turning idle builds the summary tab: only once the graph's first frame is out, which it would delay.
            Pulses.after(2, () -> {
                if (current == null) layingOut.set(false);
            });
            status.accept(String.format("Laid out %s and %,d edges in %d ms (shown after %d ms)", SceneCounts.describe(scene),
                    scene.edgeCount(), task.millis(), (System.nanoTime() - t0) / 1_000_000));
        });
        task.setOnCancelled(e -> {
            if (task != current) return;
            done();
            status.accept("Layout cancelled");
        });
        task.setOnFailed(e -> {
            if (task != current) return;
            done();
            status.accept("Layout failed: " + ModelLoadTask.describe(task.getException()));
        });
        Workers.start(task, "graph-layout");
    }

    private void done() {
        current = null;
        view.hideBusy();
        layingOut.set(false);
    }
}
