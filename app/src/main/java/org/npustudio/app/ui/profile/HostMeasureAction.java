package org.npustudio.app.ui.profile;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.npustudio.graphview.ui.Workers;
import org.npustudio.host.HostMeasurer;
import org.npustudio.host.HostProfile;
import org.npustudio.ir.Model;

/**
 * The profiler's *Measure host costs* button: runs {@link HostMeasurer} on a worker thread (progress per
 * run), then hands the host profile to the session, and keeps a badge saying where CPU costs come from:
 * "CPU costs: modelled (roofline)" or "CPU costs: measured …".
 */
final class HostMeasureAction {
    private final Model model;
    private final Consumer<HostProfile> apply;
    private final Button button = new Button("Measure host costs");
    private final ProgressBar progress = new ProgressBar();
    private final Label badge = new Label("CPU costs: modelled (roofline)");
    private final HBox node = new HBox(6, button, progress, badge);

    HostMeasureAction(Model model, Consumer<HostProfile> apply) {
        this.model = model;
        this.apply = apply;
        button.setId("measure-host-costs");
        badge.setId("host-cost-source");
        progress.setPrefWidth(100);
        progress.setVisible(false);
        progress.setManaged(false);
        node.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        button.setTooltip(new Tooltip("Run the model in ONNX Runtime on this machine (profiler on, one thread) and cost CPU ops by"
                + " their measured median times"));
        if (model.source() == null) {
            button.setDisable(true);
            badge.setText("CPU costs: modelled (roofline; the model has no file to measure)");
        }
        button.setOnAction(e -> measure());
    }

    HBox node() { return node; }

    private void measure() {
        HostMeasurer.Options o = HostMeasurer.Options.DEFAULT;
        int total = o.runs() + o.warmup();
        Task<HostProfile> task = new Task<>() {
            {
                updateTitle("Measuring host costs");
            }

            @Override
            protected HostProfile call() throws Exception {
                updateProgress(0, total);
                return HostMeasurer.measure(model.source(), model, o, done -> updateProgress(done, total));
            }
        };
        progress.progressProperty().bind(task.progressProperty());
        showProgress(true);
        task.setOnSucceeded(e -> {
            showProgress(false);
            HostProfile p = task.getValue();
            badge.setText(String.format(Locale.ROOT, "CPU costs: measured (%d ops, median run %.0f µs, %s, %d thread)", p.nodes().size(),
                    p.modelMedianMicros(), p.cpu(), p.threads()));
            apply.accept(p);
        });
        task.setOnFailed(e -> {
            showProgress(false);
            Throwable t = task.getException();
            String why = t instanceof org.npustudio.error.StudioException s ? s.oneLine() : String.valueOf(t);
            badge.setText("Measuring failed: " + why);
        });
        Workers.start(task, "measure-host-costs");
    }

    private void showProgress(boolean on) {
        button.setDisable(on);
        progress.setVisible(on);
        progress.setManaged(on);
    }
}
