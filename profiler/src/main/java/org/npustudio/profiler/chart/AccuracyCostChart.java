package org.npustudio.profiler.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.npustudio.graphview.scene.Painter;
import org.npustudio.passes.quant.sensitivity.Budget;
import org.npustudio.passes.quant.sensitivity.PrecisionChoice;
import org.npustudio.profiler.data.ColorScale;

/**
 * Accuracy against cost of every assignment the automatic precision choice measured: cost (simulated latency,
 * DRAM or energy) across, output SQNR up, both linear. Uniform assignments are labelled squares, greedy steps
 * small dots, the chosen one a large dot; an SQNR budget is a dashed-looking line. An exact output (SQNR
 * infinite, e.g. fp16 layers kept float) sits on the top edge, labelled "exact".
 */
public record AccuracyCostChart(PrecisionChoice choice, String costUnitLabel, double costScale) implements Chart {
    private static final double LEFT = 60, RIGHT = 20, TOP = 40, BOTTOM = 38;
    static final int STEP = 0xA0000000 | ColorScale.argbOf(ColorScale.CATEGORICAL_HEX[0]) & 0xFFFFFF;
    static final int UNIFORM = 0xFF000000 | ColorScale.argbOf(ColorScale.CATEGORICAL_HEX[1]) & 0xFFFFFF;
    static final int CHOSEN = 0xFF000000 | ColorScale.argbOf(ColorScale.CATEGORICAL_HEX[5]) & 0xFFFFFF;
    private static final int BUDGET = 0xFF888888;

    @Override
    public double height(double width) { return Math.max(240, width * 0.55); }

    @Override
    public void draw(Painter p, double w, double h) {
        p.fillRect(0, 0, w, h, ChartText.BACKGROUND);
        List<PrecisionChoice.Point> pts = choice.points();
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        boolean exact = false;
        for (PrecisionChoice.Point pt : pts) {
            x0 = Math.min(x0, pt.cost() * costScale);
            x1 = Math.max(x1, pt.cost() * costScale);
            double y = pt.accuracy().sqnrDb();
            if (Double.isInfinite(y)) exact = true;
            else if (!Double.isNaN(y)) {
                y0 = Math.min(y0, y);
                y1 = Math.max(y1, y);
            }
        }
        if (choice.budget().kind() == Budget.Kind.SQNR_DB) {
            y0 = Math.min(y0, choice.budget().value());
            y1 = Math.max(y1, choice.budget().value());
        }
        if (y0 > y1) y0 = y1 = 0;
        double top = exact ? y1 + Math.max(5, (y1 - y0) * 0.15) : y1; // the "exact" row
        double[] xr = pad(x0, x1), yr = pad(y0, top);
        double pw = w - LEFT - RIGHT, ph = h - TOP - BOTTOM;
        java.util.function.DoubleUnaryOperator sx = v -> LEFT + (v - xr[0]) / (xr[1] - xr[0]) * pw;
        java.util.function.DoubleUnaryOperator sy = v -> h - BOTTOM - (Math.min(v, top) - yr[0]) / (yr[1] - yr[0]) * ph;
        p.strokeRoundRect(LEFT, TOP, pw, ph, 0, 0xFFB0B0B0, 1);
        for (double t : ticks(xr[0], xr[1])) {
            double x = sx.applyAsDouble(t);
            ChartText.line(p, x, TOP, x, h - BOTTOM, ChartText.GRID, 1);
            p.text(num(t), x, h - BOTTOM + 13, ChartText.SMALL, false, ChartText.AXIS_TEXT, Painter.Anchor.MIDDLE);
        }
        for (double t : ticks(yr[0], exact ? y1 : yr[1])) {
            double y = sy.applyAsDouble(t);
            ChartText.line(p, LEFT, y, w - RIGHT, y, ChartText.GRID, 1);
            p.text(num(t), LEFT - 5, y + 4, ChartText.SMALL, false, ChartText.AXIS_TEXT, Painter.Anchor.END);
        }
        if (exact) p.text("exact", LEFT - 5, sy.applyAsDouble(top) + 4, ChartText.SMALL, false, ChartText.AXIS_TEXT, Painter.Anchor.END);
        p.text("output SQNR (dB)", 8, TOP - 10, ChartText.SMALL, false, ChartText.AXIS_TEXT);
        p.text(costUnitLabel, LEFT + pw / 2, h - 6, ChartText.SMALL, false, ChartText.AXIS_TEXT, Painter.Anchor.MIDDLE);
        if (choice.budget().kind() == Budget.Kind.SQNR_DB) {
            double y = sy.applyAsDouble(choice.budget().value());
            for (double x = LEFT; x < w - RIGHT; x += 8) ChartText.line(p, x, y, Math.min(x + 4, w - RIGHT), y, BUDGET, 1);
            p.text("budget " + num(choice.budget().value()) + " dB", w - RIGHT - 4, y - 4, ChartText.SMALL, false, BUDGET, Painter.Anchor.END);
        }
        for (PrecisionChoice.Point pt : pts) {
            double x = sx.applyAsDouble(pt.cost() * costScale), y = sy.applyAsDouble(sqnr(pt, top));
            p.tooltip(pt.label() + ": " + pt.accuracy().sqnrText() + ", " + choice.quantity() + " " + num(pt.cost() * costScale));
            if (pt.kind() == PrecisionChoice.Kind.UNIFORM) {
                p.fillRect(x - 4, y - 4, 8, 8, UNIFORM);
                p.text(pt.label(), x + 7, y - 5, ChartText.SMALL, false, ChartText.TEXT);
            } else {
                p.fillCircle(x, y, 3, STEP);
            }
        }
        PrecisionChoice.Point c = choice.chosenPoint();
        if (c != null) {
            double x = sx.applyAsDouble(c.cost() * costScale), y = sy.applyAsDouble(sqnr(c, top));
            p.tooltip("chosen: " + c.label());
            p.fillCircle(x, y, 6, CHOSEN);
            p.text(choice.met() ? "chosen" : "best reachable", x + 8, y + 14, ChartText.SMALL, true, CHOSEN);
        }
        double lx = LEFT, ly = 14;
        p.fillRect(lx, ly - 4, 8, 8, UNIFORM);
        p.text("uniform precision", lx + 12, ly + 4, ChartText.SMALL, false, ChartText.TEXT);
        p.fillCircle(lx + 124, ly, 3, STEP);
        p.text("greedy steps measured", lx + 132, ly + 4, ChartText.SMALL, false, ChartText.TEXT);
        p.fillCircle(lx + 270, ly, 5, CHOSEN);
        p.text(choice.met() ? "chosen" : "best reachable", lx + 280, ly + 4, ChartText.SMALL, false, ChartText.TEXT);
    }

    private static double sqnr(PrecisionChoice.Point pt, double top) {
        double v = pt.accuracy().sqnrDb();
        return Double.isInfinite(v) || Double.isNaN(v) ? top : v;
    }

    private static double[] pad(double lo, double hi) {
        double span = hi - lo;
        if (span <= 0) span = Math.max(Math.abs(hi) * 0.1, 1);
        return new double[] {lo - span * 0.08, hi + span * 0.08};
    }

    /** About five round ticks (1, 2 or 5 × 10^k apart) inside [lo, hi]. */
    static List<Double> ticks(double lo, double hi) {
        double raw = (hi - lo) / 5, mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
        List<Double> out = new ArrayList<>();
        for (double t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) out.add(t);
        return out;
    }

    static String num(double v) {
        double a = Math.abs(v);
        return a >= 100 || a == 0 ? String.format(Locale.ROOT, "%,.0f", v) : a >= 1 ? String.format(Locale.ROOT, "%.1f", v)
                : String.format(Locale.ROOT, "%.3g", v);
    }
}
