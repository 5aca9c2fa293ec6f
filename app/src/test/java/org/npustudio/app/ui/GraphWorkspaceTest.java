package org.npustudio.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.graphview.render.GraphCanvas;
import org.npustudio.graphview.scene.GraphScene;
import org.npustudio.graphview.scene.NodeKind;
import org.npustudio.graphview.ui.GraphView;
import org.npustudio.graphview.ui.InspectorRow;
import org.npustudio.samples.SampleLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window on a bundled sample: the graph is laid out, zoomed, panned, searched and inspected. */
@ExtendWith(ApplicationExtension.class)
class GraphWorkspaceTest {
    @TempDir Path dir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage);
        stage.show();
    }

    private GraphView openSample(FxRobot robot, String name) throws Exception {
        Path file = SampleLibrary.ensure(name, dir);
        robot.interact(() -> window.open(file));
        waitIdle(robot);
        GraphView view = window.graphView();
        assertNotNull(view, "the graph view is in the window");
        return view;
    }

    private void waitIdle(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.isBusy());
        robot.interact(() -> {
            window.stage().getScene().getRoot().applyCss();
            window.stage().getScene().getRoot().layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void opensLenetZoomsPansSearchesAndInspects(FxRobot robot) throws Exception {
        GraphView view = openSample(robot, "lenet5");
        GraphScene scene = view.getGraphScene();
        assertNotNull(scene);
        int ops = window.model().summary().nodes();
        assertEquals(ops, countKind(scene, NodeKind.OPERATOR), "every operator is drawn");
        assertTrue(window.stage().getScene().lookup("#model-overview") != null, "the summary is still there (tab)");

        GraphCanvas c = view.canvas();
        double scale = c.viewport().scale();
        Point2D middle = c.localToScreen(c.getWidth() / 2, c.getHeight() / 2);
        robot.moveTo(middle).scroll(4, VerticalDirection.UP);
        assertNotEquals(scale, c.viewport().scale(), 1e-9);
        double tx = c.viewport().translateX();
        robot.drag(middle, MouseButton.PRIMARY).dropTo(middle.add(90, 0));
        assertEquals(tx + 90, c.viewport().translateX(), 1.0);

        robot.clickOn("#graph-search").write("Gemm").type(KeyCode.ENTER);
        assertTrue(view.searchHits().size() >= 1, "lenet5 ends in fully connected layers");
        String selected = view.selectionProperty().get();
        assertEquals(view.searchHits().get(0).key(), selected);
        List<InspectorRow> rows = view.inspectorRows();
        assertTrue(rows.contains(new InspectorRow("op type", "Gemm", false)), rows.toString());
        InspectorRow macs = rows.stream().filter(r -> r.name().equals("MACs")).findFirst().orElseThrow();
        assertTrue(macs.value().matches("[0-9,]+") && !macs.value().equals("0"), macs.toString());
        assertTrue(rows.stream().anyMatch(r -> r.value().contains("constant")), "weights listed among the inputs");
        // The selected node is centred in the view.
        int i = scene.indexOf(selected);
        assertEquals(c.getWidth() / 2, c.viewport().toScreenX(scene.centerX(i)), 1.0);
    }

    @Test
    void initializerToggleLaysOutAgainAndExportWritesSvg(FxRobot robot) throws Exception {
        GraphView view = openSample(robot, "mlp");
        GraphScene before = view.getGraphScene();
        assertEquals(0, countKind(before, NodeKind.INITIALIZER));
        robot.clickOn("#graph-toggle-initializers");
        waitIdle(robot);
        GraphScene after = view.getGraphScene();
        assertTrue(countKind(after, NodeKind.INITIALIZER) > 0, "weights drawn as nodes");
        assertEquals(countKind(before, NodeKind.OPERATOR), countKind(after, NodeKind.OPERATOR));

        Path svg = dir.resolve("mlp.svg");
        java.util.concurrent.atomic.AtomicReference<javafx.concurrent.Task<Void>> export = new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> export.set(GraphExportAction.export(view, false, svg, s -> {})));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> export.get().isDone());
        assertTrue(Files.readString(svg).contains("</svg>"));
    }

    private static long countKind(GraphScene s, NodeKind k) {
        long n = 0;
        for (int i = 0; i < s.nodeCount(); i++) if (s.kind(i) == k) n++;
        return n;
    }
}
