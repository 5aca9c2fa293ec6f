package org.npustudio.graphview.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.npustudio.graphview.render.GraphCanvas;
import org.npustudio.graphview.scene.GraphScene;
import org.npustudio.graphview.scene.SyntheticScenes;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Multi-selection gestures with real mouse and keyboard events on the headless platform. */
@ExtendWith(ApplicationExtension.class)
class MultiSelectTest {
    private GraphView view;
    private MultiSelect multi;
    private final NodeSelection selection = new NodeSelection();
    // Columns of 10: n0..n9 at x 0..100, y 0, 60, …; n10..n19 at x 160.
    private final GraphScene scene = SyntheticScenes.chains(60, 10, 5);

    @Start
    void start(Stage stage) {
        view = new GraphView();
        multi = MultiSelect.install(view, selection);
        stage.setScene(new Scene(view, 1100, 700));
        stage.show();
        view.setGraphScene(scene);
    }

    private void atZoomOne(FxRobot robot) {
        robot.interact(() -> {
            view.applyCss();
            view.layout();
            view.canvas().viewport().set(1, 30, 30);
            view.canvas().viewportChanged();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Point2D at(double wx, double wy) {
        GraphCanvas c = view.canvas();
        return c.localToScreen(c.viewport().toScreenX(wx), c.viewport().toScreenY(wy));
    }

    private Point2D centre(String key) {
        int i = scene.indexOf(key);
        return at(scene.centerX(i), scene.centerY(i));
    }

    @Test
    void shiftDragDrawsABandShiftClickAddsCtrlClickTogglesAndAPlainClickStartsOver(FxRobot robot) {
        atZoomOne(robot);
        double tx = view.canvas().viewport().translateX();
        robot.press(KeyCode.SHIFT).drag(at(-10, 70), MouseButton.PRIMARY).dropTo(at(120, 250)).release(KeyCode.SHIFT);
        assertEquals(Set.of("n1", "n2", "n3"), selection.keys());
        assertEquals(tx, view.canvas().viewport().translateX(), 1e-9, "the band did not pan");
        assertEquals(3, view.canvas().marked().cardinality(), "marked on the canvas");

        robot.press(KeyCode.SHIFT).clickOn(centre("n12")).release(KeyCode.SHIFT);
        assertEquals(List.of("n1", "n2", "n3", "n12"), List.copyOf(selection.keys()));
        assertEquals("n12", view.selectionProperty().get(), "the inspector follows the last click");

        robot.press(KeyCode.CONTROL).clickOn(centre("n2")).release(KeyCode.CONTROL);
        assertEquals(Set.of("n1", "n3", "n12"), selection.keys());

        robot.clickOn(centre("n5"));
        assertEquals(Set.of("n5"), selection.keys());
        assertEquals("n5", view.selectionProperty().get());
        robot.clickOn(centre("n5"));
        assertEquals(Set.of("n5"), selection.keys(), "clicking the same node again keeps it");
        robot.type(KeyCode.ESCAPE);
        assertTrue(selection.isEmpty());

        // Plain drags still pan (the two clicks above were a double click, which zooms: start again).
        atZoomOne(robot);
        robot.drag(at(700, 300), MouseButton.PRIMARY).dropTo(at(600, 300));
        assertEquals(tx - 100, view.canvas().viewport().translateX(), 1.0);
        assertTrue(selection.isEmpty());
    }

    @Test
    void rectangleAndLassoToolsReplaceAndCtrlRemoves(FxRobot robot) {
        atZoomOne(robot);
        robot.interact(() -> multi.toolProperty().set(MultiSelect.Tool.RECTANGLE));
        robot.drag(at(-10, -10), MouseButton.PRIMARY).dropTo(at(270, 110));
        assertEquals(Set.of("n0", "n1", "n10", "n11"), selection.keys());
        robot.press(KeyCode.CONTROL).drag(at(140, -10), MouseButton.PRIMARY).dropTo(at(270, 110)).release(KeyCode.CONTROL);
        assertEquals(Set.of("n0", "n1"), selection.keys());

        robot.interact(() -> multi.toolProperty().set(MultiSelect.Tool.LASSO));
        // A wide triangle around the centres of n20 (370, 20) and n30 (530, 20) that misses n21 and n31 below.
        robot.drag(at(220, -10), MouseButton.PRIMARY).moveTo(at(680, -10)).moveTo(at(450, 120)).drop();
        assertEquals(Set.of("n20", "n30"), selection.keys());

        robot.interact(() -> multi.toolProperty().set(MultiSelect.Tool.PAN));
        robot.clickOn(centre("n4")).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        assertEquals(scene.nodeCount(), selection.size());
    }

    @Test
    void aLassoClosedWhereItStartedSelectsWhatItEncloses(FxRobot robot) {
        atZoomOne(robot);
        robot.interact(() -> multi.toolProperty().set(MultiSelect.Tool.LASSO));
        // Around n20 (370, 20) and n30 (530, 20) and back to the press point: a long path, not a click.
        robot.drag(at(220, -10), MouseButton.PRIMARY).moveTo(at(680, -10)).moveTo(at(450, 120)).moveTo(at(221, -9)).drop();
        assertEquals(Set.of("n20", "n30"), selection.keys());
    }
}
