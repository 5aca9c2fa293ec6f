package org.npustudio.profiler.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.npustudio.error.StudioException;
import org.npustudio.io.AtomicFiles;
import org.npustudio.passes.quant.sensitivity.PrecisionChoice;
import org.npustudio.passes.quant.sensitivity.SensitivityResult;
import org.npustudio.profiler.chart.AccuracyCostChart;
import org.npustudio.profiler.chart.BarChart;
import org.npustudio.profiler.chart.ChartDrawing;
import org.npustudio.profiler.chart.PrecisionCharts;
import org.npustudio.text.Markup;

/**
 * {@code DIR/sensitivity.html}: the per-layer sensitivity chart (worst first) and, when a budget was given, the
 * accuracy-vs-cost chart of every measured assignment with the chosen one highlighted and their table.
 * Self-contained inline SVG, drawn by the same charts the profiler shows. {@link #section} is the same
 * content as an HTML fragment for a larger report.
 */
public final class PrecisionReport {
    public static final String FILE = "sensitivity.html";

    private PrecisionReport() {}

    public static List<Path> write(SensitivityResult sens, PrecisionChoice choice, Path dir) throws StudioException {
        Path f = dir.resolve(FILE);
        AtomicFiles.writeString(f, "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'/><title>NPU Studio quantization sensitivity — "
                + Markup.escape(sens.model()) + "</title><style>body{font-family:sans-serif;margin:24px;color:#222}h1{font-size:22px}"
                + "h2{font-size:17px;margin-top:28px}table{border-collapse:collapse;font-size:12px}td,th{border:1px solid #ddd;padding:3px 7px;"
                + "text-align:right;white-space:nowrap}th{background:#f3f3f3}.chosen{font-weight:bold;background:#fff3e0}</style></head><body>\n"
                + "<h1>Quantization sensitivity — " + Markup.escape(sens.model()) + "</h1>\n" + section(sens, choice) + "</body></html>\n");
        return List.of(f);
    }

    /** The charts and the table as an HTML fragment. */
    public static String section(SensitivityResult sens, PrecisionChoice choice) {
        StringBuilder b = new StringBuilder("<h2>Quantization sensitivity</h2>\n");
        b.append(String.format(Locale.ROOT, "<p>%d layers, evaluated on %s, in %.1f s.</p>%n", sens.layers().size(), Markup.escape(sens.inputs()), sens.seconds()));
        b.append("<h3>Output SQNR with only one layer quantized, worst first</h3>\n").append(ChartDrawing.of(BarChart.of(PrecisionCharts.sensitivity(sens).untitled()), 820).svgElement());
        if (choice == null) return b.toString();
        b.append("<h3>Accuracy against ").append(Markup.escape(choice.quantity())).append("</h3>\n<p>")
                .append(Markup.escape(choice.message())).append("</p>\n")
                .append(ChartDrawing.of(PrecisionCharts.accuracyVsCost(choice), 760).svgElement());
        AccuracyCostChart chart = PrecisionCharts.accuracyVsCost(choice);
        b.append("<table><tr><th>assignment</th><th>layers</th><th>output SQNR</th><th>top-1 agreement</th><th>")
                .append(Markup.escape(chart.costUnitLabel())).append("</th></tr>\n");
        for (PrecisionChoice.Point p : choice.points()) {
            b.append(p.chosen() ? "<tr class='chosen'>" : "<tr>").append("<td>").append(Markup.escape(p.label())).append("</td><td>")
                    .append(Markup.escape(PrecisionChoice.counts(p.assignment()))).append("</td><td>").append(p.accuracy().sqnrText())
                    .append(String.format(Locale.ROOT, "</td><td>%.1f%%</td><td>%.2f</td></tr>%n", 100 * p.accuracy().top1Agreement(), p.cost() * chart.costScale()));
        }
        return b.append("</table>\n").toString();
    }
}
