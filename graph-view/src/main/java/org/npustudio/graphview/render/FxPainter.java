package org.npustudio.graphview.render;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.npustudio.graphview.scene.Painter;

/**
 * Paints on a canvas, merging consecutive primitives of one style into a single path so a frame of
 * thousands of boxes and edges costs a handful of fill/stroke calls instead of one per primitive.
 */
public final class FxPainter implements Painter {
    private enum Batch { NONE, FILL, STROKE }

    private final GraphicsContext gc;
    private final Map<Integer, Color> colors = new HashMap<>();
    private final Map<Long, Font> fonts = new HashMap<>();
    /** A fallback font wider than the layout's metrics is squeezed to the measured width. */
    private final boolean squeeze = !Fonts.helveticaMetrics();
    private Batch batch = Batch.NONE;
    private int batchColor;
    private double batchWidth;

    public FxPainter(GraphicsContext gc) {
        this.gc = gc;
        gc.setLineCap(StrokeLineCap.BUTT);
        gc.setLineJoin(StrokeLineJoin.ROUND);
    }

    public Color color(int argb) {
        return colors.computeIfAbsent(argb, c -> Color.rgb((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF, (c >>> 24) / 255.0));
    }

    private void beginFill(int argb) {
        if (batch == Batch.FILL && batchColor == argb) return;
        flush();
        batch = Batch.FILL;
        batchColor = argb;
        gc.beginPath();
    }

    private void beginStroke(int argb, double width) {
        if (batch == Batch.STROKE && batchColor == argb && batchWidth == width) return;
        flush();
        batch = Batch.STROKE;
        batchColor = argb;
        batchWidth = width;
        gc.beginPath();
    }

    private void flush() {
        if (batch == Batch.FILL) {
            gc.setFill(color(batchColor));
            gc.fill();
        } else if (batch == Batch.STROKE) {
            gc.setStroke(color(batchColor));
            gc.setLineWidth(batchWidth);
            gc.stroke();
        }
        batch = Batch.NONE;
    }

    @Override
    public void fillRect(double x, double y, double w, double h, int argb) {
        beginFill(argb);
        gc.rect(x, y, w, h);
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arc, int argb) {
        beginFill(argb);
        roundRect(x, y, w, h, arc / 2);
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double arc, int argb, double lineWidth) {
        beginStroke(argb, lineWidth);
        roundRect(x, y, w, h, arc / 2);
    }

    private void roundRect(double x, double y, double w, double h, double r) {
        r = Math.min(r, Math.min(w, h) / 2);
        if (r <= 0) {
            gc.rect(x, y, w, h);
            return;
        }
        gc.moveTo(x + r, y);
        gc.arcTo(x + w, y, x + w, y + h, r);
        gc.arcTo(x + w, y + h, x, y + h, r);
        gc.arcTo(x, y + h, x, y, r);
        gc.arcTo(x, y, x + w, y, r);
        gc.closePath();
    }

    @Override
    public void fillTriangle(double x1, double y1, double x2, double y2, double x3, double y3, int argb) {
        beginFill(argb);
        gc.moveTo(x1, y1);
        gc.lineTo(x2, y2);
        gc.lineTo(x3, y3);
        gc.closePath();
    }

    @Override
    public void fillCircle(double cx, double cy, double r, int argb) {
        beginFill(argb);
        gc.moveTo(cx + r, cy);
        gc.arc(cx, cy, r, r, 0, 360);
        gc.closePath();
    }

    @Override
    public void polyline(double[] p, double minStep, int argb, double lineWidth) {
        beginStroke(argb, lineWidth);
        gc.moveTo(p[0], p[1]);
        double lx = p[0], ly = p[1];
        int last = p.length - 2;
        for (int i = 2; i < p.length; i += 2) {
            if (i != last && Math.abs(p[i] - lx) < minStep && Math.abs(p[i + 1] - ly) < minStep) continue;
            gc.lineTo(p[i], p[i + 1]);
            lx = p[i];
            ly = p[i + 1];
        }
    }

    @Override
    public void text(String s, double x, double y, double size, boolean bold, int argb, Anchor anchor) {
        flush();
        long key = Double.doubleToLongBits(size) * 31 + (bold ? 1 : 0);
        gc.setFont(fonts.computeIfAbsent(key, k -> Font.font(Fonts.family(), bold ? FontWeight.BOLD : FontWeight.NORMAL, size)));
        gc.setFill(color(argb));
        gc.setTextAlign(anchor == Anchor.START ? TextAlignment.LEFT : anchor == Anchor.MIDDLE ? TextAlignment.CENTER : TextAlignment.RIGHT);
        if (squeeze) gc.fillText(s, x, y, Painter.textWidth(s, size, bold));
        else gc.fillText(s, x, y);
    }

    @Override
    public void finish() { flush(); }
}
