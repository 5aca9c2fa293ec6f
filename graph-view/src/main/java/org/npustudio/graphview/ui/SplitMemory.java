package org.npustudio.graphview.ui;

import java.util.Arrays;
import java.util.prefs.Preferences;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseEvent;

/**
 * Remembers where the user left each splitter of the window, per window area (e.g. "graph.inspector"), between
 * runs. Only the user's own drags are remembered (on mouse release), never positions the skin adjusts while the
 * window is resized. Positions are kept per number of dividers, so an area that gains a pane (the profiler below
 * the graph) keeps one memory per arrangement. Without a store (graph-view's own tests, exporters) splitters just
 * take their defaults.
 */
public final class SplitMemory {
    private static final String INSTALLED = SplitMemory.class.getName();
    private static volatile Preferences store;

    private SplitMemory() {}

    /** Where positions are kept (the app passes its preferences node), or null to remember nothing. */
    public static void setStore(Preferences node) { store = node; }

    /**
     * Puts the split's dividers where the user last left them in this area (for this many dividers), else at
     * {@code defaults}; from now on remembers the positions the user drags them to. Call again after adding or
     * removing a pane.
     */
    public static void remember(SplitPane split, String area, double... defaults) {
        double[] saved = load(area, split.getDividers().size());
        double[] at = saved != null ? saved : defaults;
        if (at.length > 0) split.setDividerPositions(at);
        if (split.getProperties().putIfAbsent(INSTALLED, area) != null) return;
        double[][] pressed = new double[1][];
        split.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> pressed[0] = split.getDividerPositions().clone());
        split.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            double[] now = split.getDividerPositions();
            if (pressed[0] != null && !Arrays.equals(pressed[0], now)) save(area, now);
            pressed[0] = null;
        });
    }

    /** The remembered positions of an area with {@code dividers} dividers, or null. */
    public static double[] load(String area, int dividers) {
        Preferences p = store;
        if (p == null || dividers == 0) return null;
        String v = p.get(key(area, dividers), null);
        if (v == null) return null;
        try {
            double[] d = Arrays.stream(v.split(",")).mapToDouble(Double::parseDouble).toArray();
            if (d.length != dividers) return null;
            for (double x : d) if (!(x > 0 && x < 1)) return null; // a damaged entry: take the defaults
            return d;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void save(String area, double[] positions) {
        Preferences p = store;
        if (p == null || positions.length == 0) return;
        StringBuilder b = new StringBuilder();
        for (double x : positions) b.append(b.length() == 0 ? "" : ",").append(Math.round(x * 10000) / 10000.0);
        // Written through to disk by java.util.prefs (at the latest when the JVM exits).
        p.put(key(area, positions.length), b.toString());
    }

    private static String key(String area, int dividers) { return area + "." + dividers; }
}
