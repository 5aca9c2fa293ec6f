package org.npustudio.profiler.ui;

import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.npustudio.graphview.scene.Overlay;
import org.npustudio.profiler.chart.ChartDrawing;
import org.npustudio.profiler.data.Comparison;
import org.npustudio.profiler.data.Metric;
import org.npustudio.profiler.data.Profile;
import org.npustudio.profiler.data.ProfileOverlay;
import org.npustudio.profiler.data.Roof;

/**
 * The profiler beside the graph: choose a metric (linear or log colouring), read the per-node table and
 * the charts, pin a run as baseline and switch the overlay to the delta against it. The overlay is
 * published as a property for the graph view; switching metric recolours without a new layout.
 * Simulations run through {@link LiveSimulation} (off the FX thread, debounced).
 */
public final class ProfilerPanel extends BorderPane {
    /** Searchable: a dozen metrics; typing "dram" finds both DRAM ones. */
    private final ComboBox<Metric> metric = new org.controlsfx.control.SearchableComboBox<>();
    private final ComboBox<ProfileOverlay.Colouring> colouring = new ComboBox<>();
    private final CheckBox delta = new CheckBox("delta vs baseline");
    private final Button pin = new Button("Pin as baseline");
    private final Label status = new Label("No simulation yet.");
    private final ProgressIndicator busy = new ProgressIndicator();
    private final ListView<String> movers = new ListView<>();
    private final javafx.scene.control.TitledPane notes = new javafx.scene.control.TitledPane();
    private final ListView<String> noteList = new ListView<>();
    private final MetricsTable table;
    private final ProfilerCharts charts = new ProfilerCharts();
    private final ObjectProperty<Overlay> overlay = new SimpleObjectProperty<>(Overlay.NONE);
    private final ReadOnlyObjectWrapper<Profile> profile = new ReadOnlyObjectWrapper<>();
    private final LiveSimulation live;
    private Profile baseline;
    private Roof roof;
    /** Two lines of a list above the tabs, and the tab strip with a header and a few table rows. */
    private static final double LIST_MIN = 48;
    private static final double TABS_MIN = 140;

    public ProfilerPanel(Consumer<String> onSelectNode) {
        setId("profiler-panel");
        table = new MetricsTable(onSelectNode);
        charts.setOnSelectNode(onSelectNode);
        live = new LiveSimulation(this::show, msg -> status.setText("Simulation failed: " + msg));
        metric.getItems().setAll(Metric.values());
        metric.setValue(Metric.LATENCY);
        metric.setId("metric-choice");
        colouring.getItems().setAll(ProfileOverlay.Colouring.values());
        colouring.setValue(ProfileOverlay.Colouring.LINEAR);
        colouring.setId("metric-colouring");
        colouring.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ProfileOverlay.Colouring c) {
                return c == null ? "" : switch (c) {
                    case LINEAR -> "linear gradient";
                    case LOG -> "log gradient";
                    case THRESHOLDS -> "quantile thresholds";
                };
            }

            @Override
            public ProfileOverlay.Colouring fromString(String s) { return null; }
        });
        delta.setId("show-delta");
        pin.setId("pin-baseline");
        busy.setMaxSize(18, 18);
        busy.visibleProperty().bind(live.busyProperty());
        live.lastRefreshMillisProperty().addListener((o, was, now) -> showStatus()); // set just after the result is shown
        status.setId("profiler-status");
        metric.valueProperty().addListener(o -> recolour());
        colouring.valueProperty().addListener(o -> recolour());
        delta.selectedProperty().addListener(o -> recolour());
        delta.setDisable(true);
        pin.setOnAction(e -> pinBaseline());
        movers.setId("movers");
        movers.setPrefHeight(120);
        HBox controls = new HBox(8, new Label("Colour by"), metric, colouring, pin, delta, busy, status);
        controls.setPadding(new Insets(4));
        controls.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        // The table and the charts share one tab strip, so each gets the whole height below the graph.
        javafx.scene.control.Tab ops = new javafx.scene.control.Tab("Ops table", table);
        ops.setId("tab-ops");
        charts.getTabs().add(0, ops);
        charts.getSelectionModel().select(ops);
        metric.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Metric m) { return m == null ? "" : m.label(); }

            @Override
            public Metric fromString(String s) { return Metric.parse(s); }
        });
        notes.setId("profiler-notes");
        notes.setContent(noteList);
        notes.setExpanded(false);
        noteList.setPrefHeight(110);
        // The lists above the tabs give way before the tabs do: in a BorderPane's top they took their full
        // height first, and an expanded warnings list left the ops table none. Here every child shrinks
        // towards its minimum, and the tabs' minimum keeps a few table rows.
        noteList.setMinHeight(LIST_MIN);
        movers.setMinHeight(LIST_MIN);
        charts.setMinHeight(TABS_MIN);
        VBox.setVgrow(charts, javafx.scene.layout.Priority.ALWAYS);
        setTop(controls);
        setCenter(new VBox(movers, notes, charts));
        notes.setVisible(false);
        notes.setManaged(false);
        movers.setVisible(false);
        movers.setManaged(false);
    }

    /** Simulates with {@code simulation} (debounced, off the FX thread) and shows the result. */
    public void simulate(Callable<Profile> simulation, Roof npuRoof) {
        roof = npuRoof;
        // The overlay is built on the FX thread when the result is shown: building it on the worker as well
        // measured slower end to end (median 52-57 ms vs 40-46 ms per partition edit on MobileNetV2), the
        // worker then competes with the FX thread's layout pass for the two cores.
        live.request(simulation);
    }

    /** Shows a finished profile (the live simulation calls this on the FX thread). */
    public void show(Profile p) {
        profile.set(p);
        table.show(p);
        if (roof != null) charts.show(p, roof);
        showStatus();
        showNotes(p);
        recolour();
    }

    private void showStatus() {
        Profile p = profile.get();
        if (p == null) return;
        double ms = live.lastRefreshMillisProperty().get();
        // with ops not costed the latency is a lower bound, as in the table's totals and the window's status line
        status.setText(p.model() + (p.asCompiled() ? " as compiled" : "") + " · " + p.nodes().size() + " ops · end-to-end " + (p.notCosted() > 0 ? "≥ " : "")
                + Metric.LATENCY.format(p.makespanMicros())
                + (Double.isNaN(ms) ? "" : " · refreshed in " + Math.round(ms) + " ms"));
    }

    /** Simulator warnings and the nodes drawn neutral because they have no result, so none goes unnoticed. */
    private void showNotes(Profile p) {
        noteList.getItems().setAll(p.run().warnings());
        for (String id : p.nodesWithoutResults()) noteList.getItems().add("no result (drawn neutral): " + id);
        int n = noteList.getItems().size();
        notes.setText(n + " warning" + (n == 1 ? "" : "s") + " and nodes without results");
        notes.setVisible(n > 0);
        notes.setManaged(n > 0);
    }

    public void selectNode(String nodeId) {
        table.select(nodeId);
        charts.selectNode(nodeId);
    }

    private void pinBaseline() {
        if (profile.get() == null) return;
        baseline = profile.get();
        delta.setDisable(false);
        status.setText("Baseline pinned: " + Metric.LATENCY.format(baseline.makespanMicros()) + " end-to-end.");
    }

    private void recolour() {
        Profile p = profile.get();
        if (p == null) return;
        Metric m = metric.getValue();
        if (delta.isSelected() && baseline != null) {
            Comparison c = new Comparison(baseline, p, m);
            overlay.set(c.overlay());
            movers.getItems().setAll(c.top(10).stream().map(x -> String.format(Locale.ROOT, "%-40s %-14s %s → %s (%s)",
                    x.name(), x.opType(), m.format(x.baseline()), m.format(x.current()), m.format(x.delta()))).toList());
            movers.getItems().add(0, String.format(Locale.ROOT, "end-to-end speed-up vs baseline: %.3fx", c.speedup()));
            movers.setVisible(true);
            movers.setManaged(true);
        } else {
            overlay.set(ProfileOverlay.of(p, m, colouring.getValue()).overlay());
            movers.setVisible(false);
            movers.setManaged(false);
        }
    }

    /** The overlay the graph view should draw. */
    public ObjectProperty<Overlay> overlayProperty() { return overlay; }

    /** Chooses how values become colours (gradient, log gradient or quantile thresholds). */
    public void setColouring(ProfileOverlay.Colouring c) { colouring.setValue(c); }

    /** The metric the overlay shows. */
    public Metric metric() { return metric.getValue(); }

    /** The NPU's roofs of the last simulation request, or null. */
    public Roof roof() { return roof; }

    public ReadOnlyObjectProperty<Profile> profileProperty() { return profile.getReadOnlyProperty(); }

    public LiveSimulation liveSimulation() { return live; }

    public MetricsTable table() { return table; }

    ProfilerCharts charts() { return charts; }

    /** The chart showing, at its on-screen size, for export; null while the ops table shows or before a simulation. */
    public ChartDrawing shownChart() { return charts.shownChart(); }

    /** The title of the tab showing ("Ops table", "Op types", "Roofline", "Timeline", "Fusion"). */
    public String shownTab() {
        javafx.scene.control.Tab t = charts.getSelectionModel().getSelectedItem();
        return t == null ? "" : t.getText();
    }

    /** Shows the tab with this title ("Ops table", "Op types" or "Op_types", "Roofline", "Timeline", "Fusion"); false if none has it. */
    public boolean selectTab(String title) {
        for (javafx.scene.control.Tab t : charts.getTabs()) {
            if (t.getText().equalsIgnoreCase(title.replace('_', ' '))) {
                charts.getSelectionModel().select(t);
                return true;
            }
        }
        return false;
    }
}
