package org.npustudio.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.concurrent.Task;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.app.ui.profile.ProfilingSession;
import org.npustudio.graphview.scene.GraphScene;
import org.npustudio.graphview.scene.Overlay;
import org.npustudio.graphview.ui.GraphView;
import org.npustudio.profiler.data.Metric;
import org.npustudio.profiler.data.NodeMetrics;
import org.npustudio.profiler.data.Profile;
import org.npustudio.samples.SampleLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window profiles a sample: simulate, colour the graph, switch metric without a new layout,
 * click a table row and find its node selected (and back), edit the NPU and see the overlay follow,
 * export the report.
 */
@ExtendWith(ApplicationExtension.class)
class ProfilingWorkspaceTest {
    @TempDir Path dir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage);
        stage.show();
    }

    private void settle(FxRobot robot) {
        robot.interact(() -> {
            window.stage().getScene().getRoot().applyCss();
            window.stage().getScene().getRoot().layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits for a profile other than {@code before} with no run in flight (also used by {@link AsCompiledProfilingTest}). */
    static Profile awaitProfile(ProfilingSession s, Profile before) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            Profile p = s.panel().profileProperty().get();
            return p != null && p != before && !s.panel().liveSimulation().busyProperty().get();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return s.panel().profileProperty().get();
    }

    /** Waits for the graph's frame that draws the last refresh (the end-to-end figure differs from the one before the edit). */
    private static void awaitFrame(ProfilingSession s, double before) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Double.compare(s.onScreenMillisProperty().get(), before) != 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double max(double[] v) { return java.util.Arrays.stream(v).max().orElse(Double.NaN); }

    @Test
    void simulateSwitchMetricSelectFromTableAndFromGraph(FxRobot robot) throws Exception {
        Path file = SampleLibrary.ensure("resnet50", dir);
        robot.interact(() -> window.open(file));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> window.graphView() != null && !window.isBusy());
        GraphView view = window.graphView();
        GraphScene scene = view.getGraphScene();
        assertSame(Overlay.NONE, view.overlayProperty().get(), "no colours before a simulation");

        AtomicReference<ProfilingSession> session = new AtomicReference<>();
        robot.interact(() -> session.set(window.workspace().profile()));
        Profile first = awaitProfile(session.get(), null);
        settle(robot);
        System.out.printf("[profiling] ResNet50 first simulation shown after %.1f ms%n",
                session.get().panel().liveSimulation().lastRefreshMillisProperty().get());
        assertEquals(window.model().summary().nodes(), first.nodes().size() + first.nodesWithoutResults().size());
        Overlay latency = view.overlayProperty().get();
        String conv = first.nodes().stream().filter(n -> n.opType().equals("Conv")).findFirst().orElseThrow().id();
        assertNotNull(latency.nodes().get(conv), "the graph is coloured by latency");

        ComboBox<Metric> metric = robot.lookup("#metric-choice").queryComboBox();
        robot.interact(() -> metric.setValue(Metric.DRAM));
        Overlay dram = view.overlayProperty().get();
        assertNotEquals(latency, dram, "switching metric recolours");
        assertSame(scene, view.getGraphScene(), "without a new layout");

        // Click the first data row of the table: its node is selected on the graph and centred.
        TableView<NodeMetrics> table = robot.lookup("#metrics-table").queryTableView();
        Node row = robot.lookup("#metrics-table .table-row-cell").match(n -> n instanceof TableRow<?> r && r.getItem() != null).query();
        NodeMetrics clicked = ((TableRow<?>) row).getItem() instanceof NodeMetrics m ? m : null;
        assertNotNull(clicked);
        robot.clickOn(row);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(clicked.id(), view.selectionProperty().get());
        int i = view.getGraphScene().indexOf(clicked.id());
        assertEquals(view.canvas().getWidth() / 2, view.canvas().viewport().toScreenX(view.getGraphScene().centerX(i)), 1.0);

        // Select another node on the graph: the table follows.
        String other = first.nodes().get(first.nodes().size() / 2).id();
        robot.interact(() -> view.reveal(other));
        assertEquals(other, table.getSelectionModel().getSelectedItem().id());

        // Edit the NPU: a smaller array re-simulates by itself and the overlay follows.
        double framed = session.get().onScreenMillisProperty().get();
        robot.interact(() -> session.get().npuPane().setArray(16, 16));
        Profile small = awaitProfile(session.get(), first);
        awaitFrame(session.get(), framed);
        System.out.printf("[profiling] ResNet50 live refresh after an NPU edit: %.1f ms to the frame drawn (result shown after %.1f ms, simulation %.1f ms)%n",
                session.get().onScreenMillisProperty().get(), session.get().panel().liveSimulation().lastRefreshMillisProperty().get(),
                session.get().panel().liveSimulation().lastComputeMillis());
        assertTrue(small.makespanMicros() > first.makespanMicros(), "a 16x16 array is slower than the preset");
        assertNotEquals(dram, view.overlayProperty().get());
        assertSame(scene, view.getGraphScene());
    }

    @Test
    void aPartitionEditReSimulatesWithThePlan(FxRobot robot) throws Exception {
        Path file = SampleLibrary.ensure("mobilenetv2", dir);
        robot.interact(() -> window.open(file));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> window.graphView() != null && !window.isBusy());
        AtomicReference<ProfilingSession> session = new AtomicReference<>();
        robot.interact(() -> session.set(window.workspace().profile()));
        Profile allOnNpu = awaitProfile(session.get(), null);
        assertTrue(allOnNpu.nodes().stream().allMatch(n -> n.partition().equals(n.device())), "no plan yet: partition = device");

        robot.interact(() -> window.workspace().partitionTab().whenReady(ws -> ws.actions().autoPartition()));
        Profile planned = awaitProfile(session.get(), allOnNpu);
        assertTrue(planned.nodes().stream().anyMatch(n -> !n.partition().equals(n.device())),
                "the table's partition column names the plan's partitions");
        var plan = window.workspace().partitionTab().workspace().session().plan();
        var planDevices = plan.devices().stream().map(org.npustudio.plan.Device::name).toList();
        assertTrue(planned.nodes().stream().allMatch(n -> planDevices.contains(n.device())), "ops run on the plan's devices " + planDevices);

        // Small edits, timed one by one: move the first partition to the other device and back, several times.
        var first = plan.partitions().get(0);
        String other = planDevices.stream().filter(d -> !d.equals(first.device())).findFirst().orElseThrow();
        var editor = window.workspace().partitionTab().workspace().session();
        double[] onScreen = new double[8];
        double[] shown = new double[onScreen.length];
        Profile moved = planned;
        for (int i = 0; i < onScreen.length; i++) {
            String to = i % 2 == 0 ? other : first.device();
            Profile before = moved;
            double framed = session.get().onScreenMillisProperty().get();
            robot.interact(() -> editor.apply(new org.npustudio.partition.editor.model.PlanEdit.AssignDevice(first.name(), to)));
            moved = awaitProfile(session.get(), before);
            awaitFrame(session.get(), framed);
            onScreen[i] = session.get().onScreenMillisProperty().get();
            shown[i] = session.get().panel().liveSimulation().lastRefreshMillisProperty().get();
            assertTrue(moved.nodes().stream().filter(n -> first.name().equals(n.partition())).allMatch(n -> n.device().equals(to)),
                    "the moved partition runs on " + to);
        }
        System.out.printf("[profiling] MobileNetV2 live refresh after a partition edit (one partition to another device), %d edits: "
                + "to the frame drawn median %.1f ms, max %.1f ms (result shown: median %.1f ms); last simulation %.1f ms%n",
                onScreen.length, median(onScreen), max(onScreen), median(shown), session.get().panel().liveSimulation().lastComputeMillis());
        // One more move, undone: the undo re-simulates the plan as it was.
        robot.interact(() -> editor.apply(new org.npustudio.partition.editor.model.PlanEdit.AssignDevice(first.name(), other)));
        moved = awaitProfile(session.get(), moved);
        robot.interact(() -> window.workspace().partitionTab().workspace().session().undo());
        Profile back = awaitProfile(session.get(), moved);
        assertEquals(planned.makespanMicros(), back.makespanMicros(), 1e-9);
        robot.interact(() -> {
            for (int i = 0; i < onScreen.length; i++) editor.undo(); // the moves back and forth: the auto plan again
        });
        back = awaitProfile(session.get(), back);
        assertEquals(planned.makespanMicros(), back.makespanMicros(), 1e-9);

        // Undo the auto-partition too, timed: back to no plan.
        long[] fxMillis = new long[1];
        double framed = session.get().onScreenMillisProperty().get();
        robot.interact(() -> {
            long t0 = System.nanoTime();
            window.workspace().partitionTab().workspace().session().undo();
            fxMillis[0] = (System.nanoTime() - t0) / 1_000_000;
        });
        System.out.printf("[profiling] the editor's own work for that edit on the FX thread: %d ms%n", fxMillis[0]);
        Profile undone = awaitProfile(session.get(), back);
        awaitFrame(session.get(), framed);
        System.out.printf("[profiling] MobileNetV2 live refresh after a partition edit (undo of the auto plan): %.1f ms to the frame drawn "
                + "(result shown after %.1f ms, simulation %.1f ms)%n", session.get().onScreenMillisProperty().get(),
                session.get().panel().liveSimulation().lastRefreshMillisProperty().get(), session.get().panel().liveSimulation().lastComputeMillis());
        assertEquals(allOnNpu.makespanMicros(), undone.makespanMicros(), 1e-9, "undo gives the plan-less run back");
    }

    @Test
    void traceExportWritesTheProfiledScheduleAndNamesAPathItCannotWrite(FxRobot robot) throws Exception {
        Path file = SampleLibrary.ensure("lenet5", dir);
        robot.interact(() -> window.open(file));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.graphView() != null && !window.isBusy());
        AtomicReference<ProfilingSession> session = new AtomicReference<>();
        robot.interact(() -> session.set(window.workspace().profile()));
        Profile p = awaitProfile(session.get(), null);

        Path out = dir.resolve("lenet.trace.json");
        List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicReference<Task<Void>> task = new AtomicReference<>();
        robot.interact(() -> task.set(TraceExportAction.export(null, p.run(), out, messages::add)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> task.get().isDone());
        com.fasterxml.jackson.databind.JsonNode trace = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toFile());
        long ops = 0;
        for (com.fasterxml.jackson.databind.JsonNode e : trace.get("traceEvents")) {
            if (e.get("ph").asText().equals("X") && e.get("cat").asText().equals("op")) ops++;
        }
        assertEquals(p.run().nodes().size(), ops, "one complete event per profiled node");

        Path blocked = dir.resolve("a-file");
        Files.writeString(blocked, "not a folder");
        robot.interact(() -> task.set(TraceExportAction.export(null, p.run(), blocked.resolve("t.json"), messages::add)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> task.get().isDone());
        WaitForAsyncUtils.waitForFxEvents();
        String last = messages.get(messages.size() - 1);
        assertTrue(last.startsWith("Could not write the trace") && last.contains("a-file") && !last.contains("\n"), last);
    }

    @Test
    void reportAndChartExportWriteTheirFilesAndNameAFolderTheyCannotWrite(FxRobot robot) throws Exception {
        Path file = SampleLibrary.ensure("lenet5", dir);
        robot.interact(() -> window.open(file));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.graphView() != null && !window.isBusy());
        AtomicReference<ProfilingSession> session = new AtomicReference<>();
        robot.interact(() -> session.set(window.workspace().profile()));
        awaitProfile(session.get(), null);

        Path out = Files.createDirectories(dir.resolve("report"));
        List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicReference<Task<List<Path>>> task = new AtomicReference<>();
        robot.interact(() -> task.set(ReportExportAction.export(null, session.get().panel(), window.model(), out, messages::add)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> task.get().isDone());
        for (String f : List.of("report.html", "ops.csv", "ops.json", "model-explorer.json")) assertTrue(Files.size(out.resolve(f)) > 0, f);

        Path blocked = dir.resolve("a-file");
        Files.writeString(blocked, "not a folder");
        robot.interact(() -> task.set(ReportExportAction.export(null, session.get().panel(), window.model(), blocked.resolve("r"), messages::add)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> task.get().isDone());
        WaitForAsyncUtils.waitForFxEvents();
        String last = messages.get(messages.size() - 1);
        assertTrue(last.startsWith("Could not write the report") && last.contains("a-file"), last);
        assertFalse(last.contains("Exception"), "no stack trace words: " + last);
        assertEquals("not a folder", Files.readString(blocked), "nothing the user had is touched");

        // Profile > Export Chart as PNG: the timeline on screen, through the AWT painter at twice its pixels.
        AtomicReference<org.npustudio.profiler.chart.ChartDrawing> chart = new AtomicReference<>();
        robot.interact(() -> {
            session.get().panel().selectTab("Timeline");
            chart.set(session.get().panel().shownChart());
        });
        Path png = dir.resolve("charts/timeline.png");
        AtomicReference<Task<Void>> written = new AtomicReference<>();
        robot.interact(() -> written.set(ImageExport.write(chart.get(), png, messages::add, "chart-export")));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> written.get().isDone());
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(Math.ceil(chart.get().width() * 2), img.getWidth(), "the chart as wide as on screen, at twice the pixels");
        assertTrue(chart.get().width() > 200 && chart.get().height() > 50, chart.get().width() + " x " + chart.get().height());
    }
}
