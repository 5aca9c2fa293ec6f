package org.npustudio.profiler.ui;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

/** A pane holding one canvas that follows the pane's size and is redrawn on resize and on new data. */
abstract class ChartCanvas extends Pane {
    private final Canvas canvas = new Canvas();

    ChartCanvas(String id) {
        setId(id);
        getChildren().add(canvas);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        redraw();
    }

    /** Clears to white and draws the chart at the current size. */
    final void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        draw(g, canvas.getWidth(), canvas.getHeight());
    }

    abstract void draw(GraphicsContext g, double width, double height);
}
