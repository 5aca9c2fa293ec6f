package org.npustudio.graphview.scene;

/**
 * What an export covers and how.
 *
 * @param edgeLabels draw tensor shapes on edges
 * @param x0         world rectangle to export; when x1 <= x0 the whole scene (plus a margin) is exported
 * @param scale      image pixels per world unit for PNG (SVG is resolution independent and ignores it)
 */
public record ExportOptions(boolean edgeLabels, double x0, double y0, double x1, double y1, double scale) {
    public static final double MARGIN = 24;

    /** The whole graph at 1:1. */
    public static ExportOptions wholeGraph(boolean edgeLabels) { return new ExportOptions(edgeLabels, 0, 0, 0, 0, 1); }

    /** A world rectangle (the current view) at a given zoom. */
    public static ExportOptions region(boolean edgeLabels, double x0, double y0, double x1, double y1, double scale) {
        return new ExportOptions(edgeLabels, x0, y0, x1, y1, scale);
    }

    /** The world rectangle actually exported: {@code [x0, y0, x1, y1]}. */
    double[] bounds(GraphScene s) {
        if (x1 > x0 && y1 > y0) return new double[] {x0, y0, x1, y1};
        return new double[] {s.minX() - MARGIN, s.minY() - MARGIN, s.maxX() + MARGIN, s.maxY() + MARGIN};
    }
}
