package org.npustudio.graphview.ui;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.npustudio.graphview.render.FxPainter;
import org.npustudio.graphview.render.GraphCanvas;
import org.npustudio.graphview.render.Viewport;
import org.npustudio.graphview.scene.DrawOptions;
import org.npustudio.graphview.scene.GraphScene;
import org.npustudio.graphview.scene.Overlay;
import org.npustudio.graphview.scene.SceneDrawer;

/**
 * The whole graph in miniature with the main view's rectangle; click or drag to move the view there.
 * The graph is drawn once per scene/overlay/size into a base canvas, the rectangle on a second canvas,
 * so following the viewport costs one small rectangle per frame.
 */
final class Minimap extends Region {
    private static final double PAD = 6;
    private static final double MAX_W = 220, MAX_H = 160, MIN_SIDE = 44;
    private final GraphCanvas main;
    private final Canvas base = new Canvas();
    private final Canvas frame = new Canvas();
    private final Viewport mapView = new Viewport();
    private final SceneDrawer drawer = new SceneDrawer();

    Minimap(GraphCanvas main) {
        this.main = main;
        setId("graph-minimap");
        getStyleClass().add("graph-minimap");
        getChildren().addAll(base, frame);
        setPrefSize(MAX_W, MAX_H);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setOnMousePressed(this::moveTo);
        setOnMouseDragged(this::moveTo);
    }

    private void moveTo(MouseEvent e) {
        GraphScene s = main.scene();
        if (s == null) return;
        main.viewport().centerOn(mapView.toWorldX(e.getX()), mapView.toWorldY(e.getY()), main.getWidth(), main.getHeight());
        main.viewportChanged();
        e.consume();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth(), h = getHeight();
        if (base.getWidth() != w || base.getHeight() != h) {
            base.setWidth(w);
            base.setHeight(h);
            frame.setWidth(w);
            frame.setHeight(h);
            redrawGraph();
        }
    }

    /** Redraws the miniature (call when the scene or overlay changed). */
    void redrawGraph() {
        if (shapeToScene()) return; // resized: layoutChildren redraws at the new size
        GraphicsContext gc = base.getGraphicsContext2D();
        gc.setTransform(1, 0, 0, 1, 0, 0);
        gc.clearRect(0, 0, base.getWidth(), base.getHeight());
        GraphScene s = main.scene();
        if (s != null && base.getWidth() > 2 * PAD) {
            mapView.fit(s.minX(), s.minY(), s.maxX(), s.maxY(), base.getWidth(), base.getHeight(), PAD, 1);
            gc.setTransform(mapView.scale(), 0, 0, mapView.scale(), mapView.translateX(), mapView.translateY());
            // A minimap is always at overview zoom: plain boxes, no labels.
            drawer.draw(s, main.resolved(), DrawOptions.PLAIN, new FxPainter(gc), Math.min(mapView.scale(), 0.2),
                    s.minX(), s.minY(), s.maxX(), s.maxY());
            gc.setTransform(1, 0, 0, 1, 0, 0);
        }
        redrawFrame();
    }

    /**
     * Takes the graph's proportions within the maximum box, so a long, narrow network gets a narrow strip
     * instead of a wide box that hides the graph behind it. Returns whether the size changed.
     */
    private boolean shapeToScene() {
        GraphScene s = main.scene();
        double w = MAX_W, h = MAX_H;
        if (s != null) {
            double gw = Math.max(1, s.maxX() - s.minX()), gh = Math.max(1, s.maxY() - s.minY());
            if (gw / gh < MAX_W / MAX_H) w = Math.max(MIN_SIDE, Math.ceil((MAX_H - 2 * PAD) * gw / gh + 2 * PAD));
            else h = Math.max(MIN_SIDE, Math.ceil((MAX_W - 2 * PAD) * gh / gw + 2 * PAD));
        }
        if (w == getPrefWidth() && h == getPrefHeight()) return false;
        setPrefSize(w, h);
        return true;
    }

    /** Redraws the view rectangle (call after every viewport change). */
    void redrawFrame() {
        GraphicsContext gc = frame.getGraphicsContext2D();
        gc.clearRect(0, 0, frame.getWidth(), frame.getHeight());
        if (main.scene() == null) return;
        double[] v = main.viewport().visibleWorld(main.getWidth(), main.getHeight());
        double x0 = Math.max(0, mapView.toScreenX(v[0])), y0 = Math.max(0, mapView.toScreenY(v[1]));
        double x1 = Math.min(frame.getWidth(), mapView.toScreenX(v[2])), y1 = Math.min(frame.getHeight(), mapView.toScreenY(v[3]));
        if (x1 <= x0 || y1 <= y0) return;
        gc.setFill(Color.rgb(255, 138, 0, 0.12));
        gc.fillRect(x0, y0, x1 - x0, y1 - y0);
        gc.setStroke(Color.rgb(230, 110, 0));
        gc.setLineWidth(1.5);
        gc.strokeRect(x0 + 0.75, y0 + 0.75, Math.max(1, x1 - x0 - 1.5), Math.max(1, y1 - y0 - 1.5));
    }
}
