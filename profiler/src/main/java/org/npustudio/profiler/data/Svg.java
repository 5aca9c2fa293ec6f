package org.npustudio.profiler.data;

import java.util.List;
import java.util.Locale;
import org.npustudio.text.Markup;

/** Minimal inline-SVG charts for the self-contained HTML report (no scripts, no external assets). */
final class Svg {
    private Svg() {}

    record Bar(String label, double value, String text) {}

    /** Horizontal bars, largest first as given; {@code text} is printed after each bar. */
    static String bars(List<Bar> bars, String colour, int width) {
        int rowH = 18;
        int labelW = 170;
        int h = bars.size() * rowH + 8;
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        StringBuilder b = open(width, h);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double w = max > 0 ? (width - labelW - 110) * bar.value() / max : 0;
            int y = 4 + i * rowH;
            b.append(text(labelW - 6, y + 13, bar.label(), "end", 11));
            b.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='%.1f' height='%d' fill='%s'/>", labelW, y + 2, w, rowH - 5, colour));
            b.append(text((int) (labelW + w + 5), y + 13, bar.text(), "start", 11));
        }
        return b.append("</svg>").toString();
    }

    record Point(double x, double y, String label, String colour) {}

    /**
     * Roofline on log-log axes: points (intensity MAC/B, achieved MAC/s), the compute roof at
     * {@code peak} MAC/s and the memory slope {@code bandwidth} B/s (attainable = min(peak, I * bw)).
     */
    static String roofline(List<Point> points, double peak, double bandwidth, int width, int height) {
        int l = 70, r = 20, t = 15, bt = 45;
        double xmin = 1e-2, xmax = 1e4;
        double ymax = peak * 2;
        double ymin = Math.max(1, ymax / 1e7);
        for (Point p : points) {
            if (p.x() > 0) { xmin = Math.min(xmin, p.x() / 2); xmax = Math.max(xmax, p.x() * 2); }
            if (p.y() > 0) ymin = Math.min(ymin, p.y() / 2);
        }
        final double x0 = Math.log10(xmin), x1 = Math.log10(xmax), y0 = Math.log10(ymin), y1 = Math.log10(ymax);
        java.util.function.DoubleUnaryOperator sx = v -> l + (Math.log10(v) - x0) / (x1 - x0) * (width - l - r);
        java.util.function.DoubleUnaryOperator sy = v -> height - bt - (Math.log10(v) - y0) / (y1 - y0) * (height - t - bt);
        StringBuilder b = open(width, height);
        b.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='%d' height='%d' fill='none' stroke='#999'/>", l, t, width - l - r, height - t - bt));
        for (int e = (int) Math.ceil(x0); e <= x1; e++) {
            double x = sx.applyAsDouble(Math.pow(10, e));
            b.append(String.format(Locale.ROOT, "<line x1='%.1f' y1='%d' x2='%.1f' y2='%d' stroke='#eee'/>", x, t, x, height - bt));
            b.append(text((int) x, height - bt + 14, "1e" + e, "middle", 10));
        }
        for (int e = (int) Math.ceil(y0); e <= y1; e++) {
            double y = sy.applyAsDouble(Math.pow(10, e));
            b.append(String.format(Locale.ROOT, "<line x1='%d' y1='%.1f' x2='%d' y2='%.1f' stroke='#eee'/>", l, y, width - r, y));
            b.append(text(l - 4, (int) y + 4, "1e" + e, "end", 10));
        }
        double ridge = peak / bandwidth;
        double xa = Math.max(xmin, ymin / bandwidth);
        b.append(String.format(Locale.ROOT, "<polyline fill='none' stroke='#D55E00' stroke-width='2' points='%.1f,%.1f %.1f,%.1f %.1f,%.1f'/>",
                sx.applyAsDouble(xa), sy.applyAsDouble(xa * bandwidth), sx.applyAsDouble(Math.min(ridge, xmax)),
                sy.applyAsDouble(Math.min(peak, Math.min(ridge, xmax) * bandwidth)), sx.applyAsDouble(xmax), sy.applyAsDouble(peak)));
        for (Point p : points) {
            if (p.x() <= 0 || p.y() <= 0) continue;
            b.append(String.format(Locale.ROOT, "<circle cx='%.1f' cy='%.1f' r='3' fill='%s' fill-opacity='0.8'><title>%s</title></circle>",
                    sx.applyAsDouble(p.x()), sy.applyAsDouble(p.y()), p.colour(), Markup.escape(p.label())));
        }
        b.append(text((l + width - r) / 2, height - 8, "arithmetic intensity (MAC per DRAM byte)", "middle", 11));
        b.append(String.format(Locale.ROOT, "<text x='14' y='%d' font-size='11' transform='rotate(-90 14 %d)' text-anchor='middle'>achieved MAC/s</text>",
                (t + height - bt) / 2, (t + height - bt) / 2));
        return b.append("</svg>").toString();
    }

    record Span(String lane, double start, double end, String label, String colour) {}

    /** A Gantt chart: one row per lane, bars from start to end (µs). */
    static String gantt(List<String> lanes, List<Span> spans, double endMicros, int width) {
        int l = 110, rowH = 22;
        int h = lanes.size() * rowH + 30;
        double span = endMicros > 0 ? endMicros : 1;
        StringBuilder b = open(width, h);
        for (int i = 0; i < lanes.size(); i++) {
            b.append(text(l - 6, 16 + i * rowH, lanes.get(i), "end", 11));
            b.append(String.format(Locale.ROOT, "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='#eee'/>", l, 20 + i * rowH, width - 10, 20 + i * rowH));
        }
        for (Span s : spans) {
            int row = lanes.indexOf(s.lane());
            if (row < 0) continue;
            double x = l + s.start() / span * (width - l - 10);
            double w = Math.max(0.5, (s.end() - s.start()) / span * (width - l - 10));
            b.append(String.format(Locale.ROOT, "<rect x='%.2f' y='%d' width='%.2f' height='%d' fill='%s'><title>%s</title></rect>",
                    x, 4 + row * rowH, w, rowH - 6, s.colour(), Markup.escape(s.label())));
        }
        b.append(text(l, h - 6, "0", "start", 10)).append(text(width - 10, h - 6, Metric.LATENCY.format(endMicros), "end", 10));
        return b.append("</svg>").toString();
    }

    private static StringBuilder open(int w, int h) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' viewBox='0 0 %d %d' font-family='sans-serif'>", w, h, w, h));
    }

    private static String text(int x, int y, String s, String anchor, int size) {
        return String.format(Locale.ROOT, "<text x='%d' y='%d' font-size='%d' text-anchor='%s'>%s</text>", x, y, size, anchor, Markup.escape(s));
    }
}
