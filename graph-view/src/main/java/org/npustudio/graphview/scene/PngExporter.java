package org.npustudio.graphview.scene;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Renders a scene to a PNG with java.awt (works with {@code java.awt.headless=true}, so the CLI needs
 * no display). Very large graphs are scaled down so the image stays within {@link #MAX_SIDE} pixels per
 * side and {@link #MAX_PIXELS} in total.
 */
public final class PngExporter {
    public static final int MAX_SIDE = 16_000;
    public static final long MAX_PIXELS = 64_000_000L;

    private PngExporter() {}

    public static BufferedImage render(GraphScene scene, Overlay overlay, ExportOptions options) {
        double[] b = options.bounds(scene);
        double scale = fitScale(b[2] - b[0], b[3] - b[1], options.scale());
        int[] pixels = imageSize(b[2] - b[0], b[3] - b[1], scale);
        int width = pixels[0];
        int height = pixels[1];
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON); // advances as measured
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(new Color(Colors.BACKGROUND, true));
            g.fillRect(0, 0, width, height);
            g.scale(scale, scale);
            g.translate(-b[0], -b[1]);
            AwtPainter painter = new AwtPainter(g);
            new SceneDrawer().draw(scene, overlay.resolve(scene), DrawOptions.export(options.edgeLabels()), painter, scale,
                    b[0], b[1], b[2], b[3]);
            if (overlay.legend() != null) {
                double unit = 1 / scale;
                double[] size = SceneDrawer.legendSize(overlay.legend(), unit);
                SceneDrawer.drawLegend(painter, overlay.legend(), b[2] - size[0] - 10 * unit, b[1] + 10 * unit, unit);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    public static void write(GraphScene scene, Overlay overlay, ExportOptions options, OutputStream out) throws IOException {
        if (!ImageIO.write(render(scene, overlay, options), "png", out)) throw new IOException("no PNG writer available");
    }

    /** The requested scale, reduced so the image fits the pixel limits. */
    static double fitScale(double worldW, double worldH, double requested) {
        double s = requested;
        if (worldW * s > MAX_SIDE) s = MAX_SIDE / worldW;
        if (worldH * s > MAX_SIDE) s = MAX_SIDE / worldH;
        if (worldW * s * worldH * s > MAX_PIXELS) s = Math.sqrt(MAX_PIXELS / (worldW * worldH));
        return s;
    }

    /**
     * Pixel size of the image for a world size at a scale from {@link #fitScale}. Rounding up must not
     * break the caps: {@code MAX_SIDE / w * w} can come out a hair above MAX_SIDE, which ceil made one
     * pixel too many; what rounding adds is below a pixel, so clamping to the caps cuts nothing drawn.
     */
    static int[] imageSize(double worldW, double worldH, double scale) {
        int w = side(worldW * scale);
        int h = side(worldH * scale);
        if ((long) w * h > MAX_PIXELS) h = (int) Math.max(1, MAX_PIXELS / w);
        return new int[] {w, h};
    }

    private static int side(double px) {
        double up = Math.ceil(px - 1e-6); // a size within float noise of a whole pixel is that pixel
        return (int) Math.max(1, Math.min(MAX_SIDE, up));
    }

    private static final class AwtPainter implements Painter {
        private static final String FAMILY = pickFamily();
        /** A fallback font wider than the layout's metrics is squeezed to the measured width. */
        private static final boolean SQUEEZE = !Painter.helveticaMetrics(FAMILY);
        private final Graphics2D g;
        private final Map<Long, Font> fonts = new HashMap<>();

        AwtPainter(Graphics2D g) { this.g = g; }

        private static String pickFamily() {
            String[] available = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
            for (String want : SceneStyle.FONT_FAMILIES) {
                if (Arrays.asList(available).contains(want)) return want;
            }
            return Font.SANS_SERIF;
        }

        private void color(int argb) { g.setColor(new Color(argb, true)); }

        @Override
        public void fillRect(double x, double y, double w, double h, int argb) {
            color(argb);
            g.fill(new Rectangle2D.Double(x, y, w, h));
        }

        @Override
        public void fillRoundRect(double x, double y, double w, double h, double arc, int argb) {
            color(argb);
            g.fill(new RoundRectangle2D.Double(x, y, w, h, arc, arc));
        }

        @Override
        public void strokeRoundRect(double x, double y, double w, double h, double arc, int argb, double lineWidth) {
            color(argb);
            g.setStroke(new BasicStroke((float) lineWidth));
            g.draw(new RoundRectangle2D.Double(x, y, w, h, arc, arc));
        }

        @Override
        public void fillTriangle(double x1, double y1, double x2, double y2, double x3, double y3, int argb) {
            Path2D.Double p = new Path2D.Double();
            p.moveTo(x1, y1);
            p.lineTo(x2, y2);
            p.lineTo(x3, y3);
            p.closePath();
            color(argb);
            g.fill(p);
        }

        @Override
        public void polyline(double[] pts, double minStep, int argb, double lineWidth) {
            Path2D.Double p = new Path2D.Double();
            p.moveTo(pts[0], pts[1]);
            double lx = pts[0], ly = pts[1];
            for (int i = 2; i < pts.length; i += 2) {
                boolean last = i == pts.length - 2;
                if (!last && Math.abs(pts[i] - lx) < minStep && Math.abs(pts[i + 1] - ly) < minStep) continue;
                p.lineTo(pts[i], pts[i + 1]);
                lx = pts[i];
                ly = pts[i + 1];
            }
            color(argb);
            g.setStroke(new BasicStroke((float) lineWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
            g.draw(p);
        }

        @Override
        public void text(String s, double x, double y, double size, boolean bold, int argb) {
            long key = Double.doubleToLongBits(size) ^ (bold ? 1 : 0);
            Font f = fonts.computeIfAbsent(key, k -> new Font(FAMILY, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size));
            g.setFont(f);
            color(argb);
            if (SQUEEZE) {
                // A wider fallback font is squeezed into the width the layout reserved for the label.
                double actual = f.getStringBounds(s, g.getFontRenderContext()).getWidth();
                double reserved = Painter.textWidth(s, size, bold);
                if (actual > reserved) {
                    java.awt.geom.AffineTransform saved = g.getTransform();
                    g.translate(x, y);
                    g.scale(reserved / actual, 1);
                    g.drawString(s, 0f, 0f);
                    g.setTransform(saved);
                    return;
                }
            }
            g.drawString(s, (float) x, (float) y);
        }
    }
}
