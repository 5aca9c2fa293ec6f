package org.npustudio.profiler.chart;

import java.util.List;
import java.util.Locale;
import org.npustudio.graphview.scene.Painter;
import org.npustudio.profiler.data.ColorScale;
import org.npustudio.profiler.data.Roof;
import org.npustudio.profiler.data.Units;

/**
 * Log-log roofline: each op of the roof's device at (MAC per DRAM byte, achieved MAC/s) under the compute
 * roof and the DRAM slope (attainable = min(peak, intensity x bandwidth)). The axes span whole decades and
 * grow to hold every op; a legend names the roof, the ridge point and how many ops are bound by what.
 */
public record RooflineChart(Roof roof, List<Point> points) implements Chart {
    private static final double LEFT = 60;
    private static final double RIGHT = 15;
    private static final double TOP = 22;
    private static final double BOTTOM = 36;
    /** Dark grey, so the ops' dots (vermillion memory-, blue compute-, purple latency-bound) stand apart from the roof. */
    private static final int ROOF = 0xFF404040;
    static final int MEMORY = 0xCC000000 | ColorScale.argbOf(ColorScale.CATEGORICAL_HEX[5]) & 0xFFFFFF;
    static final int COMPUTE = 0xCC000000 | ColorScale.argbOf(ColorScale.CATEGORICAL_HEX[0]) & 0xFFFFFF;
    static final int LATENCY = 0xCC000000 | ColorScale.argbOf(ColorScale.CATEGORICAL_HEX[3]) & 0xFFFFFF;

    public RooflineChart {
        points = List.copyOf(points);
    }

    /** One op: intensity (MAC/B), achieved MAC/s, a label for tooltips, and its bound as the table says it ("memory", "compute", "latency"). */
    public record Point(double intensity, double macsPerSecond, String label, String bound) {
        int colour() {
            return switch (bound) {
                case "memory" -> MEMORY;
                case "latency" -> LATENCY;
                default -> COMPUTE;
            };
        }

        boolean drawable() { return intensity > 0 && macsPerSecond > 0 && Double.isFinite(intensity) && Double.isFinite(macsPerSecond); }
    }

    @Override
    public double height(double width) { return Math.max(240, width / 2); }

    /** The axes in whole decades, {x0, x1, y0, y1}: 1e-2..1e4 MAC/B and seven decades below twice the peak, grown to hold every op. */
    double[] decades() {
        double y1 = Math.ceil(Math.log10(roof.peakMacsPerSecond() * 2));
        double xmin = 1e-2, xmax = 1e4, ymin = Math.pow(10, y1 - 7);
        for (Point pt : points) {
            if (!pt.drawable()) continue;
            xmin = Math.min(xmin, pt.intensity() / 2);
            xmax = Math.max(xmax, pt.intensity() * 2);
            ymin = Math.min(ymin, pt.macsPerSecond() / 2);
        }
        return new double[] {Math.floor(Math.log10(xmin)), Math.ceil(Math.log10(xmax)), Math.floor(Math.log10(ymin)), y1};
    }

    @Override
    public void draw(Painter p, double w, double h) {
        p.fillRect(0, 0, w, h, ChartText.BACKGROUND);
        if (w < 100 || h < 80) return;
        double[] d = decades();
        double pw = w - LEFT - RIGHT, ph = h - TOP - BOTTOM;
        java.util.function.DoubleUnaryOperator sx = v -> LEFT + (Math.log10(v) - d[0]) / (d[1] - d[0]) * pw;
        java.util.function.DoubleUnaryOperator sy = v -> h - BOTTOM - (Math.log10(v) - d[2]) / (d[3] - d[2]) * ph;
        grid(p, d, w, h, pw, ph);
        double peak = roof.peakMacsPerSecond(), bw = roof.dramBytesPerSecond(), ridge = peak / bw;
        double xa = Math.max(Math.pow(10, d[0]), Math.pow(10, d[2]) / bw); // where the slope enters the plot
        double xr = Math.max(xa, Math.min(ridge, Math.pow(10, d[1])));
        p.polyline(new double[] {sx.applyAsDouble(xa), sy.applyAsDouble(Math.min(peak, xa * bw)), sx.applyAsDouble(xr),
                sy.applyAsDouble(Math.min(peak, xr * bw)), LEFT + pw, sy.applyAsDouble(peak)}, 0, ROOF, 2);
        int memory = 0, compute = 0, latency = 0;
        for (Point pt : points) {
            if (!pt.drawable()) continue;
            int c = pt.colour();
            if (c == MEMORY) memory++;
            else if (c == LATENCY) latency++;
            else compute++;
            p.tooltip(pt.label() + " · " + pt.bound() + "-bound");
            p.fillCircle(sx.applyAsDouble(pt.intensity()), sy.applyAsDouble(pt.macsPerSecond()), 3, c);
        }
        p.text("achieved MAC/s", 8, 13, ChartText.SMALL, false, ChartText.AXIS_TEXT);
        p.text("arithmetic intensity (MAC per DRAM byte)", LEFT + pw / 2, h - 6, ChartText.SMALL, false, ChartText.AXIS_TEXT, Painter.Anchor.MIDDLE);
        // Bottom right: under the flat roof, where ops rarely are.
        legend(p, w - RIGHT - 340, h - BOTTOM - 68, memory, compute, latency, ridge);
    }

    /** A frame, a line per decade and its label; labels thin out when decades are closer than a label. */
    private static void grid(Painter p, double[] d, double w, double h, double pw, double ph) {
        int xStep = (int) Math.ceil(40 / (pw / (d[1] - d[0])));
        for (int e = (int) d[0]; e <= d[1]; e++) {
            double x = LEFT + (e - d[0]) / (d[1] - d[0]) * pw;
            ChartText.line(p, x, TOP, x, h - BOTTOM, ChartText.GRID, 1);
            if ((e - (int) d[0]) % xStep == 0) p.text("1e" + e, x, h - BOTTOM + 13, ChartText.SMALL, false, ChartText.AXIS_TEXT, Painter.Anchor.MIDDLE);
        }
        int yStep = (int) Math.ceil(12 / (ph / (d[3] - d[2])));
        for (int e = (int) d[2]; e <= d[3]; e++) {
            double y = h - BOTTOM - (e - d[2]) / (d[3] - d[2]) * ph;
            ChartText.line(p, LEFT, y, w - RIGHT, y, ChartText.GRID, 1);
            if (((int) d[3] - e) % yStep == 0) p.text("1e" + e, LEFT - 5, y + 4, ChartText.SMALL, false, ChartText.AXIS_TEXT, Painter.Anchor.END);
        }
        p.strokeRoundRect(LEFT, TOP, pw, ph, 0, 0xFFB0B0B0, 1);
    }

    private void legend(Painter p, double x, double y, int memory, int compute, int latency, double ridge) {
        String roofText = String.format(Locale.ROOT, "roof: %s peak, %.1f GB/s DRAM (ridge %.0f MAC/B)",
                Units.count(roof.peakMacsPerSecond()) + "MAC/s", roof.dramBytesPerSecond() / 1e9, ridge);
        p.fillRect(x - 4, y - 6, 330, 68, 0xD9FFFFFF);
        ChartText.line(p, x, y + 2, x + 14, y + 2, ROOF, 2);
        p.fillCircle(x + 7, y + 15, 3, MEMORY);
        p.fillCircle(x + 7, y + 31, 3, COMPUTE);
        p.text(roofText, x + 20, y + 6, ChartText.SMALL, false, ChartText.TEXT);
        p.text("memory-bound ops (" + memory + ")", x + 20, y + 21, ChartText.SMALL, false, ChartText.TEXT);
        p.text("compute-bound ops (" + compute + ")", x + 20, y + 37, ChartText.SMALL, false, ChartText.TEXT);
        p.fillCircle(x + 7, y + 47, 3, LATENCY);
        p.text("latency-bound ops (" + latency + "): array fill/drain, idle PEs", x + 20, y + 53, ChartText.SMALL, false, ChartText.TEXT);
    }
}
