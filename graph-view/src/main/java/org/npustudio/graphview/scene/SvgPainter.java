package org.npustudio.graphview.scene;

import java.util.Locale;
import org.npustudio.text.Markup;

/** Emits one SVG element per primitive into a buffer (headless; the graph export and the profiler's charts). */
public final class SvgPainter implements Painter {
    /** The view's fonts, Helvetica-metric first (what {@link Painter#textWidth} measures). */
    public static final String FONT_FAMILY = "Helvetica, Arial, 'Liberation Sans', 'Nimbus Sans', sans-serif";

    private final StringBuilder out;
    private final boolean fitText;
    private String tooltip;

    public SvgPainter(StringBuilder out) { this(out, false); }

    /**
     * {@code fitText}: every text is drawn exactly {@link Painter#textWidth} wide ({@code textLength}), as the
     * canvas and PNG painters squeeze a wider fallback font, so a viewer without Helvetica-metric fonts
     * cannot push right-aligned labels or values past the chart's edges.
     */
    public SvgPainter(StringBuilder out, boolean fitText) {
        this.out = out;
        this.fitText = fitText;
    }

    /** Opens an {@code <svg>} element showing the world rectangle (x, y, w, h) at one unit per pixel. */
    public static void open(StringBuilder out, double x, double y, double w, double h) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"")
                .append(" width=\"").append(num(w)).append("\" height=\"").append(num(h))
                .append("\" viewBox=\"").append(num(x)).append(' ').append(num(y)).append(' ')
                .append(num(w)).append(' ').append(num(h)).append("\">\n");
    }

    /** Opens a group whose text uses {@link #FONT_FAMILY}; close it with {@code </g>}. */
    public static void openFontGroup(StringBuilder out) {
        out.append("<g font-family=\"").append(FONT_FAMILY).append("\">\n");
    }

    /** A coordinate as written: whole numbers without decimals, others with two. */
    public static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private void fill(int argb) {
        out.append(" fill=\"").append(Colors.hex(argb)).append('"');
        if (Colors.alpha(argb) < 255) out.append(" fill-opacity=\"").append(num(Colors.alpha(argb) / 255.0)).append('"');
    }

    private void stroke(int argb, double width) {
        out.append(" stroke=\"").append(Colors.hex(argb)).append("\" stroke-width=\"").append(num(width)).append('"');
        if (Colors.alpha(argb) < 255) out.append(" stroke-opacity=\"").append(num(Colors.alpha(argb) / 255.0)).append('"');
    }

    private void rect(double x, double y, double w, double h, double arc) {
        out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
                .append("\" height=\"").append(num(h)).append('"');
        if (arc > 0) out.append(" rx=\"").append(num(arc / 2)).append('"');
    }

    /** Ends an element opened with {@code <tag ...}: empty, or holding the pending tooltip as its title. */
    private void end(String tag) {
        if (tooltip == null) {
            out.append("/>\n");
            return;
        }
        out.append("><title>").append(Markup.escape(tooltip)).append("</title></").append(tag).append(">\n");
        tooltip = null;
    }

    @Override
    public void tooltip(String text) { tooltip = text; }

    @Override
    public void fillRect(double x, double y, double w, double h, int argb) {
        rect(x, y, w, h, 0);
        fill(argb);
        end("rect");
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arc, int argb) {
        rect(x, y, w, h, arc);
        fill(argb);
        end("rect");
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double arc, int argb, double lineWidth) {
        rect(x, y, w, h, arc);
        out.append(" fill=\"none\"");
        stroke(argb, lineWidth);
        end("rect");
    }

    @Override
    public void fillTriangle(double x1, double y1, double x2, double y2, double x3, double y3, int argb) {
        out.append("<polygon points=\"").append(num(x1)).append(',').append(num(y1)).append(' ')
                .append(num(x2)).append(',').append(num(y2)).append(' ').append(num(x3)).append(',').append(num(y3)).append('"');
        fill(argb);
        end("polygon");
    }

    @Override
    public void fillCircle(double cx, double cy, double r, int argb) {
        out.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"").append(num(r)).append('"');
        fill(argb);
        end("circle");
    }

    @Override
    public void polyline(double[] points, double minStep, int argb, double lineWidth) {
        out.append("<polyline points=\"");
        for (int i = 0; i < points.length; i += 2) {
            if (i > 0) out.append(' ');
            out.append(num(points[i])).append(',').append(num(points[i + 1]));
        }
        out.append("\" fill=\"none\" stroke-linejoin=\"round\"");
        stroke(argb, lineWidth);
        end("polyline");
    }

    @Override
    public void text(String s, double x, double y, double size, boolean bold, int argb, Anchor anchor) {
        out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" font-size=\"").append(num(size)).append('"');
        if (bold) out.append(" font-weight=\"bold\"");
        if (fitText && !s.isEmpty()) {
            out.append(" textLength=\"").append(num(Painter.textWidth(s, size, bold))).append("\" lengthAdjust=\"spacingAndGlyphs\"");
        }
        if (anchor != Anchor.START) out.append(" text-anchor=\"").append(anchor == Anchor.MIDDLE ? "middle" : "end").append('"');
        fill(argb);
        out.append('>');
        if (tooltip != null) out.append("<title>").append(Markup.escape(tooltip)).append("</title>");
        tooltip = null;
        out.append(Markup.escape(s)).append("</text>\n");
    }
}
