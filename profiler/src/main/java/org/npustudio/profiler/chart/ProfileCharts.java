package org.npustudio.profiler.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.npustudio.profiler.data.Aggregation;
import org.npustudio.profiler.data.ColorScale;
import org.npustudio.profiler.data.Metric;
import org.npustudio.profiler.data.NodeMetrics;
import org.npustudio.profiler.data.Profile;
import org.npustudio.profiler.data.Roof;
import org.npustudio.profiler.data.Units;

/** The profiler's charts of one profile, built the same way for the screen, the HTML report and exports. */
public final class ProfileCharts {
    private ProfileCharts() {}

    private static final int BLUE = ColorScale.argbOf(ColorScale.CATEGORICAL_HEX[0]);
    private static final int ORANGE = ColorScale.argbOf(ColorScale.CATEGORICAL_HEX[1]);
    private static final int GREEN = ColorScale.argbOf(ColorScale.CATEGORICAL_HEX[2]);

    /** Latency (blue), DRAM traffic (orange) or energy (green) summed per op type, largest first; op types that cost nothing are left out. */
    public static BarChart.Panel byOpType(Profile p, Metric m) {
        List<BarChart.Row> rows = new ArrayList<>();
        for (Aggregation.Stats s : Aggregation.byOpType(p, m)) {
            if (s.sum() > 0) rows.add(new BarChart.Row(s.key() + " ×" + s.nodes(), new double[] {s.sum()}, m.format(s.sum())));
        }
        int colour = m == Metric.DRAM ? ORANGE : m == Metric.ENERGY ? GREEN : BLUE;
        return new BarChart.Panel(m.label() + " by op type", List.of(new BarChart.Series(m.label(), colour)), rows,
                "No op has a " + m.label().toLowerCase(Locale.ROOT) + " in this run.");
    }

    /** Latency, DRAM traffic and energy by op type, side by side (the "Op types" tab). */
    public static BarChart opTypes(Profile p) {
        return BarChart.of(byOpType(p, Metric.LATENCY), byOpType(p, Metric.DRAM), byOpType(p, Metric.ENERGY));
    }

    /** DRAM bytes per fusion group, fused (blue) against unfused (orange). */
    public static BarChart.Panel fusion(Profile p) {
        List<BarChart.Row> rows = new ArrayList<>();
        for (Aggregation.FusionGroup g : Aggregation.fusionGroups(p)) {
            String saved = g.unfusedBytes() > 0 ? String.format(Locale.ROOT, " (%.0f %% saved)", 100 * (1 - g.fusedBytes() / g.unfusedBytes())) : "";
            rows.add(new BarChart.Row("group " + g.id() + " ×" + g.ops(), new double[] {g.fusedBytes(), g.unfusedBytes()},
                    Units.bytes(g.fusedBytes()) + " of " + Units.bytes(g.unfusedBytes()) + saved));
        }
        return new BarChart.Panel("DRAM traffic per fusion group", List.of(new BarChart.Series("fused", BLUE), new BarChart.Series("unfused", ORANGE)),
                rows, "No fusion groups in this run: choose fusion \"auto\" in the NPU row to see DRAM per group with and without fusion.");
    }

    /** Every op that does MACs on the roof's hardware, under whatever name the run gives it (see {@link Roof#covers}). */
    public static RooflineChart roofline(Profile p, Roof roof) {
        List<RooflineChart.Point> points = new ArrayList<>();
        for (NodeMetrics n : p.nodes()) {
            if (n.macs() == 0 || !n.costed() || !roof.covers(n.device(), p.run().device(n.device()))) continue;
            points.add(new RooflineChart.Point(n.intensity(), n.achievedMacsPerSecond(), n.name() + " (" + n.opType() + ")",
                    n.bound()));
        }
        return new RooflineChart(roof, points);
    }
}
