package org.npustudio.graphview.scene;

/**
 * The drawing primitives {@link SceneDrawer} needs, in world coordinates. Implemented for the JavaFX
 * canvas, for SVG text and for java.awt images. Implementations may batch consecutive calls with the
 * same style (the canvas does), so callers must not rely on anything but painting order per style run.
 */
public interface Painter {
    void fillRect(double x, double y, double w, double h, int argb);

    void fillRoundRect(double x, double y, double w, double h, double arc, int argb);

    void strokeRoundRect(double x, double y, double w, double h, double arc, int argb, double lineWidth);

    void fillTriangle(double x1, double y1, double x2, double y2, double x3, double y3, int argb);

    /**
     * An open polyline {@code [x0, y0, x1, y1, ...]}. Interior points closer than {@code minStep} to the
     * last drawn point may be skipped (level of detail: sub-pixel wiggles are invisible at low zoom).
     */
    void polyline(double[] points, double minStep, int argb, double lineWidth);

    /** Text with its baseline starting at (x, y). */
    void text(String s, double x, double y, double size, boolean bold, int argb);

    /** Called once after a scene has been drawn (flush pending batches). */
    default void finish() {}

    /**
     * Approximate advance width of Helvetica-metric text (the fonts the view uses): good enough to size
     * badges and legends; node boxes come sized by the layout.
     */
    static double textWidth(String s, double size, boolean bold) {
        double units = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 'i' || c == 'l' || c == 'j' || c == '.' || c == ',' || c == ':' || c == '|' || c == '\'' || c == ' ') units += 0.28;
            else if (c == 'm' || c == 'w' || c == 'M' || c == 'W') units += 0.86;
            else if (Character.isUpperCase(c)) units += 0.68;
            else if (Character.isDigit(c)) units += 0.556;
            else units += 0.54;
        }
        return units * size * (bold ? 1.07 : 1.0);
    }
}
