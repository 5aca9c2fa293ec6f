package org.npustudio.app.ui;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.stage.Window;
import org.npustudio.app.ui.profile.ProfilingSession;
import org.npustudio.profiler.chart.ChartDrawing;
import org.npustudio.profiler.ui.ProfilerPanel;

/**
 * Profile > Export Chart: the profiler's chart on screen as PNG or SVG, drawn by the same headless chart
 * through the AWT or SVG painter (as File > Export does for the graph), written on a worker thread.
 */
final class ChartExportAction {
    private ChartExportAction() {}

    static void run(Window owner, ProfilingSession session, LoadedModel model, String extension, Path dir, Consumer<String> status) {
        ProfilerPanel panel = session == null ? null : session.panel();
        ChartDrawing chart = panel == null ? null : panel.shownChart();
        if (chart == null) {
            ErrorDialog.show(owner, "No chart showing",
                    "Run Profile > Simulate on NPU and pick a chart tab (Op types, Roofline, Timeline or Fusion); that chart is exported.");
            return;
        }
        org.npustudio.profiler.data.Profile shown = panel.profileProperty().get();
        // the chart is of what the profiler costed: say so in the name when that is the compiled graph
        String base = (model == null ? "profile" : model.summary().name()) + "-" + panel.shownTab().toLowerCase(java.util.Locale.ROOT)
                + (shown != null && shown.asCompiled() ? "-as-compiled" : "");
        Path target = ImageExport.choose(owner, "Export Chart", extension, base, dir);
        // The chart is a snapshot (charts are immutable; the timeline hands a still copy), so a worker may draw it.
        if (target != null) ImageExport.write(owner, chart, target, status, "chart-export");
    }
}
