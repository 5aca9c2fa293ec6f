package org.npustudio.graphview.scene;

import org.npustudio.text.Markup;
import java.util.Locale;

/** Writes a scene with its overlay as a standalone SVG document (headless). */
public final class SvgExporter {
    private SvgExporter() {}

    public static String export(GraphScene scene, Overlay overlay, ExportOptions options) {
        double[] b = options.bounds(scene);
        double w = b[2] - b[0], h = b[3] - b[1];
        StringBuilder out = new StringBuilder(256 + scene.nodeCount() * 300);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"")
                .append(" width=\"").append(num(w)).append("\" height=\"").append(num(h))
                .append("\" viewBox=\"").append(num(b[0])).append(' ').append(num(b[1])).append(' ')
                .append(num(w)).append(' ').append(num(h)).append("\">\n");
        out.append("<rect x=\"").append(num(b[0])).append("\" y=\"").append(num(b[1])).append("\" width=\"")
                .append(num(w)).append("\" height=\"").append(num(h)).append("\" fill=\"")
                .append(Colors.hex(Colors.BACKGROUND)).append("\"/>\n");
        out.append("<g font-family=\"Helvetica, Arial, 'Liberation Sans', 'Nimbus Sans', sans-serif\">\n");
        SvgPainter painter = new SvgPainter(out);
        Overlay.Resolved resolved = overlay.resolve(scene);
        new SceneDrawer().draw(scene, resolved, DrawOptions.export(options.edgeLabels()), painter, 1, b[0], b[1], b[2], b[3]);
        if (overlay.legend() != null) {
            double[] size = SceneDrawer.legendSize(overlay.legend(), 1);
            SceneDrawer.drawLegend(painter, overlay.legend(), b[2] - size[0] - 10, b[1] + 10, 1);
        }
        out.append("</g>\n</svg>\n");
        return out.toString();
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** Emits one SVG element per primitive. */
    private static final class SvgPainter implements Painter {
        private final StringBuilder out;

        SvgPainter(StringBuilder out) { this.out = out; }

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

        @Override
        public void fillRect(double x, double y, double w, double h, int argb) {
            rect(x, y, w, h, 0);
            fill(argb);
            out.append("/>\n");
        }

        @Override
        public void fillRoundRect(double x, double y, double w, double h, double arc, int argb) {
            rect(x, y, w, h, arc);
            fill(argb);
            out.append("/>\n");
        }

        @Override
        public void strokeRoundRect(double x, double y, double w, double h, double arc, int argb, double lineWidth) {
            rect(x, y, w, h, arc);
            out.append(" fill=\"none\"");
            stroke(argb, lineWidth);
            out.append("/>\n");
        }

        @Override
        public void fillTriangle(double x1, double y1, double x2, double y2, double x3, double y3, int argb) {
            out.append("<polygon points=\"").append(num(x1)).append(',').append(num(y1)).append(' ')
                    .append(num(x2)).append(',').append(num(y2)).append(' ').append(num(x3)).append(',').append(num(y3)).append('"');
            fill(argb);
            out.append("/>\n");
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
            out.append("/>\n");
        }

        @Override
        public void text(String s, double x, double y, double size, boolean bold, int argb) {
            out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" font-size=\"").append(num(size)).append('"');
            if (bold) out.append(" font-weight=\"bold\"");
            fill(argb);
            out.append('>').append(escape(s)).append("</text>\n");
        }
    }

    static String escape(String s) {
        return Markup.escape(s);
    }
}
