package org.npustudio.graphview.ui;

import java.util.Locale;
import java.util.concurrent.ExecutorService;
import javafx.concurrent.Task;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.npustudio.analysis.Quantities;
import org.npustudio.ir.Tensor;

/**
 * The value summary of one initializer: computed on a worker (decoding millions of weights must not
 * stall the window) and shown as figures and a small histogram.
 */
final class WeightSummaryPane extends VBox {
    private final Label figures = new Label("computing…");
    private final Canvas histogram = new Canvas(240, 44);
    private final Task<TensorStats> task;

    WeightSummaryPane(Tensor t, ExecutorService worker) {
        setSpacing(2);
        getStyleClass().add("weight-summary");
        Label title = new Label(t.name() + "  " + t.dataType().name().toLowerCase(Locale.ROOT) + t.shape()
                + " · " + Quantities.bytes(t.byteSize()));
        title.getStyleClass().add("weight-title");
        title.setWrapText(true);
        figures.getStyleClass().add("weight-figures");
        figures.setId("weight-figures-" + t.name());
        getChildren().addAll(title, figures);
        if (!TensorStats.supports(t)) {
            figures.setText("no numeric summary for this element type");
            task = null;
            return;
        }
        task = new Task<>() {
            @Override
            protected TensorStats call() { return TensorStats.of(t); }
        };
        task.setOnSucceeded(e -> show(task.getValue()));
        task.setOnFailed(e -> figures.setText("cannot read values: " + task.getException().getMessage()));
        worker.submit(task);
    }

    void cancel() {
        if (task != null) task.cancel();
    }

    private void show(TensorStats s) {
        figures.setText(String.format(Locale.ROOT, "min %s   max %s\nmean %s   std %s%s", g(s.min()), g(s.max()), g(s.mean()), g(s.std()),
                s.nans() > 0 ? "   NaN " + s.nans() : ""));
        getChildren().add(histogram);
        GraphicsContext gc = histogram.getGraphicsContext2D();
        long peak = 1;
        for (long c : s.histogram()) peak = Math.max(peak, c);
        double w = histogram.getWidth() / s.histogram().length, h = histogram.getHeight();
        gc.setFill(Color.web("#eef1f4"));
        gc.fillRect(0, 0, histogram.getWidth(), h);
        gc.setFill(Color.web("#2f62a8"));
        for (int i = 0; i < s.histogram().length; i++) {
            double bh = s.histogram()[i] == 0 ? 0 : Math.max(1, (h - 2) * s.histogram()[i] / peak);
            gc.fillRect(i * w + 0.5, h - bh, w - 1, bh);
        }
    }

    private static String g(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
