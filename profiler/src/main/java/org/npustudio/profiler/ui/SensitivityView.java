package org.npustudio.profiler.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.npustudio.graphview.ui.GraphView;
import org.npustudio.ir.Graph;
import org.npustudio.passes.quant.sensitivity.PrecisionChoice;
import org.npustudio.passes.quant.sensitivity.SensitivityResult;
import org.npustudio.plan.Precision;
import org.npustudio.profiler.chart.BarChart;
import org.npustudio.profiler.chart.PrecisionCharts;
import org.npustudio.profiler.data.SensitivityOverlay;

/**
 * Quantization sensitivity in the profiler: the per-layer chart (worst first) and, after an automatic choice,
 * the accuracy-vs-cost chart with the chosen assignment highlighted. The precision box chooses which
 * precision's figures colour the graph (the sensitivity overlay on {@code view}).
 */
public final class SensitivityView extends BorderPane {
    private final ChoiceBox<Precision> precision = new ChoiceBox<>();
    private final Button savePlan = new Button("Save Plan…");
    private Runnable onSavePlan;

    public SensitivityView(SensitivityResult sens, PrecisionChoice choice, GraphView view, Graph graph) {
        setId("sensitivity-view");
        precision.setId("sensitivity-precision");
        precision.getItems().setAll(sens.precisions());
        precision.setConverter(new StringConverter<>() {
            @Override public String toString(Precision p) { return p == null ? "" : p.key(); }

            @Override public Precision fromString(String s) { return Precision.parse(s); }
        });
        precision.valueProperty().addListener((o, was, now) -> {
            if (now != null && view != null) view.overlayProperty().set(SensitivityOverlay.of(sens, now, graph));
        });
        Label summary = new Label(String.format(java.util.Locale.ROOT, "%d layers · %s · %.1f s", sens.layers().size(), sens.inputs(), sens.seconds()));
        summary.setId("sensitivity-summary");
        HBox top = new HBox(8, new Label("Overlay:"), precision, summary);
        top.setPadding(new Insets(6));
        setTop(top);
        ChartCanvas bars = new ChartCanvas("sensitivity-bars", true);
        bars.show(BarChart.of(PrecisionCharts.sensitivity(sens)));
        ScrollPane scroll = new ScrollPane(bars);
        scroll.setFitToWidth(true);
        scroll.setMinHeight(160);
        VBox.setVgrow(scroll, Priority.ALWAYS); // the bars take what the accuracy chart leaves
        VBox center = new VBox(6, scroll);
        if (choice != null) {
            Label message = new Label(choice.message());
            message.setId("sensitivity-choice");
            message.setWrapText(true);
            savePlan.setId("sensitivity-save-plan");
            savePlan.setDisable(!choice.met());
            savePlan.setOnAction(e -> {
                if (onSavePlan != null) onSavePlan.run();
            });
            top.getChildren().add(savePlan);
            ChartCanvas accuracy = new ChartCanvas("sensitivity-accuracy-chart", false);
            accuracy.show(PrecisionCharts.accuracyVsCost(choice));
            accuracy.setPrefHeight(320);
            accuracy.setMinHeight(260);
            center.getChildren().addAll(message, accuracy);
        }
        center.setPadding(new Insets(0, 6, 6, 6));
        setCenter(center);
        precision.setValue(sens.precisions().get(0));
    }

    /** What "Save Plan…" does (shown after an automatic choice that met its budget). */
    public void setOnSavePlan(Runnable r) { onSavePlan = r; }

    /** The precision the overlay shows. */
    public Precision overlayPrecision() { return precision.getValue(); }
}
