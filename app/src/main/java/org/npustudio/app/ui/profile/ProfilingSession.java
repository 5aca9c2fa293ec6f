package org.npustudio.app.ui.profile;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.npustudio.graphview.scene.Overlay;
import org.npustudio.graphview.ui.GraphView;
import org.npustudio.host.HostProfile;
import org.npustudio.ir.Model;
import org.npustudio.npusim.config.Device;
import org.npustudio.npusim.sim.CompiledGraphs;
import org.npustudio.npusim.sim.SimulationResult;
import org.npustudio.npusim.sim.SimulationService;
import org.npustudio.passes.Pipeline;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.plan.Plan;
import org.npustudio.profiler.data.Profile;
import org.npustudio.profiler.data.Roof;
import org.npustudio.profiler.ui.NpuConfigPane;
import org.npustudio.profiler.ui.ProfilerPanel;

/**
 * The profiler attached to one open model's graph view: the NPU pane and the profiler panel below the
 * graph. Any change of the NPU setup or of the partition plan re-simulates off the FX thread (debounced)
 * and the graph's overlay follows; selecting a table row selects and centres its node, and selecting a
 * node on the graph selects its row. *Measure host costs* ({@link HostMeasureAction}) measures the model
 * in ONNX Runtime off the FX thread; from then on CPU nodes take their measured times ("measured" in the
 * table's Cost column) until the model is closed.
 * As compiled (the NPU pane's choice), the default pass pipeline's output
 * is costed and told on the opened nodes; the compiled graph is cached per (model state, pipeline as targeted,
 * plan regions), so an NPU edit re-simulates without recompiling.
 */
public final class ProfilingSession {
    private final Model model;
    private final GraphView view;
    private final NpuConfigPane npu;
    private final ProfilerPanel panel;
    private final BorderPane node = new BorderPane();
    private final CompiledGraphs compiled = new CompiledGraphs();
    private final javafx.beans.property.ReadOnlyDoubleWrapper onScreenMillis = new javafx.beans.property.ReadOnlyDoubleWrapper(Double.NaN);
    private long awaitingFrameSince;
    private Plan plan;
    private Path planDir;
    private boolean started;
    private HostProfile host;

    public ProfilingSession(Model model, GraphView view, Consumer<String> status) {
        this(model, view, status, NpuPresetList.bundled());
    }

    /** With these NPU presets, the first one chosen (e.g. a lesson workspace's npu.yaml before the bundled ones). */
    public ProfilingSession(Model model, GraphView view, Consumer<String> status, List<NpuConfigPane.Preset> presets) {
        this.model = model;
        this.view = view;
        this.npu = new NpuConfigPane(presets);
        this.panel = new ProfilerPanel(this::revealFromTable);
        node.setId("profiling-session");
        Label title = new Label("Profile on NPU");
        title.getStyleClass().add("section-title");
        HostMeasureAction measure = new HostMeasureAction(model, this::useHostProfile);
        HBox titleRow = new HBox(12, title, measure.node());
        titleRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox top = new VBox(2, titleRow, npu);
        top.setPadding(new Insets(4, 4, 0, 4));
        node.setTop(top);
        node.setCenter(panel);
        npu.setupProperty().addListener((o, was, now) -> {
            if (started) simulate();
        });
        panel.overlayProperty().addListener((o, was, now) -> view.overlayProperty().set(now == null ? Overlay.NONE : now));
        view.selectionProperty().addListener((o, was, now) -> {
            if (now != null) panel.selectNode(now);
        });
        panel.profileProperty().addListener((o, was, now) -> {
            if (now != null) status.accept(summary(now));
        });
        // The refresh is complete when the graph has drawn a frame with the new overlay: time that frame.
        panel.liveSimulation().lastRefreshMillisProperty().addListener((o, was, now) -> awaitingFrameSince = panel.liveSimulation().lastRequestedAt());
        view.canvas().addFrameListener(() -> {
            if (awaitingFrameSince == 0) return;
            onScreenMillis.set((System.nanoTime() - awaitingFrameSince) / 1e6);
            awaitingFrameSince = 0;
        });
    }

    /** The view to put below the graph. */
    public BorderPane node() { return node; }

    public ProfilerPanel panel() { return panel; }

    public NpuConfigPane npuPane() { return npu; }

    /**
     * Milliseconds from the last edit (NPU or plan) to the graph's first frame drawn with its overlay:
     * the end-to-end live-refresh figure (simulation, FX-thread updates and the repaint).
     */
    public javafx.beans.property.ReadOnlyDoubleProperty onScreenMillisProperty() { return onScreenMillis.getReadOnlyProperty(); }

    /** Runs the first simulation; later ones follow edits by themselves. */
    public void start() {
        started = true;
        simulate();
    }

    /** The partition plan to simulate with (null: everything on the NPU, fallbacks on the host CPU); re-simulates. */
    public void setPlan(Plan p, Path dir) {
        // An edit that leaves the plan as it was (e.g. the empty plan pushed when the editor opens) runs nothing.
        if (java.util.Objects.equals(p, plan) && java.util.Objects.equals(dir, planDir)) return;
        plan = p;
        planDir = dir;
        if (started) simulate();
    }

    /** CPU nodes take their times from {@code p} (null: the roofline again); re-simulates. */
    public void useHostProfile(HostProfile p) {
        host = p;
        if (started) simulate();
    }

    /** Stops the worker (the model is being closed). */
    public void dispose() {
        panel.liveSimulation().shutdown();
        compiled.clear();
    }

    private void simulate() {
        NpuConfigPane.Setup s = npu.setup();
        NpuConfig c = s.npu();
        Plan p = plan;
        Path dir = planDir;
        HostProfile h = host;
        panel.simulate(() -> profile(model, c, p, dir, s, compiled, h), new Roof(c.name(), c.peakMacsPerSecond(), c.dramBytesPerSecond()));
    }

    /** One simulation as the setup asks (as written, or as compiled through {@code cache}); also the live benchmark's. */
    public static Profile profile(Model model, NpuConfig c, Plan p, Path dir, NpuConfigPane.Setup s, CompiledGraphs cache) throws Exception {
        return profile(model, c, p, dir, s, cache, null);
    }

    /**
     * As above with a host profile measured in this session ({@code h}, may be null): CPU nodes as written take
     * its times; as compiled they are modelled (the profile times the opened graph's nodes).
     */
    public static Profile profile(Model model, NpuConfig c, Plan p, Path dir, NpuConfigPane.Setup s, CompiledGraphs cache, HostProfile h)
            throws Exception {
        SimulationService.Options o = new SimulationService.Options(s.fusion(), Map.of());
        // the profile was measured on this very model in this session, so no hash check is needed (null ref)
        if (h != null) o = o.withHost(h, null);
        SimulationResult r = s.costing() == NpuConfigPane.Costing.AS_COMPILED
                ? SimulationService.simulateCompiled(model, model.displayName(), Pipeline.defaultPipeline(), Device.of(c), p, dir, s.fusion(),
                        "plan", List.of(), Map.of(), cache)
                : SimulationService.simulate(model.graph(), c, p, dir, o);
        return Profile.of(r, model, p);
    }

    /** The compiled graphs this session reuses across NPU edits. */
    public CompiledGraphs compiledGraphs() { return compiled; }

    private void revealFromTable(String nodeId) {
        if (view.getGraphScene() != null && view.getGraphScene().indexOf(nodeId) >= 0) view.reveal(nodeId);
    }

    private static String summary(Profile p) {
        List<String> w = p.run().warnings();
        return "Simulated " + p.nodes().size() + " ops" + (p.asCompiled() ? " as compiled" : "") + " · end-to-end " + (p.notCosted() > 0 ? "≥ " : "")
                + org.npustudio.profiler.data.Metric.LATENCY.format(p.makespanMicros())
                + (p.notCosted() > 0 ? " · " + p.notCostedSummary() + " (shown grey, ?)" : "")
                + (w.isEmpty() ? "" : " · " + w.size() + " warning" + (w.size() == 1 ? "" : "s") + " (see the profiler panel)");
    }
}
