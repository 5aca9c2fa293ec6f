package org.npustudio.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.event.Event;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.graphview.render.GraphCanvas;
import org.npustudio.graphview.render.Viewport;
import org.npustudio.graphview.scene.GraphScene;
import org.npustudio.graphview.scene.NodeKind;
import org.npustudio.graphview.scene.SceneGroup;
import org.npustudio.graphview.ui.GraphView;
import org.npustudio.graphview.ui.InspectorRow;
import org.npustudio.samples.SampleLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Opening and closing name-scope groups of the ResNet50 sample in the real window, by mouse, keyboard and search. */
@ExtendWith(ApplicationExtension.class)
class GraphGroupsTest {
    @TempDir Path dir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage);
        stage.show();
    }

    private GraphView openResnet(FxRobot robot) throws Exception {
        Path file = SampleLibrary.ensure("resnet50", dir);
        robot.interact(() -> window.open(file));
        waitIdle(robot);
        return window.graphView();
    }

    private void waitIdle(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.isBusy());
        robot.interact(() -> {
            window.stage().getScene().getRoot().applyCss();
            window.stage().getScene().getRoot().layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Point2D screenOf(GraphView view, double wx, double wy) {
        GraphCanvas c = view.canvas();
        return c.localToScreen(c.viewport().toScreenX(wx), c.viewport().toScreenY(wy));
    }

    /**
     * The second click of a double-click, as JavaFX delivers it (click count 2). Fired directly, because on a
     * loaded machine two robot clicks can arrive further apart than the platform's double-click interval.
     */
    private static void doubleClick(FxRobot robot, GraphView view, double wx, double wy) {
        GraphCanvas c = view.canvas();
        double x = c.viewport().toScreenX(wx), y = c.viewport().toScreenY(wy);
        Point2D screen = c.localToScreen(x, y), scene = c.localToScene(x, y);
        robot.interact(() -> {
            for (javafx.event.EventType<MouseEvent> type : List.of(MouseEvent.MOUSE_PRESSED, MouseEvent.MOUSE_RELEASED)) {
                Event.fireEvent(c, new MouseEvent(type, scene.getX(), scene.getY(), screen.getX(), screen.getY(), MouseButton.PRIMARY, 2,
                        false, false, false, false, type == MouseEvent.MOUSE_PRESSED, false, false, true, false, true, null));
            }
        });
    }

    private static Map<String, Point2D> screenPositions(GraphView view) {
        GraphScene s = view.getGraphScene();
        Map<String, Point2D> out = new HashMap<>();
        for (int i = 0; i < s.nodeCount(); i++) out.put(s.key(i), screenOf(view, s.x(i), s.y(i)));
        return out;
    }

    private static SceneGroup frame(GraphScene s, String path) {
        return s.groups().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow(() -> new AssertionError("no open group " + path));
    }

    private static int count(GraphScene s, NodeKind kind) {
        int n = 0;
        for (int i = 0; i < s.nodeCount(); i++) if (s.kind(i) == kind) n++;
        return n;
    }

    @Test
    void collapsingAndExpandingAGroupKeepsEverythingElseInPlace(FxRobot robot) throws Exception {
        GraphView view = openResnet(robot);
        GraphScene open = view.getGraphScene();
        int ops = window.model().summary().nodes();
        assertEquals(ops, count(open, NodeKind.OPERATOR), "a ResNet50 is small enough to open fully expanded");
        assertEquals(0, count(open, NodeKind.GROUP));

        SceneGroup layer2 = frame(open, "layer2");
        robot.interact(() -> {
            Viewport v = view.canvas().viewport();
            v.set(1, 0, 0);
            v.centerOn(layer2.x() + layer2.width() / 2, layer2.y() + 150, view.canvas().getWidth(), view.canvas().getHeight());
            view.canvas().viewportChanged();
        });
        Map<String, Point2D> before = screenPositions(view);
        Point2D frameTop = screenOf(view, layer2.x() + layer2.width() / 2, layer2.y());
        robot.clickOn(screenOf(view, layer2.x() + SceneGroup.TOGGLE_INSET + SceneGroup.TOGGLE / 2, layer2.y() + SceneGroup.TOGGLE_INSET + SceneGroup.TOGGLE / 2));
        waitIdle(robot);

        GraphScene closed = view.getGraphScene();
        int box = closed.indexOf("group:layer2");
        assertTrue(box >= 0, "layer2 is one box");
        assertEquals(42, closed.groupContent(box).operatorCount(), "4 bottlenecks of 10 ops and a projection shortcut");
        assertEquals(open.nodeCount() - 42 + 1, closed.nodeCount());
        assertEquals(List.of("42 ops", "Conv 13 · BatchNormalization 13", "Relu 12 · Add 4"), closed.lines(box));
        // Everything drawn before layer2 is where it was on screen; the box hangs where the frame's top centre was.
        Map<String, Point2D> after = screenPositions(view);
        for (int i = 0; i < open.nodeCount(); i++) {
            if (open.y(i) + open.height(i) > layer2.y()) continue;
            Point2D was = before.get(open.key(i)), now = after.get(open.key(i));
            assertEquals(was.getX(), now.getX(), 0.5, open.key(i));
            assertEquals(was.getY(), now.getY(), 0.5, open.key(i));
        }
        Point2D boxTop = screenOf(view, closed.centerX(box), closed.y(box));
        assertEquals(frameTop.getX(), boxTop.getX(), 0.5);
        assertEquals(frameTop.getY(), boxTop.getY(), 0.5);

        doubleClick(robot, view, closed.centerX(box), closed.y(box) + closed.height(box) - 10);
        waitIdle(robot);
        GraphScene again = view.getGraphScene();
        assertEquals(open.nodeCount(), again.nodeCount(), "layer2 is open again");
        Map<String, Point2D> restored = screenPositions(view);
        for (Map.Entry<String, Point2D> e : before.entrySet()) {
            assertEquals(e.getValue().getX(), restored.get(e.getKey()).getX(), 0.5, e.getKey());
            assertEquals(e.getValue().getY(), restored.get(e.getKey()).getY(), 0.5, e.getKey());
        }
    }

    @Test
    void keyboardClosesTheGroupAroundTheSelectionAndSearchOpensGroupsToAHit(FxRobot robot) throws Exception {
        GraphView view = openResnet(robot);
        String conv = "/layer3/layer3.1/conv2/Conv";
        robot.interact(() -> view.reveal(conv));
        GraphScene s = view.getGraphScene();
        int i = s.indexOf(conv);
        robot.clickOn(screenOf(view, s.centerX(i), s.centerY(i)));
        assertEquals(conv, view.selectionProperty().get());

        robot.type(KeyCode.BACK_SPACE);
        waitIdle(robot);
        assertEquals("group:layer3/layer3.1", view.selectionProperty().get(), "the selection passes to the closed group");
        List<InspectorRow> rows = view.inspectorRows();
        assertTrue(rows.contains(new InspectorRow("scope", "layer3/layer3.1", false)), rows.toString());
        assertTrue(rows.contains(new InspectorRow("Conv", "3", false)), rows.toString());
        assertTrue(view.getGraphScene().indexOf(conv) < 0);

        robot.type(KeyCode.ENTER);
        waitIdle(robot);
        assertTrue(view.getGraphScene().indexOf(conv) >= 0, "Enter opened it again");

        robot.interact(() -> view.toggleGroup("layer4", false));
        waitIdle(robot);
        assertTrue(view.getGraphScene().indexOf("group:layer4") >= 0);
        String hidden = "/layer4/layer4.2/conv3/Conv";
        robot.clickOn("#graph-search").write("layer4\\.2/conv3/Conv$").type(KeyCode.ENTER);
        waitIdle(robot);
        GraphScene shown = view.getGraphScene();
        assertTrue(shown.indexOf("group:layer4") < 0, "the hit's groups were opened");
        assertEquals(hidden, view.selectionProperty().get());
        int h = shown.indexOf(hidden);
        GraphCanvas c = view.canvas();
        assertEquals(c.getWidth() / 2, c.viewport().toScreenX(shown.centerX(h)), 1.0, "centred on the hit");
        assertEquals(1, view.searchHits().size());
        assertEquals(hidden, view.searchHits().get(0).key());
    }
}
