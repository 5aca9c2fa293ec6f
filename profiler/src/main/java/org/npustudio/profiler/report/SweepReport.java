package org.npustudio.profiler.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.npustudio.error.StudioException;
import org.npustudio.io.AtomicFiles;
import org.npustudio.npusim.sweep.Pareto;
import org.npustudio.npusim.sweep.SweepResults;
import org.npustudio.npusim.sweep.SweepRow;
import org.npustudio.profiler.chart.ChartDrawing;
import org.npustudio.profiler.chart.ScatterChart;
import org.npustudio.text.Markup;

/**
 * A sweep's HTML report ({@code DIR/report.html}): per model, a log-log scatter of every pair of latency,
 * energy and area with that pair's Pareto front highlighted (non-dominated in the two objectives shown), and
 * the points of the three-objective front as a table. Self-contained: the charts are inline SVG drawn through
 * the profiler's painter. Everything from the sweep file is escaped.
 */
public final class SweepReport {
    public static final String FILE = "report.html";
    private static final String[] LABELS = {"latency (µs)", "energy per inference (µJ)", "area (mm²)"};

    private SweepReport() {}

    public static String render(String title, SweepResults results) {
        StringBuilder b = new StringBuilder(256 * 1024);
        b.append("<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'/><title>NPU Studio sweep — ").append(Markup.escape(title))
                .append("</title><style>body{font-family:sans-serif;margin:24px;color:#222}h1{font-size:22px}h2{font-size:17px;margin-top:28px}")
                .append("table{border-collapse:collapse;font-size:12px}td,th{border:1px solid #ddd;padding:3px 7px;text-align:right;white-space:nowrap}")
                .append("th{background:#f3f3f3}.charts{display:flex;flex-wrap:wrap;gap:12px}</style></head><body>\n");
        b.append("<h1>Sweep ").append(Markup.escape(title)).append("</h1>\n<p>").append(results.rows().size()).append(" points, ")
                .append(results.invalid()).append(" invalid (see status and reason in results.csv).</p>\n");
        List<SweepRow> rows = results.rows();
        for (Map.Entry<String, List<Integer>> model : SweepResults.byModel(rows).entrySet()) {
            b.append("<h2>").append(Markup.escape(model.getKey())).append("</h2>\n<div class='charts'>");
            int[][] pairs = {{0, 1}, {0, 2}, {1, 2}};
            for (int[] pair : pairs) b.append(ChartDrawing.of(chart(results, model.getValue(), pair[0], pair[1]), 520).svgElement());
            b.append("</div>\n");
            frontTable(b, results, model.getValue());
        }
        return b.append("</body></html>\n").toString();
    }

    public static Path write(Path dir, String title, SweepResults results) throws StudioException {
        Path f = dir.resolve(FILE);
        AtomicFiles.writeString(f, render(title, results));
        return f;
    }

    static ScatterChart chart(SweepResults results, List<Integer> rows, int a, int b) {
        double[][] pts = new double[rows.size()][];
        for (int i = 0; i < pts.length; i++) {
            SweepRow r = results.rows().get(rows.get(i));
            pts[i] = r.ok() ? new double[] {r.front(a), r.front(b)} : new double[] {Double.NaN, Double.NaN};
        }
        boolean[] front = Pareto.front(pts);
        List<ScatterChart.Point> points = new ArrayList<>();
        for (int i = 0; i < pts.length; i++) points.add(new ScatterChart.Point(pts[i][0], pts[i][1], label(results, rows.get(i)), front[i]));
        return new ScatterChart(LABELS[a], LABELS[b], points);
    }

    private static String label(SweepResults results, int row) {
        SweepRow r = results.rows().get(row);
        StringBuilder s = new StringBuilder("point ").append(r.id());
        List<String> keys = results.table().parameters();
        for (int i = 0; i < keys.size(); i++) s.append(i == 0 ? ": " : ", ").append(keys.get(i)).append('=').append(r.point().values().get(i));
        return s.append(String.format(Locale.ROOT, " — %.4g µs, %.4g µJ, %.4g mm²", r.latencyUs(), r.energyUj(), r.areaMm2())).toString();
    }

    private static void frontTable(StringBuilder b, SweepResults results, List<Integer> rows) {
        b.append("<p>On the front of latency, energy and area together:</p>\n<table><tr><th>id</th>");
        for (String k : results.table().parameters()) b.append("<th>").append(Markup.escape(k)).append("</th>");
        b.append("<th>latency µs</th><th>energy µJ</th><th>area mm²</th><th>utilisation</th></tr>\n");
        for (int i : rows) {
            if (!results.pareto()[i]) continue;
            SweepRow r = results.rows().get(i);
            b.append("<tr><td>").append(r.id()).append("</td>");
            for (String v : r.point().values()) b.append("<td>").append(Markup.escape(v)).append("</td>");
            b.append(String.format(Locale.ROOT, "<td>%.4g</td><td>%.4g</td><td>%.4g</td><td>%.3f</td></tr>%n", r.latencyUs(), r.energyUj(),
                    r.areaMm2(), r.utilisation()));
        }
        b.append("</table>\n");
    }
}
