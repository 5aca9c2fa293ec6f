package org.npustudio.profiler.ui;

import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.npustudio.profiler.chart.BarChart;
import org.npustudio.profiler.chart.ChartDrawing;
import org.npustudio.profiler.chart.ProfileCharts;
import org.npustudio.profiler.data.Profile;
import org.npustudio.profiler.data.Roof;

/**
 * Tabs of charts: latency and DRAM by op type, roofline, schedule timeline, DRAM per fusion group with and
 * without fusion. Each is a headless chart of {@code profiler.chart} on a {@link ChartCanvas}, the same
 * drawing the HTML report and chart exports use.
 */
public final class ProfilerCharts extends TabPane {
    private final ChartCanvas opTypes = new ChartCanvas("op-type-bars", true);
    private final ChartCanvas fusion = new ChartCanvas("fusion-bars", true);
    private final ChartCanvas roofline = new ChartCanvas("roofline", false);
    private final TimelineCanvas timeline = new TimelineCanvas();

    public ProfilerCharts() {
        setId("profiler-charts");
        getTabs().addAll(new Tab("Op types", scrolling(opTypes)), new Tab("Roofline", roofline), new Tab("Timeline", timeline),
                new Tab("Fusion", scrolling(fusion)));
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (chartShowing()) drawPending();
        });
    }

    /** Bars as tall as they need, scrolled when the pane is shorter. */
    private static ScrollPane scrolling(ChartCanvas c) {
        ScrollPane s = new ScrollPane(c);
        s.setFitToWidth(true);
        s.setFitToHeight(true);
        return s;
    }

    /** Clicking an op on the timeline reports its node id here. */
    public void setOnSelectNode(java.util.function.Consumer<String> c) { timeline.setOnSelectNode(c); }

    /** Outlines the node's bar on the timeline (the graph's or the table's selection). */
    public void selectNode(String nodeId) { timeline.setSelected(nodeId); }

    TimelineCanvas timeline() { return timeline; }

    /** The op-type bars shown (tests read them); null until that tab has been drawn. */
    BarChart opTypesChart() { return (BarChart) opTypes.chart(); }

    /** The chart of the tab showing at its on-screen size, or null (the ops table, or nothing simulated yet). */
    public ChartDrawing shownChart() {
        Tab t = getSelectionModel().getSelectedItem();
        if (t == null || !chartShowing()) return null;
        drawPending();
        javafx.scene.Node n = t.getContent() instanceof ScrollPane s ? s.getContent() : t.getContent();
        return n instanceof ChartCanvas c ? c.drawing() : null;
    }

    private Profile pending;
    private Roof pendingRoof;

    /**
     * Shows a profile. Charts are rebuilt only while one of their tabs is showing (a live refresh should
     * not pay for hidden ones); a later switch to a chart tab draws the latest profile then.
     */
    public void show(Profile p, Roof roof) {
        pending = p;
        pendingRoof = roof;
        if (chartShowing()) drawPending();
    }

    private boolean chartShowing() {
        Tab t = getSelectionModel().getSelectedItem();
        return t != null && t.getContent() != null && !"tab-ops".equals(t.getId());
    }

    private void drawPending() {
        if (pending == null) return;
        Profile p = pending;
        Roof roof = pendingRoof;
        pending = null;
        opTypes.show(ProfileCharts.opTypes(p));
        fusion.show(BarChart.of(ProfileCharts.fusion(p)));
        roofline.show(ProfileCharts.roofline(p, roof));
        timeline.show(p);
    }
}
