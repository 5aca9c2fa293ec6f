package org.npustudio.graphview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.npustudio.graphview.render.GraphCanvas;
import org.npustudio.graphview.render.Viewport;
import org.npustudio.graphview.scene.GraphScene;
import org.npustudio.graphview.scene.Overlay;
import org.npustudio.graphview.scene.SyntheticScenes;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The graph view on the headless Monocle platform, driven with real mouse and keyboard events. */
@ExtendWith(ApplicationExtension.class)
class GraphViewTest {
    private GraphView view;
    private final GraphScene scene = SyntheticScenes.chains(400, 40, 5);

    @Start
    void start(Stage stage) {
        view = new GraphView();
        stage.setScene(new Scene(view, 1100, 700));
        stage.show();
        view.setGraphScene(scene);
    }

    private void settle(FxRobot robot) {
        robot.interact(() -> {
            view.applyCss();
            view.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Point2D screenOf(FxRobot robot, double wx, double wy) {
        GraphCanvas c = view.canvas();
        Viewport v = c.viewport();
        return c.localToScreen(v.toScreenX(wx), v.toScreenY(wy));
    }

    @Test
    void opensAtTheStartFitsOnRequestAndWheelZoomKeepsThePointUnderTheCursor(FxRobot robot) {
        settle(robot);
        GraphCanvas c = view.canvas();
        // Too big to read when fitted: it opens at its start, readable.
        double[] world = c.viewport().visibleWorld(c.getWidth(), c.getHeight());
        assertTrue(c.viewport().scale() >= 0.7, "readable zoom " + c.viewport().scale());
        assertTrue(world[1] <= scene.minY() && world[3] < scene.maxY(), "the top of the graph is in view");
        robot.clickOn("#graph-fit");
        world = c.viewport().visibleWorld(c.getWidth(), c.getHeight());
        assertTrue(world[0] <= scene.minX() && world[2] >= scene.maxX() && world[3] >= scene.maxY(), "whole graph in view");

        int n = scene.indexOf("n45");
        Point2D p = screenOf(robot, scene.centerX(n), scene.centerY(n));
        double before = c.viewport().scale();
        robot.moveTo(p).scroll(3, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals(before, c.viewport().scale(), 1e-9);
        Point2D after = screenOf(robot, scene.centerX(n), scene.centerY(n));
        assertEquals(p.getX(), after.getX(), 1.0);
        assertEquals(p.getY(), after.getY(), 1.0);
    }

    @Test
    void dragPansAndClickSelectsAndArrowsFollowTheFlow(FxRobot robot) {
        settle(robot);
        robot.interact(() -> {
            view.canvas().viewport().set(1, 0, 0);
            view.canvas().viewportChanged();
        });
        GraphCanvas c = view.canvas();
        double tx = c.viewport().translateX(), ty = c.viewport().translateY();
        Point2D start = c.localToScreen(400, 300);
        robot.drag(start, MouseButton.PRIMARY).dropTo(start.add(-120, -80));
        assertEquals(tx - 120, c.viewport().translateX(), 1.0);
        assertEquals(ty - 80, c.viewport().translateY(), 1.0);

        robot.interact(() -> {
            view.canvas().viewport().set(1, 40, 20);
            view.canvas().viewportChanged();
        });
        int n = scene.indexOf("n3");
        robot.clickOn(screenOf(robot, scene.centerX(n), scene.centerY(n)));
        assertEquals("n3", view.selectionProperty().get());
        assertEquals(n, c.selected());
        assertTrue(view.inspectorRows().stream().anyMatch(r -> r.value().equals("n3")), view.inspectorRows().toString());

        robot.type(KeyCode.DOWN);
        assertEquals("n4", view.selectionProperty().get());
        robot.type(KeyCode.UP, KeyCode.UP);
        assertEquals("n2", view.selectionProperty().get());
        robot.type(KeyCode.RIGHT);
        assertEquals("n42", view.selectionProperty().get(), "the node beside n2 in the next column");
        robot.type(KeyCode.ESCAPE);
        assertNull(view.selectionProperty().get());
    }

    @Test
    void searchCyclesThroughHitsAndCentresEach(FxRobot robot) {
        settle(robot);
        robot.clickOn("#graph-search").write("^n1[0-2]$").type(KeyCode.ENTER);
        List<String> hits = view.searchHits().stream().map(h -> h.key()).toList();
        assertEquals(List.of("n10", "n11", "n12"), hits);
        assertEquals("n10", view.selectionProperty().get());
        robot.type(KeyCode.ENTER);
        assertEquals("n11", view.selectionProperty().get());
        GraphCanvas c = view.canvas();
        int n = scene.indexOf("n11");
        assertEquals(c.getWidth() / 2, c.viewport().toScreenX(scene.centerX(n)), 1.0, "centred");
        assertEquals(c.getHeight() / 2, c.viewport().toScreenY(scene.centerY(n)), 1.0);
        assertEquals("2 of 3", robot.lookup("#graph-search-count").queryLabeled().getText());
    }

    @Test
    void minimapClickMovesTheViewAndOverlayNeedsNoNewScene(FxRobot robot) {
        settle(robot);
        robot.interact(() -> {
            view.canvas().viewport().set(1, 0, 0);
            view.canvas().viewportChanged();
        });
        Minimap map = robot.lookup("#graph-minimap").query();
        robot.clickOn(map.localToScreen(map.getWidth() - 8, map.getHeight() / 2));
        GraphCanvas c = view.canvas();
        double[] world = c.viewport().visibleWorld(c.getWidth(), c.getHeight());
        assertTrue(world[2] > scene.maxX() * 0.9, "the view moved to the right end: " + world[2]);

        GraphScene shown = c.scene();
        robot.interact(() -> view.overlayProperty().set(Overlay.builder().fill("n0", 0xFFFF0000).badge("n0", "hot").build()));
        assertEquals(shown, c.scene());
        assertEquals("hot", c.overlay().nodes().get("n0").badge());
    }
}
