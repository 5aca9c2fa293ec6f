package org.npustudio.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.TitledPane;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.io.Csv;
import org.npustudio.npusim.sweep.SweepRow;
import org.npustudio.profiler.ui.SweepView;
import org.npustudio.testdata.TestData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The IDE's sweep: Run Sweep on a tiny sweep (LeNet-5, three arrays × three dataflows × two buffer sizes on the
 * teaching NPU, some points invalid), its results in the Sweep view with the front of the chosen pair
 * highlighted (the same points results.csv marks), another axis, brushing into the table, and a click on a
 * point profiling LeNet-5 on that point's array.
 */
@ExtendWith(ApplicationExtension.class)
class SweepViewTest {
    @TempDir Path dir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage);
        stage.show();
    }

    @Test
    void runsSweepShowsFrontBrushesAndProfilesAPoint(FxRobot robot) throws Exception {
        Path root = TestData.root();
        Path sweep = dir.resolve("tiny.yaml");
        Files.writeString(sweep, "npu: " + root.resolve("samples/npu/teaching-32x32.yaml").toAbsolutePath() + "\n"
                + "parameters:\n  array: [8, 16, 32]\n  dataflow: [ws, os, is]\n  sram_kb: [0.25, 64]\n"
                + "models:\n  - file: " + root.resolve("samples/models/lenet5.onnx").toAbsolutePath() + "\n    name: lenet5\n");
        Path out = dir.resolve("out");
        robot.interact(() -> window.sweeps().run(sweep, out));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !window.sweeps().views().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Stage stage = window.sweeps().views().get(0);
        SweepView view = (SweepView) stage.getScene().getRoot();
        assertEquals(18, view.data().rows().size());
        assertTrue(Files.isRegularFile(out.resolve("report.html")));

        // The front shown is the one results.csv marks for latency and energy.
        assertEquals(ids(out, "pareto_latency_energy"), ids(view.highlighted()));
        assertFalse(view.highlighted().isEmpty());
        int invalid = view.data().invalid().size();
        assertTrue(invalid > 0, "0.25 KiB cannot hold a LeNet tile");
        assertTrue(((TitledPane) stage.getScene().lookup("#sweep-invalid-pane")).getText().startsWith(invalid + " invalid point"));

        robot.interact(() -> view.xAxis().setValue("area_mm2"));
        assertEquals(ids(out, "pareto_energy_area"), ids(view.highlighted()));

        // Brush the left half of the plotted points' extent: the table lists exactly those points.
        List<SweepRow> plotted = new ArrayList<>();
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (SweepRow r : view.data().rows()) {
            Point2D p = view.position(r);
            if (p == null) continue;
            plotted.add(r);
            minX = Math.min(minX, p.getX());
            maxX = Math.max(maxX, p.getX());
            minY = Math.min(minY, p.getY());
            maxY = Math.max(maxY, p.getY());
        }
        assertEquals(18 - invalid, plotted.size());
        double cut = (minX + maxX) / 2;
        Set<Long> expected = new HashSet<>();
        for (SweepRow r : plotted) if (view.position(r).getX() <= cut) expected.add(r.id());
        Point2D from = view.plot().localToScreen(minX - 5, minY - 5), to = view.plot().localToScreen(cut, maxY + 5);
        robot.drag(from, MouseButton.PRIMARY).dropTo(to);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(expected.isEmpty());
        assertEquals(expected, ids(view.selection()));
        assertEquals(expected, ids(view.table().getItems()));

        // Click a 16×16 point: LeNet-5 opens and is profiled on a 16×16 array with that point's dataflow.
        SweepRow point = plotted.stream().filter(r -> r.point().values().get(0).equals("16")).findFirst().orElseThrow();
        robot.clickOn(view.plot().localToScreen(view.position(point)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.workspace() != null && window.workspace().profiling() != null
                && window.workspace().profiling().panel().profileProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        var npu = window.workspace().profiling().npuPane().setup().npu();
        assertNotNull(window.model());
        assertEquals(16, npu.rows());
        assertEquals(16, npu.cols());
        assertEquals(point.point().values().get(1), npu.dataflow().name().toLowerCase(java.util.Locale.ROOT));
        assertTrue(window.model().file().getFileName().toString().startsWith("lenet5"));
    }

    private static Set<Long> ids(List<SweepRow> rows) {
        Set<Long> s = new HashSet<>();
        for (SweepRow r : rows) s.add(r.id());
        return s;
    }

    /** The ids results.csv marks true in {@code column}. */
    private static Set<Long> ids(Path out, String column) throws Exception {
        List<Csv.Row> rows = Csv.read(Files.readString(out.resolve("results.csv")), Csv.FORMAT, "results.csv");
        int k = rows.get(0).cells().indexOf(column);
        Set<Long> s = new HashSet<>();
        for (Csv.Row r : rows.subList(1, rows.size())) if (r.cells().get(k).equals("true")) s.add(Long.parseLong(r.cells().get(0)));
        return s;
    }
}
