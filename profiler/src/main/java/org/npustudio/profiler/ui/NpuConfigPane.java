package org.npustudio.profiler.ui;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.npustudio.npusim.Dataflow;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.config.SramConfig;
import org.npustudio.npusim.fusion.FusionMode;
import org.npustudio.plan.Precision;

/**
 * The NPU being simulated, editable in place: start from a preset, then change the array, clock, SRAM,
 * DRAM bandwidth, dataflow, precision and fusion, and whether the graph is costed as written or as the
 * compiler would run it. Every change publishes a new {@link Setup}; the owner re-simulates (debounced by
 * {@link LiveSimulation}), so the overlay follows the edit.
 */
public final class NpuConfigPane extends FlowPane {
    /**
     * What to simulate on: the edited NPU (its default precision is the chosen one), the fusion mode and which
     * graph is costed.
     */
    public record Setup(NpuConfig npu, FusionMode fusion, Costing costing) {
        public Setup(NpuConfig npu, FusionMode fusion) { this(npu, fusion, Costing.AS_WRITTEN); }
    }

    /**
     * Which graph is costed: the opened one, node for node, or what the default pass pipeline compiles it to
     * (BatchNormalization folded, activations fused), told on the opened nodes. As written comes first
     * (docs/decisions/0013-cost-as-written-by-default.md).
     */
    public enum Costing {
        AS_WRITTEN("as written"), AS_COMPILED("as compiled");

        private final String label;

        Costing(String label) { this.label = label; }

        @Override
        public String toString() { return label; }
    }

    /** A preset the user can start from. */
    public record Preset(String label, NpuConfig npu) {
        @Override
        public String toString() { return label; }
    }

    /** Searchable: the bundled presets plus sweep points and lesson NPUs make a long list. */
    private final ComboBox<Preset> preset = new org.controlsfx.control.SearchableComboBox<>();
    private final Spinner<Integer> rows = intSpinner(1, 1024, "npu-rows");
    private final Spinner<Integer> cols = intSpinner(1, 1024, "npu-cols");
    private final Spinner<Integer> clock = intSpinner(1, 5000, "npu-clock");
    private final Spinner<Integer> activationKb = intSpinner(1, 1 << 20, "npu-act-sram");
    private final Spinner<Integer> weightKb = intSpinner(1, 1 << 20, "npu-weight-sram");
    private final Spinner<Double> dramGbps = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(0.1, 10_000, 25.6, 1));
    private final ComboBox<Dataflow> dataflow = new ComboBox<>();
    private final ComboBox<Precision> precision = new ComboBox<>();
    private final ComboBox<FusionMode> fusion = new ComboBox<>();
    private final ComboBox<Costing> costing = new ComboBox<>();
    private final ReadOnlyObjectWrapper<Setup> setup = new ReadOnlyObjectWrapper<>();
    private boolean loading;

    public NpuConfigPane(List<Preset> presets) {
        super(10, 4);
        if (presets.isEmpty()) throw new IllegalArgumentException("no NPU presets");
        setId("npu-config");
        setPadding(new Insets(4));
        setAlignment(Pos.CENTER_LEFT);
        preset.getItems().setAll(presets);
        preset.setId("npu-preset");
        dramGbps.setId("npu-dram");
        dramGbps.setEditable(true);
        dramGbps.getEditor().setPrefColumnCount(5);
        dataflow.getItems().setAll(Dataflow.values());
        dataflow.setId("npu-dataflow");
        precision.setId("npu-precision");
        precision.setConverter(new StringConverter<>() {
            @Override
            public String toString(Precision p) { return p == null ? "" : p.key(); }

            @Override
            public Precision fromString(String s) { return Precision.parse(s); }
        });
        dataflow.setConverter(lowerCase());
        fusion.getItems().setAll(FusionMode.NONE, FusionMode.AUTO);
        fusion.setValue(FusionMode.NONE);
        fusion.setId("npu-fusion");
        fusion.setTooltip(new Tooltip("auto: fuse producer-consumer chains so intermediates stay in SRAM"));
        fusion.setConverter(lowerCase());
        costing.getItems().setAll(Costing.values());
        costing.setValue(Costing.AS_WRITTEN);
        costing.setId("npu-costing");
        costing.setTooltip(new Tooltip("as compiled: cost what the default pass pipeline compiles the graph to (BatchNormalization folded,"
                + " activations fused into their Conv); absorbed nodes show grey, their badge points at the node doing their work"));
        getChildren().addAll(labelled("NPU", preset), labelled("array", rows, new Label("×"), cols), labelled("MHz", clock),
                labelled("act. SRAM KiB", activationKb), labelled("weight SRAM KiB", weightKb), labelled("DRAM GB/s", dramGbps),
                labelled("dataflow", dataflow), labelled("precision", precision), labelled("fusion", fusion), labelled("graph", costing));
        preset.valueProperty().addListener((o, was, now) -> load(now.npu()));
        for (var v : List.of(rows.valueProperty(), cols.valueProperty(), clock.valueProperty(), activationKb.valueProperty(),
                weightKb.valueProperty(), dramGbps.valueProperty(), dataflow.valueProperty(), precision.valueProperty(), fusion.valueProperty(),
                costing.valueProperty())) {
            v.addListener(o -> publish());
        }
        preset.setValue(presets.get(0));
    }

    /** The current setup; changes whenever a field does. */
    public ReadOnlyObjectProperty<Setup> setupProperty() { return setup.getReadOnlyProperty(); }

    public Setup setup() { return setup.get(); }

    /** Chooses the preset whose label is {@code label} (no change when there is none). */
    public void choose(String label) {
        for (Preset p : preset.getItems()) if (p.label().equals(label)) preset.setValue(p);
    }

    /** Costs the graph as written or as compiled, as a user choosing in the box would (one publish). */
    public void setCosting(Costing c) { costing.setValue(c); }

    /** Puts {@code p} first among the presets and chooses it (a sweep point opened for profiling). */
    public void choosePreset(Preset p) {
        preset.getItems().add(0, p);
        preset.setValue(p);
    }

    /** Sets the array size, as a user typing into the two spinners would (one publish). */
    public void setArray(int r, int c) {
        loading = true;
        rows.getValueFactory().setValue(r);
        loading = false;
        cols.getValueFactory().setValue(c);
    }

    /** Shows {@code c}'s array, clock, SRAM, DRAM, dataflow and precision in the fields, as if typed (one publish). */
    public void edit(NpuConfig c) { load(c); }

    private void load(NpuConfig c) {
        loading = true;
        try {
            rows.getValueFactory().setValue(c.rows());
            cols.getValueFactory().setValue(c.cols());
            clock.getValueFactory().setValue((int) Math.round(c.clockMhz()));
            SramConfig s = c.sram();
            activationKb.getValueFactory().setValue((int) Math.max(1, (s.unified() ? s.activationBytes() : s.ifmapBytes()) / 1024));
            weightKb.getValueFactory().setValue((int) Math.max(1, s.filterBytes() / 1024));
            dramGbps.getValueFactory().setValue(c.dramBytesPerSecond() / 1e9);
            dataflow.setValue(c.dataflow());
            precision.getItems().setAll(c.precisions());
            precision.setValue(c.defaultPrecision());
        } finally {
            loading = false;
        }
        publish();
    }

    private void publish() {
        if (loading || preset.getValue() == null || precision.getValue() == null) return;
        NpuConfig base = preset.getValue().npu();
        SramConfig s = base.sram();
        long act = activationKb.getValue() * 1024L;
        long w = weightKb.getValue() * 1024L;
        // Separate buffers keep their ofmap share relative to the ifmap buffer, as the preset had it.
        SramConfig sram = s.unified() ? SramConfig.unified(act, w)
                : SramConfig.separate(act, w, s.ifmapBytes() == 0 ? act : Math.max(1024, Math.round((double) s.ofmapBytes() / s.ifmapBytes() * act)));
        boolean edited = rows.getValue() != base.rows() || cols.getValue() != base.cols() || clock.getValue() != Math.round(base.clockMhz())
                || !sram.equals(s) || Math.abs(dramGbps.getValue() * 1e9 - base.dramBytesPerSecond()) > 1 || dataflow.getValue() != base.dataflow();
        String name = edited ? base.name() + " (edited)" : base.name();
        NpuConfig c = base.edited(name, clock.getValue(), rows.getValue(), cols.getValue(), dataflow.getValue(), sram,
                dramGbps.getValue() * 1e9, precision.getValue());
        setup.set(new Setup(c, fusion.getValue(), costing.getValue()));
    }

    private static Spinner<Integer> intSpinner(int min, int max, String id) {
        Spinner<Integer> s = new Spinner<>(min, max, min);
        s.setEditable(true);
        // Columns, not pixels: the field grows with the type (presenter mode), so "1024" is never cut to "10".
        s.getEditor().setPrefColumnCount(5);
        s.setId(id);
        return s;
    }

    private static HBox labelled(String text, javafx.scene.Node... controls) {
        HBox box = new HBox(4, new Label(text));
        box.getChildren().addAll(controls);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static <E extends Enum<E>> StringConverter<E> lowerCase() {
        return new StringConverter<>() {
            @Override
            public String toString(E e) { return e == null ? "" : e.name().toLowerCase(Locale.ROOT); }

            @Override
            public E fromString(String s) { return null; }
        };
    }
}
