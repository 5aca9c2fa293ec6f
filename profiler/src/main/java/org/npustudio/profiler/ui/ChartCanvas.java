package org.npustudio.profiler.ui;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import org.npustudio.graphview.render.FxPainter;
import org.npustudio.profiler.chart.Chart;
import org.npustudio.profiler.chart.ChartDrawing;

/**
 * A pane showing one headless {@link Chart} on a canvas that follows the pane's size, painted through
 * {@link FxPainter} (the report and exports paint the same chart as SVG or PNG).
 */
class ChartCanvas extends Pane {
    private final Canvas canvas = new Canvas();
    private final FxPainter painter = new FxPainter(canvas.getGraphicsContext2D());
    private final boolean tallAsChart;
    private Chart chart;

    /** {@code tallAsChart}: at least as tall as the chart wants (bars, in a scroll pane), else exactly the pane's size. */
    ChartCanvas(String id, boolean tallAsChart) {
        this.tallAsChart = tallAsChart;
        setId(id);
        getStyleClass().add(ChartScale.STYLE_CLASS);
        getChildren().add(canvas);
        sceneProperty().addListener((o, was, now) -> requestLayout());
    }

    void show(Chart c) {
        chart = c;
        requestLayout();
        redraw();
    }

    Chart chart() { return chart; }

    /** What File > Export writes: the chart at its on-screen size; null before the first profile. */
    ChartDrawing drawing() {
        double s = ChartScale.of(this);
        return chart == null ? null : new ChartDrawing(chart, getWidth() / s, getHeight() / s);
    }

    @Override
    protected double computeMinHeight(double width) {
        if (chart == null || !tallAsChart) return 0;
        double s = ChartScale.of(this);
        return chart.height((width > 0 ? width : getWidth()) / s) * s;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        redraw();
    }

    final void redraw() {
        if (chart == null) {
            canvas.getGraphicsContext2D().clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
            return;
        }
        // Presenter mode: the chart is laid out for a window s times smaller and drawn s times larger.
        double s = ChartScale.of(this);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.save();
        g.scale(s, s);
        chart.draw(painter, canvas.getWidth() / s, canvas.getHeight() / s);
        painter.finish();
        g.restore();
    }
}
