package org.npustudio.profiler.chart;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.graphview.scene.OpTypeColours;
import org.npustudio.graphview.scene.Painter;
import org.npustudio.npusim.sim.ScheduleEntry;
import org.npustudio.profiler.data.Metric;
import org.npustudio.profiler.data.NodeMetrics;
import org.npustudio.profiler.data.Profile;
import org.npustudio.profiler.data.Units;

/**
 * The schedule as a Gantt chart: one lane per device and one for host-link transfers, ops coloured by op
 * type as the graph colours them ({@link OpTypeColours}: the same in every model), a time axis with round
 * ticks and a legend of the colours of the types that take most time. It keeps the view (a time range), the hovered bar and the selected node, and answers hit tests,
 * so the screen only turns gestures into calls; an interactive chart names the hovered bar and the
 * gestures, a still one (report, export) gives each bar a tooltip instead. Coordinates are the chart's own,
 * from (0, 0).
 */
public final class TimelineChart implements Chart {
    private static final double LEFT = 110;
    private static final double RIGHT = 12;
    private static final double TOP = 6;
    private static final double ROW = 26;
    private static final double BAR = ROW - 8;
    /** Legend entries for op-type colours. */
    private static final int TYPE_COLOURS = 7;
    /** A bar of no known node. */
    private static final int OTHER = 0xFFB3B3B3;
    /** Dark grey: every palette colour may belong to an op type (sky blue, the old choice, was Gemm's too). */
    private static final int TRANSFER = 0xFF4D4D4D;

    private final Profile profile;
    private final List<String> lanes;
    private final Map<String, Integer> typeColours;
    private final List<LegendItem> legend;
    private final boolean interactive;
    private double viewStart;
    private double viewEnd;
    private ScheduleEntry hovered;
    private String selected;

    private record LegendItem(String label, int argb, double width) {}

    private TimelineChart(Profile profile, List<String> lanes, Map<String, Integer> typeColours, List<LegendItem> legend, boolean interactive) {
        this.profile = profile;
        this.lanes = lanes;
        this.typeColours = typeColours;
        this.legend = legend;
        this.interactive = interactive;
        viewEnd = total();
    }

    /** The whole run; {@code interactive} for the screen (hover line, gesture hints), else still (tooltips). */
    public static TimelineChart of(Profile p, boolean interactive) {
        List<String> lanes = new ArrayList<>();
        for (ScheduleEntry e : p.run().schedule()) if (!lanes.contains(e.lane())) lanes.add(e.lane());
        lanes.sort((a, b) -> a.equals(ScheduleEntry.HOST_LINK) ? 1 : b.equals(ScheduleEntry.HOST_LINK) ? -1 : 0);
        // Every op type keeps its own colour; the legend names the colours of the types with most latency,
        // types sharing a family colour on one entry ("MatMul, Gemm").
        Map<String, Double> time = new HashMap<>();
        for (NodeMetrics n : p.nodes()) time.merge(n.opType(), n.latencyMicros(), Double::sum);
        Map<String, Integer> colours = new LinkedHashMap<>();
        Map<Integer, String> byColour = new LinkedHashMap<>();
        time.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue())).forEach(e -> {
            int c = OpTypeColours.of(e.getKey());
            colours.put(e.getKey(), c);
            byColour.merge(c, e.getKey(), (a, b) -> a.endsWith("…") ? a : a.split(", ").length >= 3 ? a + " …" : a + ", " + b);
        });
        List<LegendItem> legend = new ArrayList<>();
        byColour.entrySet().stream().limit(TYPE_COLOURS).forEach(e -> legend.add(legendItem(e.getValue(), e.getKey())));
        if (byColour.size() > TYPE_COLOURS) legend.add(legendItem("…", OTHER));
        if (lanes.contains(ScheduleEntry.HOST_LINK)) legend.add(legendItem("host transfer", TRANSFER));
        return new TimelineChart(p, List.copyOf(lanes), colours, List.copyOf(legend), interactive);
    }

    private static LegendItem legendItem(String label, int argb) {
        return new LegendItem(label, argb, Painter.textWidth(label, ChartText.SIZE, false) + 30);
    }

    /** This chart as a still picture (export): same view and selection, no hover, tooltips instead of hints. */
    public TimelineChart still() {
        TimelineChart c = new TimelineChart(profile, lanes, typeColours, legend, false);
        c.viewStart = viewStart;
        c.viewEnd = viewEnd;
        c.selected = selected;
        return c;
    }

    public Profile profile() { return profile; }

    private double total() { return Math.max(profile.makespanMicros(), 1e-9); }

    /** Shows the whole run. */
    public void resetView() {
        viewStart = 0;
        viewEnd = total();
    }

    /** Shows [start, end] µs, kept inside the run and no narrower than a ten-thousandth of it. */
    public void setView(double start, double end) {
        double span = Math.min(Math.max(end - start, total() * 1e-4), total());
        viewStart = Math.max(0, Math.min(start, total() - span));
        viewEnd = viewStart + span;
    }

    /** Keeps another chart's view (a re-run of the same length keeps the zoom). */
    public void keepViewOf(TimelineChart earlier) {
        if (earlier == null || Math.abs(earlier.total() - total()) >= 1e-9) return;
        viewStart = earlier.viewStart;
        viewEnd = earlier.viewEnd;
    }

    /** Zooms by {@code factor} (below 1 zooms in) around the time under x. */
    public void zoom(double x, double width, double factor) {
        double at = timeAt(x, width);
        setView(at - (at - viewStart) * factor, at + (viewEnd - at) * factor);
    }

    /** Moves the view by dx pixels (dragging right shows earlier times). */
    public void pan(double dx, double width) {
        double dt = dx / plotWidth(width) * (viewEnd - viewStart);
        setView(viewStart - dt, viewEnd - dt);
    }

    /** Sets the bar under the pointer; true when that changed (the owner redraws). */
    public boolean hover(ScheduleEntry e) {
        if (e == hovered) return false;
        hovered = e;
        return true;
    }

    /** Outlines this node's bar (the graph's or the table's selection). */
    public void setSelected(String nodeId) { selected = nodeId; }

    private static double plotWidth(double width) { return Math.max(1, width - LEFT - RIGHT); }

    private double xOf(double micros, double width) { return LEFT + (micros - viewStart) / (viewEnd - viewStart) * plotWidth(width); }

    private double timeAt(double x, double width) { return viewStart + (x - LEFT) / plotWidth(width) * (viewEnd - viewStart); }

    /** The bar under a point, or null. */
    public ScheduleEntry entryAt(double x, double y, double width) {
        if (x < LEFT) return null;
        int row = (int) Math.floor((y - TOP) / ROW);
        if (row < 0 || row >= lanes.size() || y - TOP - row * ROW > BAR) return null;
        String lane = lanes.get(row);
        double t = timeAt(x, width);
        double slack = (viewEnd - viewStart) / plotWidth(width); // a bar thinner than a pixel is still hit within one
        for (ScheduleEntry e : profile.run().schedule()) {
            if (!e.lane().equals(lane)) continue;
            if (t >= e.startSeconds() * 1e6 - slack && t <= e.endSeconds() * 1e6 + slack) return e;
        }
        return null;
    }

    /** Centre of a node's bar, or null when it is not in view. */
    public double[] barCentre(String nodeId, double width) {
        for (ScheduleEntry e : profile.run().schedule()) {
            if (e.kind() != ScheduleEntry.Kind.OP || !e.name().equals(nodeId)) continue;
            double x = (xOf(e.startSeconds() * 1e6, width) + xOf(e.endSeconds() * 1e6, width)) / 2;
            return x < LEFT || x > width - RIGHT ? null : new double[] {x, TOP + lanes.indexOf(e.lane()) * ROW + BAR / 2};
        }
        return null;
    }

    @Override
    public double height(double width) { return TOP + lanes.size() * ROW + 76; }

    @Override
    public void draw(Painter p, double w, double h) {
        p.fillRect(0, 0, w, h, ChartText.BACKGROUND);
        if (w < 160) return;
        for (int i = 0; i < lanes.size(); i++) p.text(lanes.get(i), 6, TOP + 14 + i * ROW, ChartText.SIZE, false, ChartText.TEXT);
        double axisY = TOP + lanes.size() * ROW;
        ticks(p, axisY, w);
        bars(p, w);
        legend(p, axisY + 50, w);
        if (interactive && hovered != null) p.text(describe(hovered), LEFT, axisY + 68, ChartText.SIZE, false, 0xFF1A1A1A);
    }

    /** The bars in view, cut at the plot's edges; the hovered one outlined dark grey, the selected one black. */
    private void bars(Painter p, double w) {
        double left = LEFT, right = w - RIGHT;
        double[] selectedBar = null;
        for (ScheduleEntry e : profile.run().schedule()) {
            double x0 = xOf(e.startSeconds() * 1e6, w);
            double x1 = xOf(e.endSeconds() * 1e6, w);
            if (x1 < left || x0 > right) continue;
            double y = TOP + lanes.indexOf(e.lane()) * ROW;
            double bw = Math.max(0.6, x1 - x0 - (x1 - x0 > 3 ? 1 : 0)); // a 1 px gap between bars wide enough to show it
            double a = Math.max(left, x0), b = Math.min(right, x0 + bw);
            if (b <= a) continue;
            if (!interactive) p.tooltip(describe(e));
            p.fillRect(a, y, b - a, BAR, colourOf(e));
            if (e.kind() == ScheduleEntry.Kind.OP && e.name().equals(selected)) selectedBar = new double[] {a, y, b - a};
            if (e == hovered) outline(p, a, y, b - a, 0xFF1A1A1A);
        }
        if (selectedBar != null) outline(p, selectedBar[0], selectedBar[1], selectedBar[2], 0xFF000000);
    }

    private static void outline(Painter p, double x, double y, double bw, int argb) {
        p.strokeRoundRect(x - 1, y - 1, Math.max(bw, 1) + 2, BAR + 2, 0, argb, 2);
    }

    private int colourOf(ScheduleEntry e) {
        if (e.kind() == ScheduleEntry.Kind.TRANSFER) return TRANSFER;
        NodeMetrics n = profile.node(e.name());
        return n == null ? OTHER : typeColours.getOrDefault(n.opType(), OTHER);
    }

    /** Round time ticks (1, 2 or 5 times a power of ten) across the visible range, and what the view shows. */
    private void ticks(Painter p, double axisY, double w) {
        double span = viewEnd - viewStart;
        double raw = span / Math.max(2, plotWidth(w) / 90);
        double pow = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / pow < 2 ? 2 * pow : raw / pow < 5 ? 5 * pow : 10 * pow;
        for (double t = Math.ceil(viewStart / step) * step; t <= viewEnd + 1e-9; t += step) {
            double x = xOf(t, w);
            ChartText.line(p, x, TOP - 2, x, axisY, ChartText.GRID, 1);
            String label = t == 0 ? "0" : Metric.LATENCY.format(t);
            if (x + Painter.textWidth(label, ChartText.SIZE, false) / 2 <= w) { // no clipped label
                p.text(label, x, axisY + 14, ChartText.SIZE, false, ChartText.AXIS_TEXT, Painter.Anchor.MIDDLE);
            }
        }
        p.text(viewNote(), LEFT, axisY + 31, ChartText.SIZE, false, ChartText.AXIS_TEXT);
    }

    private String viewNote() {
        boolean whole = viewStart <= 0 && viewEnd >= total() - 1e-9;
        String shown = whole ? "" : " · showing " + Metric.LATENCY.format(viewStart) + " – " + Metric.LATENCY.format(viewEnd);
        String hint = !interactive ? "" : whole ? " · wheel to zoom, drag to pan" : " · double-click for the whole run";
        return "end-to-end " + Metric.LATENCY.format(total()) + shown + hint;
    }

    private void legend(Painter p, double y, double w) {
        double x = LEFT;
        for (LegendItem item : legend) {
            if (x + item.width() > w - RIGHT) break;
            p.fillRect(x, y - 9, 10, 10, item.argb());
            p.text(item.label(), x + 14, y, ChartText.SIZE, false, ChartText.TEXT);
            x += item.width();
        }
    }

    private String describe(ScheduleEntry e) {
        String when = " · starts " + Metric.LATENCY.format(e.startSeconds() * 1e6) + " · takes " + Metric.LATENCY.format(e.durationSeconds() * 1e6);
        if (e.kind() == ScheduleEntry.Kind.TRANSFER) {
            return "transfer " + e.name() + " " + e.from() + " → " + e.to() + " · " + Units.bytes(e.bytes()) + when;
        }
        NodeMetrics n = profile.node(e.name());
        return (n == null ? "" : n.opType() + " ") + e.name() + " on " + e.lane() + when + (interactive ? " · click to select" : "");
    }
}
