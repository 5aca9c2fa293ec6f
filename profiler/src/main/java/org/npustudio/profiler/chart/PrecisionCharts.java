package org.npustudio.profiler.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.npustudio.passes.quant.sensitivity.PrecisionChoice;
import org.npustudio.passes.quant.sensitivity.SensitivityResult;
import org.npustudio.profiler.data.ColorScale;

/** The charts of quantization sensitivity and of the automatic precision choice, for the profiler and the report. */
public final class PrecisionCharts {
    private PrecisionCharts() {}

    /**
     * One row per layer, worst first (lowest output SQNR at the first precision analysed), a bar per precision:
     * the model-output SQNR with only that layer quantized. Short bars are the layers to keep wide.
     */
    public static BarChart.Panel sensitivity(SensitivityResult r) {
        List<BarChart.Series> series = new ArrayList<>();
        for (int j = 0; j < r.precisions().size(); j++) {
            series.add(new BarChart.Series(r.precisions().get(j).key(), ColorScale.argbOf(ColorScale.CATEGORICAL_HEX[j % ColorScale.CATEGORICAL_HEX.length])));
        }
        List<BarChart.Row> rows = new ArrayList<>();
        for (int i : r.worstFirst(r.precisions().get(0))) {
            double[] v = new double[r.precisions().size()];
            StringBuilder text = new StringBuilder();
            for (int j = 0; j < v.length; j++) {
                double db = r.db()[i][j];
                v[j] = Double.isFinite(db) ? Math.max(0, db) : 0;
                text.append(j == 0 ? "" : " / ").append(Double.isInfinite(db) ? "exact" : String.format(Locale.ROOT, "%.1f", db));
            }
            rows.add(new BarChart.Row(r.layers().get(i).label(), v, text + " dB"));
        }
        return new BarChart.Panel("Output SQNR with only this layer quantized (worst first)", series, rows, "no quantizable layers");
    }

    /** Accuracy against the choice's cost, in µs, MB or µJ. */
    public static AccuracyCostChart accuracyVsCost(PrecisionChoice c) {
        String q = c.quantity();
        if (q.contains("latency")) return new AccuracyCostChart(c, q + " (µs)", 1e6);
        if (q.contains("DRAM")) return new AccuracyCostChart(c, q + " (MB)", 1e-6);
        return new AccuracyCostChart(c, q + " (µJ)", 1e-6);
    }
}
