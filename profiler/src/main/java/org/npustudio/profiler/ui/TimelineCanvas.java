package org.npustudio.profiler.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import org.npustudio.npusim.sim.ScheduleEntry;
import org.npustudio.profiler.data.ColorScale;
import org.npustudio.profiler.data.Metric;
import org.npustudio.profiler.data.NodeMetrics;
import org.npustudio.profiler.data.Profile;
import org.npustudio.profiler.data.Units;

/**
 * The schedule as a Gantt chart: one lane per device and one for host-link transfers, ops coloured by
 * op type (the types that take most time get the palette, the rest grey), a time axis with round ticks.
 * Hovering names the op or transfer under the pointer, clicking an op selects its node; the wheel zooms
 * the time axis around the pointer, dragging pans, a double click shows the whole run again.
 */
final class TimelineCanvas extends ChartCanvas {
    private static final double LEFT = 110;
    private static final double RIGHT = 12;
    private static final double TOP = 6;
    private static final double ROW = 26;
    private static final int TYPE_COLOURS = ColorScale.CATEGORICAL_HEX.length - 1; // the last (black) is kept for outlines
    private static final Color OTHER = Color.gray(0.7);
    /** Dark grey: every palette colour may belong to an op type (sky blue, the old choice, was Gemm's too). */
    private static final Color TRANSFER = Color.gray(0.3);
    private static final javafx.scene.text.Font FONT = javafx.scene.text.Font.font(11);

    private Profile profile;
    private final List<String> lanes = new ArrayList<>();
    private final Map<String, Color> typeColours = new LinkedHashMap<>();
    /** The legend: op types with their colours and label widths, measured once per profile (not per hover redraw). */
    private final List<LegendItem> legend = new ArrayList<>();
    private double viewStart;
    private double viewEnd = 1;
    private ScheduleEntry hovered;
    private String selected;
    private Consumer<String> onSelectNode = id -> {};
    private double dragX = Double.NaN;

    private record LegendItem(String label, Color colour, double width) {}

    TimelineCanvas() {
        super("timeline");
        setOnMouseMoved(e -> hover(entryAt(e.getX(), e.getY())));
        setOnMouseExited(e -> hover(null));
        setOnScroll(e -> {
            if (profile == null || e.getDeltaY() == 0) return;
            double at = timeAt(e.getX());
            double f = Math.pow(1.0025, -e.getDeltaY()); // as the graph zooms: wheel up (positive delta) zooms in
            setView(at - (at - viewStart) * f, at + (viewEnd - at) * f);
            e.consume();
        });
        setOnMousePressed(e -> dragX = e.getX());
        setOnMouseDragged(e -> {
            if (Double.isNaN(dragX)) return;
            double dt = (e.getX() - dragX) / plotWidth() * (viewEnd - viewStart);
            dragX = e.getX();
            setView(viewStart - dt, viewEnd - dt);
        });
        setOnMouseClicked(e -> {
            if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) return;
            if (e.getClickCount() == 2) {
                resetView();
                return;
            }
            ScheduleEntry hit = entryAt(e.getX(), e.getY());
            if (hit != null && hit.kind() == ScheduleEntry.Kind.OP) {
                setSelected(hit.name());
                onSelectNode.accept(hit.name());
            }
        });
    }

    void setOnSelectNode(Consumer<String> c) { onSelectNode = c == null ? id -> {} : c; }

    /** Outlines this node's bar (the graph's or the table's selection). */
    void setSelected(String nodeId) {
        selected = nodeId;
        redraw();
    }

    void show(Profile p) {
        boolean sameLength = profile != null && Math.abs(profile.makespanMicros() - p.makespanMicros()) < 1e-9;
        profile = p;
        lanes.clear();
        for (ScheduleEntry e : p.run().schedule()) if (!lanes.contains(e.lane())) lanes.add(e.lane());
        lanes.sort((a, b) -> a.equals(ScheduleEntry.HOST_LINK) ? 1 : b.equals(ScheduleEntry.HOST_LINK) ? -1 : 0);
        colourTypes(p);
        if (!sameLength) resetView(); // a new run length shows it whole; a re-run of the same length keeps the zoom
        else redraw();
    }

    /** The op types with most total latency get the palette, in that order; the legend lists them. */
    private void colourTypes(Profile p) {
        Map<String, Double> time = new HashMap<>();
        for (NodeMetrics n : p.nodes()) time.merge(n.opType(), n.latencyMicros(), Double::sum);
        typeColours.clear();
        time.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue())).limit(TYPE_COLOURS)
                .forEach(e -> typeColours.put(e.getKey(), Color.web(ColorScale.CATEGORICAL_HEX[typeColours.size()])));
        legend.clear();
        for (Map.Entry<String, Color> e : typeColours.entrySet()) legend.add(legendItem(e.getKey(), e.getValue()));
        legend.add(legendItem("other ops", OTHER));
        if (lanes.contains(ScheduleEntry.HOST_LINK)) legend.add(legendItem("host transfer", TRANSFER));
    }

    private static LegendItem legendItem(String label, Color colour) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(label);
        t.setFont(FONT);
        return new LegendItem(label, colour, t.getLayoutBounds().getWidth() + 30);
    }

    private Color colourOf(ScheduleEntry e) {
        if (e.kind() == ScheduleEntry.Kind.TRANSFER) return TRANSFER;
        NodeMetrics n = profile.node(e.name());
        return n == null ? OTHER : typeColours.getOrDefault(n.opType(), OTHER);
    }

    private void resetView() {
        viewStart = 0;
        viewEnd = profile == null ? 1 : Math.max(profile.makespanMicros(), 1e-9);
        redraw();
    }

    private void setView(double start, double end) {
        double total = Math.max(profile.makespanMicros(), 1e-9);
        double span = Math.min(Math.max(end - start, total * 1e-4), total);
        double s = Math.max(0, Math.min(start, total - span));
        viewStart = s;
        viewEnd = s + span;
        redraw();
    }

    private void hover(ScheduleEntry e) {
        if (e == hovered) return;
        hovered = e;
        redraw();
    }

    private double plotWidth() { return Math.max(1, getWidth() - LEFT - RIGHT); }

    private double xOf(double micros) { return LEFT + (micros - viewStart) / (viewEnd - viewStart) * plotWidth(); }

    private double timeAt(double x) { return viewStart + (x - LEFT) / plotWidth() * (viewEnd - viewStart); }

    /** The bar under a point, or null. */
    ScheduleEntry entryAt(double x, double y) {
        if (profile == null || x < LEFT) return null;
        int row = (int) Math.floor((y - TOP) / ROW);
        if (row < 0 || row >= lanes.size() || y - TOP - row * ROW > ROW - 8) return null;
        String lane = lanes.get(row);
        double t = timeAt(x);
        double slack = (viewEnd - viewStart) / plotWidth(); // a bar thinner than a pixel is still hit within one
        for (ScheduleEntry e : profile.run().schedule()) {
            if (!e.lane().equals(lane)) continue;
            if (t >= e.startSeconds() * 1e6 - slack && t <= e.endSeconds() * 1e6 + slack) return e;
        }
        return null;
    }

    /** Centre of a node's bar in this pane's coordinates, or null when it is not in view. */
    double[] barCentre(String nodeId) {
        if (profile == null) return null;
        for (ScheduleEntry e : profile.run().schedule()) {
            if (e.kind() != ScheduleEntry.Kind.OP || !e.name().equals(nodeId)) continue;
            double x = (xOf(e.startSeconds() * 1e6) + xOf(e.endSeconds() * 1e6)) / 2;
            return x < LEFT || x > getWidth() - RIGHT ? null : new double[] {x, TOP + lanes.indexOf(e.lane()) * ROW + (ROW - 8) / 2};
        }
        return null;
    }

    @Override
    void draw(GraphicsContext g, double w, double h) {
        if (profile == null || w < 160) return;
        g.setFont(FONT);
        for (int i = 0; i < lanes.size(); i++) {
            g.setFill(Color.gray(0.2));
            g.fillText(lanes.get(i), 6, TOP + 14 + i * ROW);
        }
        double axisY = TOP + lanes.size() * ROW;
        ticks(g, axisY);
        g.save();
        g.beginPath();
        g.rect(LEFT, 0, w - LEFT - RIGHT, axisY);
        g.clip();
        double[] selectedBar = null;
        for (ScheduleEntry e : profile.run().schedule()) {
            double x0 = xOf(e.startSeconds() * 1e6);
            double x1 = xOf(e.endSeconds() * 1e6);
            if (x1 < LEFT || x0 > w - RIGHT) continue;
            double y = TOP + lanes.indexOf(e.lane()) * ROW;
            double bw = Math.max(0.6, x1 - x0 - (x1 - x0 > 3 ? 1 : 0)); // a 1 px gap between bars wide enough to show it
            g.setFill(colourOf(e));
            g.fillRect(x0, y, bw, ROW - 8);
            if (e.kind() == ScheduleEntry.Kind.OP && e.name().equals(selected)) selectedBar = new double[] {x0, y, bw};
            if (e == hovered) outline(g, x0, y, bw, Color.gray(0.1));
        }
        if (selectedBar != null) outline(g, selectedBar[0], selectedBar[1], selectedBar[2], Color.BLACK);
        g.restore();
        legend(g, axisY + 50, w);
        if (hovered != null) {
            g.setFill(Color.gray(0.1));
            g.fillText(describe(hovered), LEFT, axisY + 68);
        }
    }

    private static void outline(GraphicsContext g, double x, double y, double bw, Color c) {
        g.setStroke(c);
        g.setLineWidth(2);
        g.strokeRect(x - 1, y - 1, Math.max(bw, 1) + 2, ROW - 6);
        g.setLineWidth(1);
    }

    /** Round time ticks (1, 2 or 5 times a power of ten) across the visible range. */
    private void ticks(GraphicsContext g, double axisY) {
        double span = viewEnd - viewStart;
        double raw = span / Math.max(2, plotWidth() / 90);
        double pow = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / pow < 2 ? 2 * pow : raw / pow < 5 ? 5 * pow : 10 * pow;
        g.setStroke(Color.gray(0.88));
        g.setFill(Color.gray(0.3));
        for (double t = Math.ceil(viewStart / step) * step; t <= viewEnd + 1e-9; t += step) {
            double x = xOf(t);
            g.strokeLine(x, TOP - 2, x, axisY);
            if (x - 14 + 56 <= getWidth()) g.fillText(t == 0 ? "0" : Metric.LATENCY.format(t), x - 14, axisY + 14); // no clipped label
        }
        g.fillText(zoomNote(), LEFT, axisY + 31);
    }

    private String zoomNote() {
        double total = Math.max(profile.makespanMicros(), 1e-9);
        boolean whole = viewStart <= 0 && viewEnd >= total - 1e-9;
        return "end-to-end " + Metric.LATENCY.format(total) + (whole ? " · wheel to zoom, drag to pan"
                : " · showing " + Metric.LATENCY.format(viewStart) + " – " + Metric.LATENCY.format(viewEnd) + " · double-click for the whole run");
    }

    private void legend(GraphicsContext g, double y, double w) {
        double x = LEFT;
        for (LegendItem item : legend) {
            if (x + item.width() > w - RIGHT) break;
            g.setFill(item.colour());
            g.fillRect(x, y - 9, 10, 10);
            g.setFill(Color.gray(0.2));
            g.fillText(item.label(), x + 14, y);
            x += item.width();
        }
    }

    private String describe(ScheduleEntry e) {
        String when = " · starts " + Metric.LATENCY.format(e.startSeconds() * 1e6) + " · takes " + Metric.LATENCY.format(e.durationSeconds() * 1e6);
        if (e.kind() == ScheduleEntry.Kind.TRANSFER) {
            return "transfer " + e.name() + " " + e.from() + " → " + e.to() + " · " + Units.bytes(e.bytes()) + when;
        }
        NodeMetrics n = profile.node(e.name());
        return (n == null ? "" : n.opType() + " ") + e.name() + " on " + e.lane() + when + " · click to select";
    }
}
