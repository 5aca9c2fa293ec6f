package org.npustudio.profiler.chart;

import org.npustudio.graphview.scene.Painter;

/**
 * One profiler chart, drawn headless through graph-view's {@link Painter}: the screen paints it on a canvas
 * ({@code FxPainter}), the HTML report and SVG export through {@code SvgPainter}, PNG export through
 * {@code AwtPainter}, so the three always show the same picture.
 */
public interface Chart {
    /** Draws the whole chart, background included, into (0, 0, width, height); the caller then finishes the painter. */
    void draw(Painter p, double width, double height);

    /** The height the chart wants at this width (bars: a row each; plots: a pleasant aspect). */
    double height(double width);
}
