package org.npustudio.profiler.chart;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.npustudio.graphview.scene.AwtPainter;
import org.npustudio.graphview.scene.PngExporter;
import org.npustudio.graphview.scene.SceneExport;
import org.npustudio.graphview.scene.SvgPainter;

/** A chart at a size, as SVG (the report inlines it) or PNG (twice the pixels, so it stays sharp in documents). */
public record ChartDrawing(Chart chart, double width, double height) implements SceneExport.Drawing {
    public static final double PNG_SCALE = 2;

    /** At the width given and the chart's own height for it. */
    public static ChartDrawing of(Chart chart, double width) { return new ChartDrawing(chart, width, chart.height(width)); }

    /** An {@code <svg>} element (no XML declaration, so it can sit inside HTML). */
    public String svgElement() {
        StringBuilder out = new StringBuilder(4096);
        SvgPainter.open(out, 0, 0, width, height);
        SvgPainter.openFontGroup(out);
        SvgPainter painter = new SvgPainter(out, true);
        chart.draw(painter, width, height);
        painter.finish();
        return out.append("</g>\n</svg>\n").toString();
    }

    @Override
    public String svg() { return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svgElement(); }

    public BufferedImage image() {
        int w = (int) Math.ceil(width * PNG_SCALE), h = (int) Math.ceil(height * PNG_SCALE);
        return AwtPainter.image(w, h, ChartText.BACKGROUND, 0, 0, PNG_SCALE, p -> {
            chart.draw(p, width, height);
            p.finish();
        });
    }

    @Override
    public void png(OutputStream out) throws IOException { PngExporter.write(image(), out); }

    /** Writes the file atomically, SVG or PNG by its extension. */
    public void write(Path file) throws IOException { SceneExport.write(file, this); }
}
