package org.npustudio.profiler.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * The size factor the profiler's charts of one window draw at (1 normally; presenter mode sets its type scale).
 * Kept on the scene's root, so charts built later in that window (a new profile's tabs) pick it up too.
 */
public final class ChartScale {
    static final String KEY = "npustudio.chart.scale";
    static final String STYLE_CLASS = "chart-canvas";

    private ChartScale() {}

    /** Makes every chart of {@code scene} draw {@code s} times larger (text, strokes, spacing), now and later. */
    public static void set(Scene scene, double s) {
        if (!(s >= 1 && s <= 4)) throw new IllegalArgumentException("a chart scale is between 1 and 4, not " + s);
        scene.getRoot().getProperties().put(KEY, s);
        for (Node n : scene.getRoot().lookupAll("." + STYLE_CLASS)) if (n instanceof Parent p) p.requestLayout();
    }

    /** The scale of the window {@code n} is in (1 when not in a window). */
    static double of(Node n) {
        Scene scene = n.getScene();
        if (scene == null || scene.getRoot() == null) return 1;
        return scene.getRoot().getProperties().get(KEY) instanceof Double d ? d : 1;
    }
}
