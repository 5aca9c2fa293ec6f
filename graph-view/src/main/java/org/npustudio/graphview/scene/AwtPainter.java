package org.npustudio.graphview.scene;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Paints on a java.awt image (works with {@code java.awt.headless=true}; the graph's and the charts' PNG export). */
public final class AwtPainter implements Painter {
    private static final String FAMILY = pickFamily();
    /** A fallback font wider than the layout's metrics is squeezed to the measured width. */
    private static final boolean SQUEEZE = !Painter.helveticaMetrics(FAMILY);
    private final Graphics2D g;
    private final Map<Long, Font> fonts = new HashMap<>();

    public AwtPainter(Graphics2D g) { this.g = g; }

    /**
     * An image of {@code width} x {@code height} pixels on {@code background}, on which {@code drawing} paints
     * the world rectangle starting at (x0, y0) at {@code scale} pixels per unit.
     */
    public static BufferedImage image(int width, int height, int background, double x0, double y0, double scale, Consumer<Painter> drawing) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON); // advances as measured
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(new Color(background, true));
            g.fillRect(0, 0, width, height);
            g.scale(scale, scale);
            g.translate(-x0, -y0);
            drawing.accept(new AwtPainter(g));
        } finally {
            g.dispose();
        }
        return image;
    }

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
    public void fillCircle(double cx, double cy, double r, int argb) {
        color(argb);
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
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
    public void text(String s, double x, double y, double size, boolean bold, int argb, Anchor anchor) {
        long key = Double.doubleToLongBits(size) ^ (bold ? 1 : 0);
        Font f = fonts.computeIfAbsent(key, k -> new Font(FAMILY, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size));
        g.setFont(f);
        color(argb);
        if (anchor == Anchor.START && !SQUEEZE) { // nothing to measure
            g.drawString(s, (float) x, (float) y);
            return;
        }
        double actual = f.getStringBounds(s, g.getFontRenderContext()).getWidth();
        double reserved = Painter.textWidth(s, size, bold);
        // A wider fallback font is squeezed into the width the layout reserved for the label.
        double squeeze = SQUEEZE && actual > reserved ? reserved / actual : 1;
        double drawn = actual * squeeze;
        double left = anchor == Anchor.START ? x : anchor == Anchor.MIDDLE ? x - drawn / 2 : x - drawn;
        if (squeeze == 1) {
            g.drawString(s, (float) left, (float) y);
            return;
        }
        AffineTransform saved = g.getTransform();
        g.translate(left, y);
        g.scale(squeeze, 1);
        g.drawString(s, 0f, 0f);
        g.setTransform(saved);
    }
}
