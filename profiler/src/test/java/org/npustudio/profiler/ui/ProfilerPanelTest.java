package org.npustudio.profiler.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.ir.Model;
import org.npustudio.npusim.cli.SimulateCommandCore;
import org.npustudio.npusim.cli.SimulateOptions;
import org.npustudio.npusim.config.NpuConfig;
import org.npustudio.npusim.fusion.FusionMode;
import org.npustudio.onnx.OnnxReader;
import org.npustudio.profiler.data.Metric;
import org.npustudio.profiler.data.NodeMetrics;
import org.npustudio.profiler.data.Profile;
import org.npustudio.profiler.data.Roof;
import org.npustudio.shape.ShapeInference;
import org.npustudio.testdata.TestData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ProfilerPanelTest {
    static final Path ROOT = TestData.root();
    static final Path MODEL = ROOT.resolve("samples/models/lenet5.onnx");
    static final Path NPU = ROOT.resolve("samples/npu/teaching-32x32.yaml");

    ProfilerPanel panel;
    final AtomicReference<String> selected = new AtomicReference<>();

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        panel = new ProfilerPanel(selected::set);
        stage.setScene(new Scene(panel, 1100, 700));
        stage.show();
    }

    private static Profile simulate(FusionMode fuse) throws Exception {
        Model m = OnnxReader.read(MODEL);
        ShapeInference.infer(m);
        return Profile.of(SimulateCommandCore.simulate(new SimulateOptions(MODEL, NPU, null, fuse, null, null)), m);
    }

    private void simulateAndWait(FxRobot robot, FusionMode fuse) throws Exception {
        NpuConfig npu = SimulateCommandCore.readNpu(NPU);
        Profile before = panel.profileProperty().get();
        robot.interact(() -> panel.simulate(() -> simulate(fuse), new Roof(npu.name(), npu.peakMacsPerSecond(), npu.dramBytesPerSecond())));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> panel.profileProperty().get() != before && !panel.liveSimulation().busyProperty().get());
        robot.interact(() -> {
            panel.applyCss();
            panel.layout();
        });
    }

    @Test
    void simulateSwitchMetricAndSelectFromTheTable(FxRobot robot) throws Exception {
        simulateAndWait(robot, FusionMode.NONE);
        System.out.printf("[profiler] live refresh after a request: %.1f ms (LeNet-5, teaching array)%n",
                panel.liveSimulation().lastRefreshMillisProperty().get());
        TableView<NodeMetrics> table = robot.lookup("#metrics-table").queryTableView();
        assertEquals(12, table.getItems().size());
        var latencyOverlay = panel.overlayProperty().get();
        ComboBox<Metric> choice = robot.lookup("#metric-choice").queryComboBox();
        robot.interact(() -> choice.setValue(Metric.DRAM));
        var dramOverlay = panel.overlayProperty().get();
        assertNotEquals(latencyOverlay.nodes().get("/conv1/Conv").fill(), dramOverlay.nodes().get("/conv1/Conv").fill(),
                "switching metric recolours conv1 (its latency and DRAM ranks differ)");
        robot.clickOn("/fc1/Gemm");
        assertEquals("/fc1/Gemm", selected.get(), "clicking a row selects its node");
        robot.interact(() -> panel.selectNode("/conv2/Conv"));
        assertEquals("/conv2/Conv", table.getSelectionModel().getSelectedItem().id());
        assertEquals("/fc1/Gemm", selected.get(), "selecting from the graph does not echo back");
    }

    @Test
    void opsWithoutACostShowAQuestionMarkAndTheTotalsSayLowerBound(FxRobot robot) throws Exception {
        // PP-OCRv4's detector without a size binding: the first convolutions already have unknown shapes.
        Path det = ROOT.resolve("src/test/resources/real-models/ch_PP-OCRv4_det_infer.onnx");
        Path edge = ROOT.resolve("samples/npu/edge-npu-8tops.yaml");
        NpuConfig npu = SimulateCommandCore.readNpu(edge);
        Profile before = panel.profileProperty().get();
        robot.interact(() -> panel.simulate(() -> {
            Model m = OnnxReader.read(det);
            ShapeInference.infer(m);
            return Profile.of(SimulateCommandCore.simulate(new SimulateOptions(det, edge, null, FusionMode.NONE, null, null)), m);
        }, new Roof(npu.name(), npu.peakMacsPerSecond(), npu.dramBytesPerSecond())));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> panel.profileProperty().get() != before && !panel.liveSimulation().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        Profile p = panel.profileProperty().get();
        assertTrue(p.notCosted() > 0);
        String totals = robot.lookup("#metrics-totals").queryLabeled().getText();
        assertTrue(totals.contains("≥ ") && totals.contains(p.notCosted() + " not costed (?)"), totals);
        TableView<NodeMetrics> table = robot.lookup("#metrics-table").queryTableView();
        NodeMetrics unknown = table.getItems().stream().filter(n -> !n.costed()).findFirst().orElseThrow();
        robot.interact(() -> table.scrollTo(unknown));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".table-cell").queryAll().stream()
                .anyMatch(c -> c instanceof javafx.scene.control.TableCell<?, ?> cell && "?".equals(cell.getText())), "a ? cell");
    }

    @Test
    void pinnedBaselineShowsTheDeltaAndTheSpeedUp(FxRobot robot) throws Exception {
        simulateAndWait(robot, FusionMode.NONE);
        robot.clickOn("#pin-baseline");
        simulateAndWait(robot, FusionMode.AUTO);
        robot.clickOn("#show-delta");
        javafx.scene.control.ListView<String> movers = robot.lookup("#movers").queryListView();
        assertTrue(movers.isVisible());
        assertTrue(movers.getItems().get(0).startsWith("end-to-end speed-up vs baseline: "), movers.getItems().get(0));
        assertTrue(panel.overlayProperty().get().legend().title().startsWith("Δ "), panel.overlayProperty().get().legend().title());
    }

    @Test
    void hiddenChartsAreDrawnWhenTheirTabIsShown(FxRobot robot) throws Exception {
        simulateAndWait(robot, FusionMode.NONE);
        assertNull(panel.charts().opTypesChart(), "the table tab is showing: charts wait");
        assertNull(panel.shownChart(), "the table is no chart to export");
        robot.clickOn("Op types");
        var latency = panel.charts().opTypesChart().panels().get(0);
        assertEquals("Latency by op type", latency.title());
        assertTrue(latency.rows().stream().anyMatch(r -> r.label().startsWith("Conv ×")), "latency by op type, incl. Conv");
        Profile first = panel.profileProperty().get();
        var shown = panel.charts().opTypesChart();
        simulateAndWait(robot, FusionMode.AUTO);
        assertNotEquals(first, panel.profileProperty().get());
        assertNotSame(shown, panel.charts().opTypesChart(), "a showing chart follows each refresh");
        assertEquals(panel.charts().opTypesChart(), panel.shownChart().chart(), "export takes the chart on screen");
    }

    @Test
    void theScreenPaintsTheChartTheExportWrites(FxRobot robot) throws Exception {
        simulateAndWait(robot, FusionMode.NONE);
        robot.clickOn("Roofline");
        var drawing = panel.shownChart();
        assertTrue(drawing.chart() instanceof org.npustudio.profiler.chart.RooflineChart, "the roofline tab exports the roofline");
        // A dot's place in the exported SVG, painted by the SVG painter ...
        // (compute-bound blue or latency-bound purple: LeNet-5's convolutions sit left of this NPU's ridge)
        var m = java.util.regex.Pattern.compile("<circle cx=\"([0-9.]+)\" cy=\"([0-9.]+)\" r=\"3\" fill=\"#(0072b2|cc79a7)\"").matcher(drawing.svgElement());
        assertTrue(m.find(), "a compute- or latency-bound dot");
        int x = (int) Math.round(Double.parseDouble(m.group(1))), y = (int) Math.round(Double.parseDouble(m.group(2)));
        // ... holds the same dot on screen, painted by the canvas painter.
        AtomicReference<javafx.scene.image.WritableImage> shot = new AtomicReference<>();
        robot.interact(() -> shot.set(robot.lookup("#roofline").query().snapshot(null, null)));
        javafx.scene.paint.Color c = shot.get().getPixelReader().getColor(x, y);
        javafx.scene.paint.Color want = javafx.scene.paint.Color.web("#" + m.group(3));
        assertTrue(Math.abs(c.getRed() - want.getRed()) < 0.25 && Math.abs(c.getGreen() - want.getGreen()) < 0.25
                && Math.abs(c.getBlue() - want.getBlue()) < 0.25, "#" + m.group(3) + " dot on screen at " + x + "," + y + ": " + c);
    }

    @Test
    void clickingAnOpOnTheTimelineSelectsItsNodeAndTheWheelZooms(FxRobot robot) throws Exception {
        simulateAndWait(robot, FusionMode.NONE);
        robot.clickOn("Timeline");
        TimelineCanvas timeline = panel.charts().timeline();
        double[] at = timeline.barCentre("/conv2/Conv");
        assertNotNull(at, "conv2's bar is in view");
        var hit = timeline.entryAt(at[0], at[1]);
        assertEquals("/conv2/Conv", hit.name(), "the bar under its centre is conv2's");
        robot.clickOn(timeline.localToScreen(at[0], at[1]));
        assertEquals("/conv2/Conv", selected.get(), "clicking a bar selects its node");

        // Zoom in around conv2 with the wheel: its bar gets wider on screen and stays under the pointer.
        double[] before = timeline.barCentre("/conv2/Conv");
        double widthBefore = barWidth(timeline, "/conv2/Conv");
        // A real wheel event (the robot's wheel direction differs between platforms; up is a positive delta in JavaFX).
        robot.interact(() -> timeline.fireEvent(new javafx.scene.input.ScrollEvent(javafx.scene.input.ScrollEvent.SCROLL, at[0], at[1],
                0, 0, false, false, false, false, false, false, 0, 3 * 40, 0, 0, javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
        double widthAfter = barWidth(timeline, "/conv2/Conv");
        assertTrue(widthAfter > widthBefore * 1.3, "zoomed in: " + widthBefore + " -> " + widthAfter);
        double[] after = timeline.barCentre("/conv2/Conv");
        assertNotNull(after);
        assertTrue(Math.abs(after[0] - before[0]) < widthAfter, "zooms around the pointer");
        robot.doubleClickOn(timeline.localToScreen(20, at[1]));
        assertEquals(widthBefore, barWidth(timeline, "/conv2/Conv"), 0.5, "a double click shows the whole run again");
    }

    /** On-screen width of a node's bar, from where the timeline hits it. */
    private static double barWidth(TimelineCanvas t, String id) {
        double[] c = t.barCentre(id);
        double y = c[1];
        double left = c[0];
        double right = c[0];
        while (left > 0 && t.entryAt(left - 0.25, y) != null && id.equals(t.entryAt(left - 0.25, y).name())) left -= 0.25;
        while (right < t.getWidth() && t.entryAt(right + 0.25, y) != null && id.equals(t.entryAt(right + 0.25, y).name())) right += 0.25;
        return right - left;
    }

    @Test
    void expandingTheWarningsLeavesTheOpsTableItsRows(FxRobot robot) throws Exception {
        Path edge = ROOT.resolve("samples/npu/edge-npu-8tops.yaml");
        NpuConfig npu = SimulateCommandCore.readNpu(edge);
        robot.interact(() -> panel.simulate(() -> {
            Model m = OnnxReader.read(MODEL);
            ShapeInference.infer(m);
            return Profile.of(SimulateCommandCore.simulate(new SimulateOptions(MODEL, edge, null, FusionMode.NONE, null, null)), m);
        }, new Roof(npu.name(), npu.peakMacsPerSecond(), npu.dramBytesPerSecond())));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> panel.profileProperty().get() != null && !panel.liveSimulation().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TitledPane notes = robot.lookup("#profiler-notes").query();
        assertTrue(notes.isVisible(), "LeNet-5 on the edge NPU has warnings (its Tanh runs on the host)");
        // The panel as it sits below the graph: a third of a small window.
        robot.interact(() -> {
            panel.getScene().getWindow().setHeight(300);
            notes.setExpanded(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            panel.applyCss();
            panel.layout();
        });
        TableView<NodeMetrics> table = robot.lookup("#metrics-table").queryTableView();
        assertTrue(notes.getHeight() > 40, "the warnings show: " + notes.getHeight());
        assertTrue(table.getHeight() >= 100, "the ops table keeps room for rows: " + table.getHeight());
    }
    /** Issue 18: the ops table cut its headers to "Share …", "DRAM re…" and its op names to "BatchNormali…". */
    @Test
    void opsTableColumnsFitTheirHeadersAndCells(FxRobot robot) throws Exception {
        simulateAndWait(robot, FusionMode.NONE);
        TableView<NodeMetrics> table = robot.lookup("#metrics-table").queryTableView();
        java.util.List<String> cut = new java.util.ArrayList<>();
        for (javafx.scene.Node n : table.lookupAll(".column-header .label")) {
            if (n instanceof javafx.scene.control.Labeled l && l.isVisible() && truncated(l)) cut.add("header " + l.getText());
        }
        for (javafx.scene.Node n : table.lookupAll(".table-cell")) {
            if (n instanceof javafx.scene.control.TableCell<?, ?> c && c.getText() != null && truncated(c)) cut.add("cell " + c.getText());
        }
        assertTrue(cut.isEmpty(), "shown cut short: " + cut);
    }

    /** Issue 18: the overlay metric is searchable; typing narrows the list to what matches. */
    @Test
    void theMetricChoiceFiltersAsOneTypes(FxRobot robot) {
        ComboBox<Metric> choice = robot.lookup("#metric-choice").queryComboBox();
        robot.clickOn(choice);
        robot.write("dram");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ListView<?> list = robot.lookup(".combo-box-popup .list-view").queryListView();
        java.util.List<String> shown = list.getItems().stream().map(m -> ((Metric) m).label()).toList();
        assertEquals(java.util.List.of("DRAM traffic", "DRAM reads", "DRAM writes"), shown);
        robot.type(javafx.scene.input.KeyCode.DOWN).type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(choice.getValue().label().startsWith("DRAM"), "picked from the filtered list: " + choice.getValue());
    }

    /** True when the label shows less than its text (an ellipsis in place of the end). */
    static boolean truncated(javafx.scene.control.Labeled l) {
        javafx.scene.Node shown = l.lookup(".text");
        return shown instanceof javafx.scene.text.Text t && !t.getText().equals(l.getText());
    }
}
