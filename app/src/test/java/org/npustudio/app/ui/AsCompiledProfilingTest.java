package org.npustudio.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.app.ui.profile.ProfilingSession;
import org.npustudio.graphview.scene.Overlay;
import org.npustudio.ir.Node;
import org.npustudio.profiler.data.NodeMetrics;
import org.npustudio.profiler.data.Profile;
import org.npustudio.profiler.ui.NpuConfigPane;
import org.npustudio.samples.SampleLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The profiler's *as written / as compiled* choice on MobileNetV2 (every Conv followed by an unfolded
 * BatchNormalization and most by a Clip): as compiled the table says what each node became, the DRAM total
 * goes down, the overlay stays on the opened graph's node ids (absorbed nodes grey, badge pointing at their
 * Conv), and an NPU edit re-simulates without recompiling.
 */
@ExtendWith(ApplicationExtension.class)
class AsCompiledProfilingTest {
    @TempDir Path dir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage);
        stage.show();
    }

    /** {@code n} array edits, each awaited; the milliseconds from each edit to its result being shown. */
    private static double[] edit(FxRobot robot, ProfilingSession s, int n) throws Exception {
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            Profile before = s.panel().profileProperty().get();
            int side = 16 + 16 * (i % 4) + (s.npuPane().setup().npu().rows() == 16 + 16 * (i % 4) ? 8 : 0);
            robot.interact(() -> s.npuPane().setArray(side, side));
            ProfilingWorkspaceTest.awaitProfile(s, before);
            ms[i] = s.panel().liveSimulation().lastRefreshMillisProperty().get();
        }
        return ms;
    }

    @Test
    void asCompiledFoldsIntoTheConvOnTheOpenedGraph(FxRobot robot) throws Exception {
        Path file = SampleLibrary.ensure("mobilenetv2", dir);
        robot.interact(() -> window.open(file));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> window.graphView() != null && !window.isBusy());
        AtomicReference<ProfilingSession> session = new AtomicReference<>();
        robot.interact(() -> session.set(window.workspace().profile()));
        ProfilingSession s = session.get();
        Profile written = ProfilingWorkspaceTest.awaitProfile(s, null);
        assertFalse(written.asCompiled(), "as written first (decision 0013)");
        double[] writtenEdits = edit(robot, s, 6);
        written = s.panel().profileProperty().get();
        TableView<NodeMetrics> table = robot.lookup("#metrics-table").queryTableView();
        TableColumn<NodeMetrics, ?> compiledAs = table.getColumns().stream().filter(c -> "col-compiled".equals(c.getId())).findFirst().orElseThrow();
        assertFalse(compiledAs.isVisible(), "no Compiled as column as written");

        ComboBox<NpuConfigPane.Costing> costing = robot.lookup("#npu-costing").queryComboBox();
        assertEquals(NpuConfigPane.Costing.AS_WRITTEN, costing.getValue());
        robot.interact(() -> costing.setValue(NpuConfigPane.Costing.AS_COMPILED));
        Profile compiled = ProfilingWorkspaceTest.awaitProfile(s, written);
        double firstCompiledMillis = s.panel().liveSimulation().lastRefreshMillisProperty().get();
        assertTrue(compiled.asCompiled());
        assertTrue(compiledAs.isVisible(), "the Compiled as column shows as compiled");

        // A Conv → BatchNormalization pair of the opened graph: the BN's row points at the Conv, the Conv's row says it absorbed it.
        Node bn = window.model().model().graph().nodes().stream().filter(n -> n.opType().equals("BatchNormalization")).findFirst().orElseThrow();
        Node conv = window.model().model().graph().producer(bn.input(0));
        assertEquals("Conv", conv.opType());
        NodeMetrics bnRow = compiled.node(bn.id());
        NodeMetrics convRow = compiled.node(conv.id());
        assertEquals("folded into '" + conv.id() + "' (fold-batchnorm)", compiledAs.getCellData(bnRow));
        assertTrue(String.valueOf(compiledAs.getCellData(convRow)).startsWith("Conv + folded BatchNormalization '" + bn.id() + "'"),
                String.valueOf(compiledAs.getCellData(convRow)));

        double dramWritten = written.run().total().dramBytes();
        double dramCompiled = compiled.run().total().dramBytes();
        assertTrue(dramCompiled < dramWritten, "DRAM bytes as compiled " + dramCompiled + " < as written " + dramWritten);

        Overlay overlay = window.graphView().overlayProperty().get();
        Set<String> opened = window.model().model().graph().nodes().stream().map(Node::id).collect(Collectors.toSet());
        // Node keys (collapsed name-scope boxes are keyed "group:PATH") are exactly the opened graph's ids: none of the compiled graph's.
        Set<String> drawn = overlay.nodes().keySet().stream().filter(k -> !k.startsWith("group:")).collect(Collectors.toSet());
        assertEquals(opened, drawn, "the overlay is keyed by the opened graph's node ids, every one drawn");
        Overlay.NodeStyle bnStyle = overlay.nodes().get(bn.id());
        assertNotNull(bnStyle);
        String convName = convRow.name();
        assertTrue(bnStyle.badge().startsWith("→ ") && convName.endsWith(bnStyle.badge().substring(2)),
                "an absorbed node's badge points at the node doing its work: " + bnStyle.badge() + " for " + convName);
        assertTrue(overlay.nodes().get(conv.id()).badge().contains("·"), "the Conv carries the cost: " + overlay.nodes().get(conv.id()).badge());

        long compilations = s.compiledGraphs().compilations();
        assertEquals(1, compilations);
        int side = s.npuPane().setup().npu().rows() == 32 ? 48 : 32; // an array other than the preset's
        robot.interact(() -> s.npuPane().setArray(side, side));
        Profile edited = ProfilingWorkspaceTest.awaitProfile(s, compiled);
        assertTrue(edited.asCompiled());
        assertEquals(side, s.npuPane().setup().npu().rows());
        double[] compiledEdits = edit(robot, s, 6);
        assertEquals(1, s.compiledGraphs().compilations(), "array edits as compiled never recompile");
        // Back to as written, now that the code is warm, for a fair comparison with the as-compiled edits.
        Profile beforeSwitch = s.panel().profileProperty().get();
        robot.interact(() -> costing.setValue(NpuConfigPane.Costing.AS_WRITTEN));
        assertFalse(ProfilingWorkspaceTest.awaitProfile(s, beforeSwitch).asCompiled());
        assertFalse(compiledAs.isVisible(), "the column goes with the choice");
        double[] warmWritten = edit(robot, s, 6);
        System.out.printf("[profiling] MobileNetV2 NPU edit to result shown, medians of 6: as written %.1f ms (cold %.1f ms), as compiled (cached)"
                + " %.1f ms; first run as compiled (compiles) %.1f ms%n", ProfilingWorkspaceTest.median(warmWritten), ProfilingWorkspaceTest.median(writtenEdits),
                ProfilingWorkspaceTest.median(compiledEdits), firstCompiledMillis);
        assertEquals(1, s.compiledGraphs().compilations(), "an NPU edit re-simulates without recompiling");
        assertTrue(s.compiledGraphs().hits() >= 1);
    }
}
