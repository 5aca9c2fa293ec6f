package org.npustudio.profiler.ui;

import java.util.function.Consumer;
import javafx.scene.input.MouseButton;
import org.npustudio.npusim.sim.ScheduleEntry;
import org.npustudio.profiler.chart.ChartDrawing;
import org.npustudio.profiler.chart.TimelineChart;
import org.npustudio.profiler.data.Profile;

/**
 * The schedule's Gantt chart ({@link TimelineChart}) with its gestures: hovering names the op or transfer
 * under the pointer, clicking an op selects its node; the wheel zooms the time axis around the pointer,
 * dragging pans, a double click shows the whole run again.
 */
final class TimelineCanvas extends ChartCanvas {
    private TimelineChart timeline;
    private String selected;
    private Consumer<String> onSelectNode = id -> {};
    private double dragX = Double.NaN;

    TimelineCanvas() {
        super("timeline", false);
        setOnMouseMoved(e -> hover(entryAt(e.getX(), e.getY())));
        setOnMouseExited(e -> hover(null));
        setOnScroll(e -> {
            if (timeline == null || e.getDeltaY() == 0) return;
            timeline.zoom(e.getX(), getWidth(), Math.pow(1.0025, -e.getDeltaY())); // as the graph zooms: wheel up (positive delta) zooms in
            redraw();
            e.consume();
        });
        setOnMousePressed(e -> dragX = e.getX());
        setOnMouseDragged(e -> {
            if (timeline == null || Double.isNaN(dragX)) return;
            timeline.pan(e.getX() - dragX, getWidth());
            dragX = e.getX();
            redraw();
        });
        setOnMouseClicked(e -> {
            if (timeline == null || e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) return;
            if (e.getClickCount() == 2) {
                timeline.resetView();
                redraw();
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
        if (timeline == null) return;
        timeline.setSelected(nodeId);
        redraw();
    }

    /** A new run shows it whole; a re-run of the same length keeps the zoom. */
    void show(Profile p) {
        TimelineChart next = TimelineChart.of(p, true);
        next.keepViewOf(timeline);
        next.setSelected(selected);
        timeline = next;
        show(next);
    }

    private void hover(ScheduleEntry e) {
        if (timeline != null && timeline.hover(e)) redraw();
    }

    /** The bar under a point, or null. */
    ScheduleEntry entryAt(double x, double y) {
        return timeline == null ? null : timeline.entryAt(x, y, getWidth());
    }

    /** Centre of a node's bar in this pane's coordinates, or null when it is not in view. */
    double[] barCentre(String nodeId) {
        return timeline == null ? null : timeline.barCentre(nodeId, getWidth());
    }

    /** Exports show the view and the selection, not the pointer. */
    @Override
    ChartDrawing drawing() {
        return timeline == null ? null : new ChartDrawing(timeline.still(), getWidth(), getHeight());
    }
}
