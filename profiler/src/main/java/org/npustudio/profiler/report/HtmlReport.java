package org.npustudio.profiler.report;

import java.util.List;
import java.util.Locale;
import org.npustudio.profiler.chart.BarChart;
import org.npustudio.profiler.chart.Chart;
import org.npustudio.profiler.chart.ChartDrawing;
import org.npustudio.profiler.chart.ProfileCharts;
import org.npustudio.profiler.chart.TimelineChart;
import org.npustudio.profiler.data.Aggregation;
import org.npustudio.profiler.data.ColorScale;
import org.npustudio.profiler.data.Metric;
import org.npustudio.profiler.data.NodeMetrics;
import org.npustudio.profiler.data.Profile;
import org.npustudio.profiler.data.Roof;
import org.npustudio.profiler.data.Units;
import org.npustudio.text.Markup;

/**
 * report.html: one self-contained page (inline CSS and SVG, no scripts, no external assets) with the
 * summary, top ops, per-op-type breakdown, roofline, schedule timeline, fusion traffic and the per-node
 * table. Everything user-provided is escaped.
 */
public final class HtmlReport {
    private static final int TOP = 15;

    private HtmlReport() {}

    public static String render(Profile p, Roof roof) {
        return render(p, roof, "");
    }

    /** As above with {@code extra} (an HTML fragment, e.g. the quantization sensitivity section) before the table of all ops. */
    public static String render(Profile p, Roof roof, String extra) {
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append("<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'/><title>NPU Studio report — ")
                .append(Markup.escape(p.model())).append("</title><style>")
                .append("body{font-family:sans-serif;margin:24px;color:#222}h1{font-size:22px}h2{font-size:17px;margin-top:28px}")
                .append("table{border-collapse:collapse;font-size:12px}td,th{border:1px solid #ddd;padding:3px 7px;text-align:right;white-space:nowrap}")
                .append("td:first-child,th:first-child,td.t{text-align:left}th{background:#f3f3f3}.cards{display:flex;gap:12px;flex-wrap:wrap}")
                .append(".card{border:1px solid #ddd;border-radius:6px;padding:8px 12px}.card b{display:block;font-size:18px}")
                .append("tr.unknown td{background:" + ColorScale.NEUTRAL_HEX + "}")
                .append("</style></head><body>\n");
        b.append("<h1>").append(Markup.escape(p.model())).append(" on ").append(Markup.escape(roof.device()))
                .append(p.asCompiled() ? " (as compiled)" : "").append("</h1>\n");
        if (p.asCompiled()) {
            b.append("<p>Costed as compiled: the graph the pass pipeline compiles this model to, told on the opened nodes. A node")
                    .append(" another absorbed (a folded BatchNormalization, a fused activation) has no cost of its own; the")
                    .append(" <i>compiled as</i> column says where its work went.</p>\n");
        }
        summary(b, p);
        b.append("<h2>Top ").append(TOP).append(" ops by latency</h2>\n");
        nodeTable(b, Aggregation.top(p, Metric.LATENCY, TOP));
        b.append("<h2>Latency by op type</h2>\n").append(svg(BarChart.of(ProfileCharts.byOpType(p, Metric.LATENCY).untitled()), 760));
        b.append("<h2>DRAM traffic by op type</h2>\n").append(svg(BarChart.of(ProfileCharts.byOpType(p, Metric.DRAM).untitled()), 760));
        b.append("<h2>Energy by op type</h2>\n<p>Estimates from 45 nm published tables (docs/energy-area.md).</p>\n")
                .append(svg(BarChart.of(ProfileCharts.byOpType(p, Metric.ENERGY).untitled()), 760));
        b.append("<h2>Roofline</h2>\n<p>Compute roof ").append(Markup.escape(Units.count(roof.peakMacsPerSecond()))).append("MAC/s, DRAM slope ")
                .append(Markup.escape(Units.bytes(roof.dramBytesPerSecond()))).append("/s. Each dot is an op on ")
                .append(Markup.escape(roof.device())).append(".</p>\n").append(svg(ProfileCharts.roofline(p, roof), 760));
        b.append("<h2>Schedule</h2>\n").append(svg(TimelineChart.of(p, false), 900));
        fusion(b, p);
        b.append(extra);
        b.append("<h2>All ops</h2>\n");
        nodeTable(b, p.nodes());
        if (!p.nodesWithoutResults().isEmpty()) {
            b.append("<h2>Nodes without results</h2>\n<p>").append(Markup.escape(String.join(", ", p.nodesWithoutResults()))).append("</p>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    private static void summary(StringBuilder b, Profile p) {
        double dram = p.sum(Metric.DRAM);
        double unfused = p.nodes().stream().mapToDouble(NodeMetrics::unfusedDramBytes).sum();
        b.append("<div class='cards'>");
        // With ops not costed every sum is a lower bound: say so on each card rather than print a low number as if exact.
        String atLeast = p.notCosted() > 0 ? "≥ " : "";
        card(b, "End-to-end", atLeast + Metric.LATENCY.format(p.makespanMicros()));
        card(b, "Busy (sum of ops)", atLeast + Metric.LATENCY.format(p.busyMicros()));
        card(b, "Ops", Integer.toString(p.nodes().size()));
        if (p.notCosted() > 0) card(b, "Not costed (?)", Integer.toString(p.notCosted()));
        long measured = p.nodes().stream().filter(NodeMetrics::measured).count();
        card(b, "Cost source", measured == 0 ? "all modelled" : measured + " measured, " + (p.nodes().size() - measured) + " modelled");
        card(b, "MACs", atLeast + Units.count(p.sum(Metric.MACS)) + "MAC");
        card(b, "DRAM traffic", atLeast + Units.bytes(dram));
        card(b, "without fusion", atLeast + Units.bytes(unfused));
        card(b, "Energy (estimate)", atLeast + Units.energy(p.energyPj()));
        if (p.areaMm2() > 0) card(b, "NPU area (estimate)", Units.fixed(p.areaMm2(), 2) + " mm²");
        b.append("</div>\n");
        if (p.notCosted() > 0) b.append("<p>").append(Markup.escape(p.notCostedSummary())).append(": shown as ?, not as 0.</p>\n");
    }

    private static void card(StringBuilder b, String label, String value) {
        b.append("<div class='card'>").append(Markup.escape(label)).append("<b>").append(Markup.escape(value)).append("</b></div>");
    }

    private static void nodeTable(StringBuilder b, List<NodeMetrics> rows) {
        b.append("<table><tr><th>node</th><th>op</th><th>device</th><th>latency</th><th>share</th><th>MACs</th>")
                .append("<th>DRAM read</th><th>DRAM write</th><th>intensity</th><th>util</th><th>bound</th><th>group</th><th>cost</th>");
        boolean compiled = rows.stream().anyMatch(n -> n.compiled() != null);
        if (compiled) b.append("<th>compiled as</th>");
        b.append("</tr>\n");
        for (NodeMetrics n : rows) {
            String compiledCell = compiled ? "<td class='t'>" + Markup.escape(n.compiled() == null ? "" : n.compiled()) + "</td>" : "";
            if (!n.costed()) {
                b.append("<tr class='unknown'><td>").append(Markup.escape(n.name())).append("</td><td class='t'>").append(Markup.escape(n.opType()))
                        .append("</td><td class='t'>").append(Markup.escape(n.device())).append("</td>")
                        .append("<td>?</td>".repeat(7)).append("<td class='t'>").append(Markup.escape(n.notCosted())).append("</td><td>")
                        .append(n.fusionGroup() < 0 ? "" : Integer.toString(n.fusionGroup())).append("</td><td class='t'>")
                        .append(Markup.escape(n.costSource())).append("</td>").append(compiledCell).append("</tr>\n");
                continue;
            }
            b.append("<tr><td>").append(Markup.escape(n.name())).append("</td><td class='t'>").append(Markup.escape(n.opType()))
                    .append("</td><td class='t'>").append(Markup.escape(n.device())).append("</td><td>")
                    .append(Markup.escape(Metric.LATENCY.format(n.latencyMicros()))).append("</td><td>")
                    .append(Markup.escape(Metric.SHARE.format(n.share() * 100))).append("</td><td>").append(Markup.escape(Units.count(n.macs())))
                    .append("</td><td>").append(Markup.escape(Units.bytes(n.readBytes()))).append("</td><td>")
                    .append(Markup.escape(Units.bytes(n.writeBytes()))).append("</td><td>").append(Markup.escape(Metric.INTENSITY.format(n.intensity())))
                    .append("</td><td>").append(Markup.escape(Metric.UTILISATION.format(n.utilisation() * 100))).append("</td><td class='t'>")
                    .append(Markup.escape(n.bound())).append("</td><td>").append(n.fusionGroup() < 0 ? "" : Integer.toString(n.fusionGroup()))
                    .append("</td><td class='t'>").append(Markup.escape(n.costSource())).append("</td>").append(compiledCell).append("</tr>\n");
        }
        b.append("</table>\n");
    }

    /** A chart as inline SVG: the same drawing the profiler shows on screen. */
    private static String svg(Chart chart, double width) {
        return ChartDrawing.of(chart, width).svgElement();
    }

    private static void fusion(StringBuilder b, Profile p) {
        List<Aggregation.FusionGroup> groups = Aggregation.fusionGroups(p);
        if (groups.isEmpty()) return;
        b.append("<h2>DRAM traffic with and without fusion</h2>\n").append(svg(BarChart.of(ProfileCharts.fusion(p).untitled()), 760));
        b.append("<table><tr><th>group</th><th>ops</th><th>fused</th><th>unfused</th><th>saved</th></tr>\n");
        for (Aggregation.FusionGroup g : groups) {
            b.append("<tr><td>").append(g.id()).append("</td><td>").append(g.ops()).append("</td><td>")
                    .append(Markup.escape(Units.bytes(g.fusedBytes()))).append("</td><td>").append(Markup.escape(Units.bytes(g.unfusedBytes())))
                    .append("</td><td>").append(g.unfusedBytes() > 0 ? String.format(Locale.ROOT, "%.0f %%", 100 * (1 - g.fusedBytes() / g.unfusedBytes())) : "")
                    .append("</td></tr>\n");
        }
        b.append("</table>\n");
    }
}
