package org.npustudio.profiler.chart;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.npustudio.graphview.scene.Painter;
import org.npustudio.profiler.data.ColorScale;

/**
 * Log-log scatter of design points for two objectives, the points on the Pareto front drawn larger in a
 * strong colour and joined as a staircase (both objectives minimised). Ticks at 1, 2 and 5 of each decade.
 * Points that are not positive and finite (invalid design points) are left out and counted in the legend.
 */
public record ScatterChart(String xLabel, String yLabel, List<Point> points) implements Chart {
    private static final double LEFT = 70;
    private static final double RIGHT = 15;
    private static final double TOP = 40;
    private static final double BOTTOM = 36;
    static final int OTHER = 0x80000000 | ColorScale.argbOf(ColorScale.CATEGORICAL_HEX[0]) & 0xFFFFFF;
    static final int FRONT = 0xFF000000 | ColorScale.argbOf(ColorScale.CATEGORICAL_HEX[5]) & 0xFFFFFF;

    public ScatterChart {
        points = List.copyOf(points);
    }

    /** One design point: its two objectives, a tooltip label, and whether it is on this pair's front. */
    public record Point(double x, double y, String label, boolean front) {
        boolean drawable() { return x > 0 && y > 0 && Double.isFinite(x) && Double.isFinite(y); }
    }

    @Override
    public double height(double width) { return Math.max(220, width * 0.6); }

    @Override
    public void draw(Painter p, double w, double h) {
        p.fillRect(0, 0, w, h, ChartText.BACKGROUND);
        if (w < 120 || h < 90) return;
        double x0 = Double.POSITIVE_INFINITY, x1 = 0, y0 = Double.POSITIVE_INFINITY, y1 = 0;
        int drawn = 0;
        for (Point pt : points) {
            if (!pt.drawable()) continue;
            drawn++;
            x0 = Math.min(x0, pt.x());
            x1 = Math.max(x1, pt.x());
            y0 = Math.min(y0, pt.y());
            y1 = Math.max(y1, pt.y());
        }
        double pw = w - LEFT - RIGHT, ph = h - TOP - BOTTOM;
        p.strokeRoundRect(LEFT, TOP, pw, ph, 0, 0xFFB0B0B0, 1);
        p.text(yLabel, 8, TOP - 8, ChartText.SMALL, false, ChartText.AXIS_TEXT);
        p.text(xLabel, LEFT + pw / 2, h - 6, ChartText.SMALL, false, ChartText.AXIS_TEXT, Painter.Anchor.MIDDLE);
        if (drawn == 0) {
            p.text("no valid points", LEFT + pw / 2, TOP + ph / 2, ChartText.SIZE, false, ChartText.TEXT, Painter.Anchor.MIDDLE);
            return;
        }
        // A tenth of a decade of margin on each side; a single value gets half a decade.
        double lx0 = Math.log10(x0) - 0.1, lx1 = Math.max(Math.log10(x1), Math.log10(x0) + 0.4) + 0.1;
        double ly0 = Math.log10(y0) - 0.1, ly1 = Math.max(Math.log10(y1), Math.log10(y0) + 0.4) + 0.1;
        DoubleUnaryOperator sx = v -> LEFT + (Math.log10(v) - lx0) / (lx1 - lx0) * pw;
        DoubleUnaryOperator sy = v -> h - BOTTOM - (Math.log10(v) - ly0) / (ly1 - ly0) * ph;
        for (double t : ticks(lx0, lx1)) {
            double x = sx.applyAsDouble(t);
            ChartText.line(p, x, TOP, x, h - BOTTOM, ChartText.GRID, 1);
            p.text(label(t), x, h - BOTTOM + 13, ChartText.SMALL, false, ChartText.AXIS_TEXT, Painter.Anchor.MIDDLE);
        }
        for (double t : ticks(ly0, ly1)) {
            double y = sy.applyAsDouble(t);
            ChartText.line(p, LEFT, y, w - RIGHT, y, ChartText.GRID, 1);
            p.text(label(t), LEFT - 5, y + 4, ChartText.SMALL, false, ChartText.AXIS_TEXT, Painter.Anchor.END);
        }
        for (Point pt : points) {
            if (!pt.drawable() || pt.front()) continue;
            p.tooltip(pt.label());
            p.fillCircle(sx.applyAsDouble(pt.x()), sy.applyAsDouble(pt.y()), 2.5, OTHER);
        }
        List<Point> front = points.stream().filter(pt -> pt.drawable() && pt.front())
                .sorted(Comparator.comparingDouble(Point::x).thenComparingDouble(Point::y)).toList();
        if (front.size() > 1) {
            double[] line = new double[front.size() * 4 - 2];
            int k = 0;
            for (int i = 0; i < front.size(); i++) {
                if (i > 0) { // the staircase: across at the earlier y, then down
                    line[k++] = sx.applyAsDouble(front.get(i).x());
                    line[k++] = sy.applyAsDouble(front.get(i - 1).y());
                }
                line[k++] = sx.applyAsDouble(front.get(i).x());
                line[k++] = sy.applyAsDouble(front.get(i).y());
            }
            p.polyline(line, 0, FRONT, 1.5);
        }
        for (Point pt : front) {
            p.tooltip(pt.label());
            p.fillCircle(sx.applyAsDouble(pt.x()), sy.applyAsDouble(pt.y()), 4, FRONT);
        }
        // The legend sits above the plot, where no point can be under it.
        double lx = w - RIGHT - 300, ly = 12;
        p.fillCircle(lx + 5, ly, 4, FRONT);
        p.text("Pareto front (" + front.size() + ")", lx + 14, ly + 4, ChartText.SMALL, false, ChartText.TEXT);
        p.fillCircle(lx + 5, ly + 16, 2.5, OTHER);
        int left = points.size() - drawn;
        p.text("other points (" + (drawn - front.size()) + ")" + (left > 0 ? ", " + left + " invalid not shown" : ""), lx + 14, ly + 20,
                ChartText.SMALL, false, ChartText.TEXT);
    }

    /** 1, 2, 5 × 10^k inside [lo, hi] (log10 units), or only decades when the span is wide. */
    static List<Double> ticks(double lo, double hi) {
        List<Double> out = new java.util.ArrayList<>();
        double[] steps = hi - lo > 3 ? new double[] {1} : new double[] {1, 2, 5};
        for (int e = (int) Math.floor(lo); e <= Math.ceil(hi); e++) {
            for (double s : steps) {
                double v = s * Math.pow(10, e);
                double l = Math.log10(v);
                if (l >= lo && l <= hi) out.add(v);
            }
        }
        return out;
    }

    static String label(double v) {
        if (v >= 1e7 || v < 1e-3) return String.format(Locale.ROOT, "%.0e", v);
        return v >= 1 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%s", (float) v);
    }
}
