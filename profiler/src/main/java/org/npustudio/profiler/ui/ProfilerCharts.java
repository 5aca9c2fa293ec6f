package org.npustudio.profiler.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.npustudio.profiler.data.Aggregation;
import org.npustudio.profiler.data.Metric;
import org.npustudio.profiler.data.NodeMetrics;
import org.npustudio.profiler.data.Profile;
import org.npustudio.profiler.data.Roof;

/** Tabs of charts: per-op-type latency and DRAM, roofline, schedule timeline, DRAM with and without fusion. */
public final class ProfilerCharts extends TabPane {
    private final BarChart<String, Number> latency = bars("Latency by op type (µs)");
    private final BarChart<String, Number> dram = bars("DRAM traffic by op type (MB)");
    private static final String FUSION_TITLE = "DRAM per fusion group (MB), fused vs unfused";
    private final BarChart<String, Number> fusion = bars(FUSION_TITLE);
    private final RooflineCanvas roofline = new RooflineCanvas();
    private final TimelineCanvas timeline = new TimelineCanvas();

    public ProfilerCharts() {
        setId("profiler-charts");
        javafx.scene.layout.HBox.setHgrow(latency, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox.setHgrow(dram, javafx.scene.layout.Priority.ALWAYS);
        getTabs().addAll(tab("Op types", new javafx.scene.layout.HBox(latency, dram)), tab("Roofline", roofline),
                tab("Timeline", timeline), tab("Fusion", fusion));
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (chartShowing()) drawPending();
        });
    }

    /** Clicking an op on the timeline reports its node id here. */
    public void setOnSelectNode(java.util.function.Consumer<String> c) { timeline.setOnSelectNode(c); }

    /** Outlines the node's bar on the timeline (the graph's or the table's selection). */
    public void selectNode(String nodeId) { timeline.setSelected(nodeId); }

    TimelineCanvas timeline() { return timeline; }

    /** The latency-by-op-type chart (tests read its bars). */
    BarChart<String, Number> latencyChart() { return latency; }

    private Profile pending;
    private Roof pendingRoof;

    /**
     * Shows a profile. Charts are rebuilt only while one of their tabs is showing (JavaFX charts are
     * slow to rebuild, and a live refresh should not pay for hidden ones); a later switch to a chart
     * tab draws the latest profile then.
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
        draw(p, roof);
    }

    private void draw(Profile p, Roof roof) {
        latency.getData().setAll(series("latency", Aggregation.byOpType(p, Metric.LATENCY), 1));
        dram.getData().setAll(series("DRAM", Aggregation.byOpType(p, Metric.DRAM), 1e-6));
        Map<String, double[]> groups = new LinkedHashMap<>();
        for (NodeMetrics n : p.nodes()) {
            if (n.fusionGroup() < 0) continue;
            double[] g = groups.computeIfAbsent("g" + n.fusionGroup(), k -> new double[2]);
            g[0] += n.dramBytes() * 1e-6;
            g[1] += n.unfusedDramBytes() * 1e-6;
        }
        XYChart.Series<String, Number> fused = new XYChart.Series<>();
        fused.setName("fused");
        XYChart.Series<String, Number> unfused = new XYChart.Series<>();
        unfused.setName("unfused");
        for (Map.Entry<String, double[]> e : groups.entrySet()) {
            fused.getData().add(new XYChart.Data<>(e.getKey(), e.getValue()[0]));
            unfused.getData().add(new XYChart.Data<>(e.getKey(), e.getValue()[1]));
        }
        fusion.getData().setAll(java.util.List.of(fused, unfused));
        fusion.setTitle(groups.isEmpty()
                ? "No fusion groups in this run: choose fusion \"auto\" in the NPU row to see DRAM per group with and without fusion"
                : FUSION_TITLE);
        roofline.show(p, roof);
        timeline.show(p);
    }

    private static XYChart.Series<String, Number> series(String name, java.util.List<Aggregation.Stats> stats, double scale) {
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        s.setName(name);
        for (Aggregation.Stats st : stats) if (st.sum() > 0) s.getData().add(new XYChart.Data<>(st.key(), st.sum() * scale));
        return s;
    }

    private static BarChart<String, Number> bars(String title) {
        BarChart<String, Number> c = new BarChart<>(new CategoryAxis(), new NumberAxis());
        c.setTitle(title);
        c.setAnimated(false);
        c.setLegendVisible(false);
        return c;
    }

    private static Tab tab(String name, javafx.scene.Node content) {
        return new Tab(name, content);
    }
}
