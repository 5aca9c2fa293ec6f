package org.npustudio.graphview.scene;

/**
 * The drawing primitives of {@link SceneDrawer} and of the profiler's charts, in world coordinates.
 * Implemented for the JavaFX canvas ({@code render.FxPainter}), for SVG text ({@link SvgPainter}) and for
 * java.awt images ({@link AwtPainter}), so one drawing serves the screen and both export formats.
 * Implementations may batch consecutive calls with the same style (the canvas does), so callers must not
 * rely on anything but painting order per style run.
 */
public interface Painter {
    /** Where a text's x lies: at its start, its middle or its end (SVG's text-anchor). */
    enum Anchor { START, MIDDLE, END }

    void fillRect(double x, double y, double w, double h, int argb);

    void fillRoundRect(double x, double y, double w, double h, double arc, int argb);

    void strokeRoundRect(double x, double y, double w, double h, double arc, int argb, double lineWidth);

    void fillTriangle(double x1, double y1, double x2, double y2, double x3, double y3, int argb);

    /**
     * An open polyline {@code [x0, y0, x1, y1, ...]}. Interior points closer than {@code minStep} to the
     * last drawn point may be skipped (level of detail: sub-pixel wiggles are invisible at low zoom).
     */
    void polyline(double[] points, double minStep, int argb, double lineWidth);

    /** A filled circle (chart dots). */
    void fillCircle(double cx, double cy, double r, int argb);

    /** Text with its baseline at y, starting at x. */
    default void text(String s, double x, double y, double size, boolean bold, int argb) {
        text(s, x, y, size, bold, argb, Anchor.START);
    }

    /** Text with its baseline at y, placed on x by {@code anchor}. */
    void text(String s, double x, double y, double size, boolean bold, int argb, Anchor anchor);

    /**
     * Describes the next primitive (a chart's bar or dot). SVG writes it as the element's {@code <title>},
     * which browsers show on hover; the canvas (whose owner hit-tests instead) and still images ignore it.
     */
    default void tooltip(String text) {}

    /** Called once after a scene has been drawn (flush pending batches). */
    default void finish() {}

    /**
     * Advance width of Helvetica-metric text (the fonts the view prefers), from the same tables the layout
     * sizes node boxes with; badges, legends and group titles are sized with it too. Painters squeeze text
     * drawn with a wider fallback font (e.g. DejaVu Sans where no Helvetica-metric font is installed) into
     * this width, so a label never spills out of its box or pill.
     */
    static double textWidth(String s, double size, boolean bold) {
        return org.npustudio.graphview.layout.LabelMetrics.width(s, size, bold);
    }

    /** Whether a font family has Helvetica's metrics (the first families of {@link SceneStyle#FONT_FAMILIES}). */
    static boolean helveticaMetrics(String family) {
        for (int i = 0; i < SceneStyle.HELVETICA_METRIC_FAMILIES; i++) if (SceneStyle.FONT_FAMILIES[i].equals(family)) return true;
        return false;
    }
}
