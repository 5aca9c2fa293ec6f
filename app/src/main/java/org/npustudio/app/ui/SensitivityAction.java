package org.npustudio.app.ui;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.npustudio.error.StudioException;
import org.npustudio.graphview.ui.GraphView;
import org.npustudio.graphview.ui.Workers;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.optimise.Objective;
import org.npustudio.npusim.precision.AutoPrecision;
import org.npustudio.passes.quant.QuantConfig;
import org.npustudio.passes.quant.sensitivity.Budget;
import org.npustudio.passes.quant.sensitivity.SensitivityAnalysis;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.yaml.PlanYaml;
import org.npustudio.profiler.ui.SensitivityView;

/**
 * Profile > Quantization Sensitivity…: asks for an output-SQNR budget (empty: the analysis only), runs the
 * sensitivity analysis and the automatic precision choice in the background with progress and Cancel, then
 * opens the sensitivity window (sorted chart, accuracy-vs-latency chart) and colours the graph by sensitivity.
 * The NPU is the profiler's current one, or the first bundled preset when the model was not profiled yet.
 */
final class SensitivityAction {
    private SensitivityAction() {}

    static void run(Window owner, GraphView view, LoadedModel model, NpuConfig npu, Consumer<String> status) {
        TextInputDialog ask = new TextInputDialog("30");
        ask.initOwner(owner);
        ask.setTitle("Quantization Sensitivity");
        ask.setHeaderText("Per-layer sensitivity (int8, int4w8a) and, with a budget, each layer's precision\n"
                + "among " + String.join(", ", AutoPrecision.DEFAULT_CANDIDATES.stream().filter(npu::supports).map(p -> p.key()).toList())
                + " (what " + npu.name() + " offers of int4w8a, int8, fp16) for the least simulated latency there.");
        ask.setContentText("Output SQNR budget in dB (empty: sensitivity only):");
        ask.showAndWait().ifPresent(text -> {
            Budget budget;
            try {
                budget = text.isBlank() ? null : Budget.sqnrDb(Double.parseDouble(text.trim()));
            } catch (NumberFormatException e) {
                status.accept("Sensitivity not run: budget '" + text + "' is not a number of dB");
                return;
            }
            start(owner, view, model, npu, budget, status);
        });
    }

    /** Runs with this budget (null: analysis only) without asking; the progress window's Cancel stops it. */
    static Task<AutoPrecision.Outcome> start(Window owner, GraphView view, LoadedModel model, NpuConfig npu, Budget budget, Consumer<String> status) {
        AtomicBoolean cancelled = new AtomicBoolean();
        ProgressBar bar = new ProgressBar(0);
        bar.setId("sensitivity-progress");
        bar.setPrefWidth(420);
        Label text = new Label("Running the fp32 model …");
        text.setId("sensitivity-progress-text");
        Button cancel = new Button("Cancel");
        cancel.setId("sensitivity-cancel");
        AutoPrecision.Request request = new AutoPrecision.Request(QuantConfig.defaults(), SensitivityAnalysis.DEFAULT_PRECISIONS,
                AutoPrecision.DEFAULT_CANDIDATES, budget, Objective.LATENCY);
        Task<AutoPrecision.Outcome> task = new Task<>() {
            @Override
            protected AutoPrecision.Outcome call() throws Exception {
                return AutoPrecision.run(model.model(), ModelRef.of(model.file()), npu, request, (done, total, what) -> {
                    updateProgress(done, total);
                    updateMessage(String.format(Locale.ROOT, "%d / %d · %s", done, total, what));
                }, cancelled::get);
            }
        };
        text.textProperty().bind(task.messageProperty());
        bar.progressProperty().bind(task.progressProperty());
        cancel.setOnAction(e -> {
            cancelled.set(true);
            cancel.setDisable(true);
        });
        VBox box = new VBox(8, new Label("Quantization sensitivity of " + model.summary().name()), bar, text, cancel);
        box.setPadding(new Insets(12));
        Stage progress = new Stage();
        if (owner != null) progress.initOwner(owner);
        progress.setTitle("Quantization sensitivity");
        progress.setScene(new Scene(box));
        progress.setOnCloseRequest(e -> cancelled.set(true));
        progress.show();
        task.setOnSucceeded(e -> {
            progress.hide();
            AutoPrecision.Outcome out = task.getValue();
            status.accept(out.choice() != null ? out.choice().message() + (out.warnings().isEmpty() ? "" : " (" + String.join("; ", out.warnings()) + ")")
                    : String.format(Locale.ROOT, "Sensitivity of %d layers in %.1f s", out.sensitivity().layers().size(), out.sensitivity().seconds()));
            show(owner, view, model, out);
        });
        task.setOnFailed(e -> {
            progress.hide();
            if (cancelled.get()) {
                status.accept("Sensitivity analysis cancelled");
                return;
            }
            Throwable t = task.getException();
            String msg = t instanceof StudioException se ? se.oneLine() : StudioException.describe(t);
            status.accept("Sensitivity failed: " + msg);
            if (owner != null) ErrorDialog.show(owner, "Quantization sensitivity failed", msg);
        });
        Workers.start(task, "sensitivity");
        return task;
    }

    /** Writes the chosen assignment as a plan YAML where the user says (open it in the partition editor to edit). */
    private static void savePlan(Window owner, LoadedModel model, AutoPrecision.Outcome out) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save Precision Plan");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Partition plan (*.yaml)", "*.yaml"));
        String name = model.file().getFileName().toString().replaceFirst("\\.onnx$", "");
        chooser.setInitialFileName(name + "-precision.yaml");
        java.nio.file.Path dir = model.file().toAbsolutePath().getParent();
        if (dir != null && dir.toFile().isDirectory()) chooser.setInitialDirectory(dir.toFile());
        java.io.File f = chooser.showSaveDialog(owner);
        if (f == null) return;
        try {
            PlanYaml.write(out.plan(), f.toPath());
        } catch (StudioException e) {
            ErrorDialog.show(owner, "Plan not saved", e.oneLine());
        }
    }

    static Stage show(Window owner, GraphView view, LoadedModel model, AutoPrecision.Outcome out) {
        Stage s = new Stage();
        if (owner != null) s.initOwner(owner);
        s.setTitle("Quantization sensitivity — " + model.summary().name());
        SensitivityView v = new SensitivityView(out.sensitivity(), out.choice(), view, model.model().graph());
        v.setOnSavePlan(() -> savePlan(s, model, out));
        s.setScene(new Scene(v, 900, 760));
        s.show();
        return s;
    }
}
