package org.npustudio.graphview.render;

/**
 * The mapping from world coordinates (layout pixels) to screen pixels: {@code screen = world * scale + translate}.
 * Plain mutable state owned by one {@link GraphCanvas}; all methods are cheap arithmetic.
 */
public final class Viewport {
    public static final double MIN_SCALE = 0.002;
    public static final double MAX_SCALE = 6;

    private double scale = 1, tx, ty;

    public double scale() { return scale; }

    public double translateX() { return tx; }

    public double translateY() { return ty; }

    public void set(double scale, double translateX, double translateY) {
        this.scale = clampScale(scale);
        this.tx = translateX;
        this.ty = translateY;
    }

    public double toScreenX(double wx) { return wx * scale + tx; }

    public double toScreenY(double wy) { return wy * scale + ty; }

    public double toWorldX(double sx) { return (sx - tx) / scale; }

    public double toWorldY(double sy) { return (sy - ty) / scale; }

    /** Moves the content by a screen distance. */
    public void panBy(double dx, double dy) {
        tx += dx;
        ty += dy;
    }

    /** Multiplies the scale by {@code factor} keeping the world point under screen (sx, sy) in place. */
    public void zoomAbout(double factor, double sx, double sy) {
        double wx = toWorldX(sx), wy = toWorldY(sy);
        scale = clampScale(scale * factor);
        tx = sx - wx * scale;
        ty = sy - wy * scale;
    }

    /** Scales and centres the world rectangle inside a view of the given size, leaving {@code margin} pixels around it. */
    public void fit(double x0, double y0, double x1, double y1, double viewW, double viewH, double margin, double maxScale) {
        double w = Math.max(1, x1 - x0), h = Math.max(1, y1 - y0);
        double s = Math.min((viewW - 2 * margin) / w, (viewH - 2 * margin) / h);
        scale = clampScale(Math.min(maxScale, s > 0 ? s : MIN_SCALE));
        tx = viewW / 2 - (x0 + x1) / 2 * scale;
        ty = viewH / 2 - (y0 + y1) / 2 * scale;
    }

    /** Puts the world point at the centre of the view, keeping the scale. */
    public void centerOn(double wx, double wy, double viewW, double viewH) {
        tx = viewW / 2 - wx * scale;
        ty = viewH / 2 - wy * scale;
    }

    /** The world rectangle a view of this size shows: {@code [x0, y0, x1, y1]}. */
    public double[] visibleWorld(double viewW, double viewH) {
        return new double[] {toWorldX(0), toWorldY(0), toWorldX(viewW), toWorldY(viewH)};
    }

    private static double clampScale(double s) {
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
    }
}
