package org.npustudio.profiler.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.npustudio.npusim.sweep.SweepRow;
import org.npustudio.profiler.data.SweepData;

/**
 * The Sweep view's scatter: one dot per valid point of the shown rows, X and Y chosen objectives (log scales
 * when the range spans a decade or more), the pair's front as a line through its points, brushing (drag a
 * rectangle: the points inside become the selection), a hover label with the point's parameters, and a click
 * on a dot asking to open that point. Drawn on a canvas that follows the pane's size.
 */
final class SweepScatter extends Pane {
    private static final double LEFT = 78, RIGHT = 16, TOP = 14, BOTTOM = 44, HIT = 7;
    static final Color DOT = Color.web("#8a94a6"), FRONT = Color.web("#d9480f"), SELECTED = Color.web("#1c7ed6");

    private final Canvas canvas = new Canvas();
    private final Label hover = new Label();
    private SweepData data;
    private List<SweepRow> rows = List.of();
    private boolean[] front = new boolean[0];
    private List<SweepRow> selection = List.of();
    private String x = "latency_us", y = "energy_uj";
    private Axis ax, ay;
    private Point2D dragFrom, dragTo;
    private Consumer<List<SweepRow>> onSelect = s -> { };
    private Consumer<SweepRow> onOpen = r -> { };

    /** One axis: its objective's range and whether it is logarithmic. */
    private record Axis(double min, double max, boolean log) {
        static Axis of(List<Double> values) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            if (values.isEmpty()) return new Axis(0, 1, false);
            boolean log = SweepData.logScale(lo, hi);
            if (log) return new Axis(Math.log10(lo) - 0.05 * Math.log10(hi / lo), Math.log10(hi) + 0.05 * Math.log10(hi / lo), true);
            double pad = hi > lo ? 0.05 * (hi - lo) : Math.max(Math.abs(lo) * 0.1, 1);
            return new Axis(lo - pad, hi + pad, false);
        }

        double t(double v) { return ((log ? Math.log10(v) : v) - min) / (max - min); }

        double value(double t) {
            double u = min + t * (max - min);
            return log ? Math.pow(10, u) : u;
        }
    }

    SweepScatter() {
        setId("sweep-scatter");
        getChildren().addAll(canvas, hover);
        hover.setId("sweep-hover");
        hover.setVisible(false);
        hover.setMouseTransparent(true);
        hover.setStyle("-fx-background-color: #fffbe6; -fx-border-color: #888; -fx-padding: 3 6 3 6;");
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        canvas.widthProperty().addListener(o -> draw());
        canvas.heightProperty().addListener(o -> draw());
        setMinSize(200, 160);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            dragFrom = new Point2D(e.getX(), e.getY());
            dragTo = dragFrom;
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            dragTo = new Point2D(e.getX(), e.getY());
            hover.setVisible(false);
            draw();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (dragFrom == null) return;
            Point2D from = dragFrom;
            dragFrom = dragTo = null;
            if (from.distance(e.getX(), e.getY()) < 4) {
                SweepRow hit = nearest(e.getX(), e.getY());
                if (hit != null) onOpen.accept(hit);
                draw();
            } else {
                brush(Math.min(from.getX(), e.getX()), Math.min(from.getY(), e.getY()), Math.max(from.getX(), e.getX()), Math.max(from.getY(), e.getY()));
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> showHover(nearest(e.getX(), e.getY()), e.getX(), e.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover.setVisible(false));
    }

    void setOnSelect(Consumer<List<SweepRow>> c) { onSelect = c; }

    void setOnOpen(Consumer<SweepRow> c) { onOpen = c; }

    /** Shows {@code shown} (rows of {@code data}) with {@code front} (one flag per shown row) on objectives x and y. */
    void show(SweepData data, List<SweepRow> shown, boolean[] front, String x, String y) {
        this.data = data;
        this.rows = shown;
        this.front = front;
        this.x = x;
        this.y = y;
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (SweepRow r : plotted()) {
            xs.add(SweepData.value(r, x));
            ys.add(SweepData.value(r, y));
        }
        ax = Axis.of(xs);
        ay = Axis.of(ys);
        selection = selection.stream().filter(shown::contains).toList();
        draw();
    }

    List<SweepRow> selection() { return selection; }

    /** Selects the given rows (as a brush would) and tells the owner. */
    void select(List<SweepRow> s) {
        selection = List.copyOf(s);
        draw();
        onSelect.accept(selection);
    }

    /** The rows drawn: valid, with both values present (a log axis also needs them positive). */
    List<SweepRow> plotted() {
        List<SweepRow> out = new ArrayList<>();
        for (SweepRow r : rows) {
            double vx = SweepData.value(r, x), vy = SweepData.value(r, y);
            if (r.ok() && Double.isFinite(vx) && Double.isFinite(vy)) out.add(r);
        }
        return out;
    }

    boolean logX() { return ax != null && ax.log(); }

    boolean logY() { return ay != null && ay.log(); }

    /** Where a row's dot is, in this pane's coordinates (null when it is not drawn). */
    Point2D position(SweepRow r) {
        if (ax == null || !plotted().contains(r)) return null;
        double vx = SweepData.value(r, x), vy = SweepData.value(r, y);
        if (ax.log() && vx <= 0 || ay.log() && vy <= 0) return null;
        double w = getWidth() - LEFT - RIGHT, h = getHeight() - TOP - BOTTOM;
        return new Point2D(LEFT + ax.t(vx) * w, TOP + (1 - ay.t(vy)) * h);
    }

    private SweepRow nearest(double px, double py) {
        SweepRow best = null;
        double bestD = HIT;
        for (SweepRow r : plotted()) {
            Point2D p = position(r);
            if (p == null) continue;
            double d = p.distance(px, py);
            if (d <= bestD) {
                bestD = d;
                best = r;
            }
        }
        return best;
    }

    private void brush(double x0, double y0, double x1, double y1) {
        List<SweepRow> in = new ArrayList<>();
        for (SweepRow r : plotted()) {
            Point2D p = position(r);
            if (p != null && p.getX() >= x0 && p.getX() <= x1 && p.getY() >= y0 && p.getY() <= y1) in.add(r);
        }
        select(in);
    }

    private void showHover(SweepRow r, double px, double py) {
        if (r == null || data == null) {
            hover.setVisible(false);
            return;
        }
        hover.setText(String.format(Locale.ROOT, "point %d · %s%n%s%n%s %s · %s %s", r.id(), r.point().model(), data.describe(r),
                x, SweepView.format(SweepData.value(r, x)), y, SweepView.format(SweepData.value(r, y))));
        hover.setVisible(true);
        hover.autosize();
        double lx = px + 14 + hover.getWidth() > getWidth() ? px - 14 - hover.getWidth() : px + 14;
        hover.relocate(Math.max(0, lx), Math.max(0, py - hover.getHeight() - 6));
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = getWidth(), h = getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (ax == null) return;
        double pw = w - LEFT - RIGHT, ph = h - TOP - BOTTOM;
        g.setStroke(Color.web("#ccc"));
        g.strokeRect(LEFT, TOP, pw, ph);
        g.setFont(Font.font(11));
        g.setFill(Color.web("#444"));
        for (double t : ticks(ax)) {
            double px = LEFT + ax.t(t) * pw;
            g.setStroke(Color.web("#eee"));
            g.strokeLine(px, TOP, px, TOP + ph);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            g.fillText(SweepView.format(t), px, TOP + ph + 4);
        }
        for (double t : ticks(ay)) {
            double py = TOP + (1 - ay.t(t)) * ph;
            g.setStroke(Color.web("#eee"));
            g.strokeLine(LEFT, py, LEFT + pw, py);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(SweepView.format(t), LEFT - 5, py);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(x + (ax.log() ? " (log)" : ""), LEFT + pw / 2, h - 4);
        g.save();
        g.translate(12, TOP + ph / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.TOP);
        g.fillText(y + (ay.log() ? " (log)" : ""), 0, -8);
        g.restore();
        List<Point2D> frontPts = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Point2D p = position(rows.get(i));
            if (p == null) continue;
            if (front[i]) frontPts.add(p);
            else dot(g, p, DOT, 3);
        }
        // The front: ordered along X, its line steps from the best X to the best Y.
        frontPts.sort((a, b) -> Double.compare(a.getX(), b.getX()));
        g.setStroke(FRONT);
        g.setLineWidth(1.5);
        for (int i = 1; i < frontPts.size(); i++) {
            g.strokeLine(frontPts.get(i - 1).getX(), frontPts.get(i - 1).getY(), frontPts.get(i).getX(), frontPts.get(i).getY());
        }
        g.setLineWidth(1);
        for (Point2D p : frontPts) dot(g, p, FRONT, 4.5);
        g.setStroke(SELECTED);
        g.setLineWidth(2);
        for (SweepRow r : selection) {
            Point2D p = position(r);
            if (p != null) g.strokeOval(p.getX() - 6, p.getY() - 6, 12, 12);
        }
        g.setLineWidth(1);
        if (dragFrom != null && dragTo != null) {
            g.setStroke(SELECTED);
            g.setFill(SELECTED.deriveColor(0, 1, 1, 0.12));
            double x0 = Math.min(dragFrom.getX(), dragTo.getX()), y0 = Math.min(dragFrom.getY(), dragTo.getY());
            double bw = Math.abs(dragTo.getX() - dragFrom.getX()), bh = Math.abs(dragTo.getY() - dragFrom.getY());
            g.fillRect(x0, y0, bw, bh);
            g.strokeRect(x0, y0, bw, bh);
        }
    }

    private static void dot(GraphicsContext g, Point2D p, Color c, double r) {
        g.setFill(c);
        g.fillOval(p.getX() - r, p.getY() - r, 2 * r, 2 * r);
    }

    /** Decades (and 2, 5 between when few) on a log axis; about five round steps on a linear one. */
    private static List<Double> ticks(Axis a) {
        List<Double> out = new ArrayList<>();
        double lo = a.value(0), hi = a.value(1);
        if (a.log()) {
            int d0 = (int) Math.floor(Math.log10(lo)), d1 = (int) Math.ceil(Math.log10(hi));
            double[] mult = d1 - d0 <= 2 ? new double[] {1, 2, 5} : new double[] {1};
            for (int d = d0; d <= d1; d++) {
                for (double m : mult) {
                    double v = m * Math.pow(10, d);
                    if (v >= lo && v <= hi) out.add(v);
                }
            }
            return out;
        }
        double raw = (hi - lo) / 5, mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag >= 5 ? 5 * mag : raw / mag >= 2 ? 2 * mag : mag;
        for (double v = Math.ceil(lo / step) * step; v <= hi; v += step) out.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        return out;
    }
}
