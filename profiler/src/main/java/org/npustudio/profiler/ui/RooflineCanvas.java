package org.npustudio.profiler.ui;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.npustudio.profiler.data.NodeMetrics;
import org.npustudio.profiler.data.Profile;
import org.npustudio.profiler.data.Roof;

/** Log-log roofline: each NPU op at (MAC per DRAM byte, achieved MAC/s) under the compute roof and DRAM slope. */
final class RooflineCanvas extends ChartCanvas {
    private Profile profile;
    private Roof roof;

    RooflineCanvas() {
        super("roofline");
    }

    void show(Profile p, Roof r) {
        profile = p;
        roof = r;
        redraw();
    }

    @Override
    void draw(GraphicsContext g, double w, double h) {
        if (profile == null || roof == null || w < 100 || h < 80) return;
        double l = 60, r = 15, t = 24, b = 34;
        double x0 = -2, x1 = 4, y1 = Math.ceil(Math.log10(roof.peakMacsPerSecond() * 2)), y0 = y1 - 7;
        java.util.function.DoubleUnaryOperator sx = v -> l + (Math.log10(v) - x0) / (x1 - x0) * (w - l - r);
        java.util.function.DoubleUnaryOperator sy = v -> h - b - (Math.log10(v) - y0) / (y1 - y0) * (h - t - b);
        g.setStroke(Color.gray(0.85));
        g.setFill(Color.gray(0.3));
        g.setFont(javafx.scene.text.Font.font(10));
        for (int e = (int) x0; e <= x1; e++) {
            double x = sx.applyAsDouble(Math.pow(10, e));
            g.strokeLine(x, t, x, h - b);
            g.fillText("1e" + e, x - 8, h - b + 13);
        }
        for (int e = (int) y0; e <= y1; e++) {
            double y = sy.applyAsDouble(Math.pow(10, e));
            g.strokeLine(l, y, w - r, y);
            g.fillText("1e" + e, 8, y + 4);
        }
        g.fillText("MAC per DRAM byte", (l + w - r) / 2 - 45, h - 6);
        g.fillText("MAC/s", 8, 12);
        double ridge = roof.peakMacsPerSecond() / roof.dramBytesPerSecond();
        // The roof in dark grey so the ops' dots (orange memory-bound, blue compute-bound) stand apart from it.
        g.setStroke(Color.gray(0.25));
        g.setLineWidth(2);
        double xa = Math.pow(10, x0);
        g.strokeLine(sx.applyAsDouble(xa), sy.applyAsDouble(Math.max(Math.pow(10, y0), xa * roof.dramBytesPerSecond())),
                sx.applyAsDouble(ridge), sy.applyAsDouble(roof.peakMacsPerSecond()));
        g.strokeLine(sx.applyAsDouble(ridge), sy.applyAsDouble(roof.peakMacsPerSecond()), w - r, sy.applyAsDouble(roof.peakMacsPerSecond()));
        g.setLineWidth(1);
        int memory = 0;
        int compute = 0;
        for (NodeMetrics n : profile.nodes()) {
            double x = n.intensity();
            double y = n.achievedMacsPerSecond();
            if (!n.device().equals(roof.device()) || n.macs() == 0 || !(x > 0) || !(y > 0)) continue;
            boolean memoryBound = "memory".equals(n.bound());
            if (memoryBound) memory++;
            else compute++;
            g.setFill(memoryBound ? MEMORY : COMPUTE);
            g.fillOval(sx.applyAsDouble(x) - 3, sy.applyAsDouble(y) - 3, 6, 6);
        }
        legend(g, w - r - 340, h - b - 52, memory, compute, ridge); // bottom right: under the flat roof, where ops rarely are
    }

    private static final Color MEMORY = Color.web("#D55E00", 0.8);
    private static final Color COMPUTE = Color.web("#0072B2", 0.8);

    private void legend(GraphicsContext g, double x, double y, int memory, int compute, double ridge) {
        String roofText = String.format(java.util.Locale.ROOT, "roof: %s peak, %.1f GB/s DRAM (ridge %.0f MAC/B)",
                org.npustudio.profiler.data.Units.count(roof.peakMacsPerSecond()) + "MAC/s", roof.dramBytesPerSecond() / 1e9, ridge);
        g.setFill(Color.rgb(255, 255, 255, 0.85));
        g.fillRect(x - 4, y - 6, 330, 52);
        g.setStroke(Color.gray(0.25));
        g.setLineWidth(2);
        g.strokeLine(x, y + 2, x + 14, y + 2);
        g.setLineWidth(1);
        g.setFill(MEMORY);
        g.fillOval(x + 4, y + 12, 6, 6);
        g.setFill(COMPUTE);
        g.fillOval(x + 4, y + 28, 6, 6);
        g.setFill(Color.gray(0.2));
        g.fillText(roofText, x + 20, y + 6);
        g.fillText("memory-bound ops (" + memory + ")", x + 20, y + 21);
        g.fillText("compute-bound ops (" + compute + ")", x + 20, y + 37);
    }
}
