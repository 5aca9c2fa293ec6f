package org.npustudio.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Bounds;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.app.TestModels;
import org.npustudio.app.ui.diff.DiffActions;
import org.npustudio.app.ui.diff.PassDiffView;
import org.npustudio.app.ui.present.PresenterMode;
import org.npustudio.graphview.scene.SceneTheme;
import org.npustudio.graphview.ui.GraphView;
import org.npustudio.passes.Pipeline;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Presenter mode on the real window: F5 turns it on and off, type and graph strokes grow by the chosen scale
 * (measured on the laid-out controls), the theme turns high-contrast, the spotlight and the laser pointer
 * follow, and Page Down / Right step through the passes of a pass diff window.
 */
@ExtendWith(ApplicationExtension.class)
class PresenterModeTest {
    @TempDir Path dir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage);
        stage.show();
    }

    private void openTiny(FxRobot robot) throws Exception {
        Path file = TestModels.write(TestModels.tinyCnn(), dir.resolve("tiny_cnn.onnx"));
        robot.interact(() -> window.open(file));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.model() != null && !window.isBusy());
        settle(robot);
    }

    private void settle(FxRobot robot) {
        robot.interact(() -> {
            window.stage().getScene().getRoot().applyCss();
            window.stage().getScene().getRoot().layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static double fontSize(FxRobot robot, String query) {
        javafx.scene.Node n = robot.lookup(query).query();
        return n instanceof Label l ? l.getFont().getSize() : ((Button) n).getFont().getSize();
    }

    @Test
    void f5ScalesTypeAndStrokesAndTurnsTheThemeHighContrastThenBack(FxRobot robot) throws Exception {
        openTiny(robot);
        GraphView view = window.graphView();
        double status = fontSize(robot, "#status"), button = fontSize(robot, "#graph-fit");
        double zoom = view.canvas().viewport().scale();
        assertEquals(12, status, 0.01, "the status line is 12 px normally");
        assertEquals(SceneTheme.STANDARD, view.themeProperty().get());

        robot.interact(() -> window.stage().requestFocus());
        robot.type(KeyCode.F5);
        settle(robot);
        assertTrue(window.presenter().isActive(), "F5 turns presenter mode on");
        assertTrue(fontSize(robot, "#status") >= 1.6 * status - 0.01, "status " + fontSize(robot, "#status"));
        assertTrue(fontSize(robot, "#graph-fit") >= 1.6 * button - 0.01, "toolbar button " + fontSize(robot, "#graph-fit"));
        assertEquals(SceneTheme.highContrast(1.6), view.themeProperty().get());
        assertEquals(1.6, view.canvas().theme().scale(), "strokes drawn 1.6x");
        assertEquals(1.6 * zoom, view.canvas().viewport().scale(), 1e-9, "node text on screen 1.6x larger");
        Region side = robot.lookup(".graph-side").query();
        assertEquals(Color.BLACK, side.getBackground().getFills().get(0).getFill(), "high-contrast panels beat the view's own stylesheet");
        assertTrue(view.spotlightProperty().get() && view.pointerProperty().get());

        // A larger scale from the View menu; type follows at once.
        robot.interact(() -> menuItem("menu-presenter-scale-25").fire());
        settle(robot);
        assertEquals(2.5 * status, fontSize(robot, "#status"), 0.05);
        assertEquals(2.5 * zoom, view.canvas().viewport().scale(), 1e-9);

        // Spotlight on the selected node.
        robot.interact(() -> view.selectionProperty().set("relu1"));
        assertEquals(1, view.canvas().spotlight().cardinality());
        assertTrue(view.canvas().spotlight().get(view.getGraphScene().indexOf("relu1")));

        // The laser dot follows the mouse over the canvas.
        Bounds b = view.canvas().localToScreen(view.canvas().getBoundsInLocal());
        robot.moveTo(new javafx.geometry.Point2D(b.getMinX() + 40, b.getMinY() + 50));
        WaitForAsyncUtils.waitForFxEvents();
        Circle dot = robot.lookup("#graph-laser-dot").query();
        assertTrue(dot.isVisible(), "the pointer shows over the canvas");
        assertEquals(9 * 2.5, dot.getRadius(), 1e-9);

        robot.interact(() -> window.stage().requestFocus());
        robot.type(KeyCode.F5);
        settle(robot);
        assertFalse(window.presenter().isActive());
        assertEquals(status, fontSize(robot, "#status"), 1e-9, "back to normal type");
        assertEquals(button, fontSize(robot, "#graph-fit"), 1e-9);
        assertEquals(SceneTheme.STANDARD, view.themeProperty().get());
        assertEquals(zoom, view.canvas().viewport().scale(), 1e-9);
        assertTrue(view.canvas().spotlight().isEmpty(), "no spotlight outside presenter mode");
        assertFalse(dot.isVisible());
    }

    @Test
    void pageDownAndRightStepThroughThePassesOfTheDiffWindowWhilePresenting(FxRobot robot) throws Exception {
        openTiny(robot);
        AtomicReference<PassDiffView> opened = new AtomicReference<>();
        robot.interact(() -> DiffActions.runPipeline(window.diffHost(), Pipeline.defaultPipeline(), opened::set));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> opened.get() != null);
        PassDiffView diff = opened.get();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !diff.isBusy());
        robot.interact(() -> {
            diff.select(diff.visibleSteps().get(0));
            window.presenter().activeProperty().set(true);
            diff.getScene().getWindow().requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(diff.getScene().getRoot().getStyleClass().contains("presenting"), "a window opened before presenting is styled too");
        assertEquals(SceneTheme.highContrast(1.6), diff.afterView().themeProperty().get());
        assertEquals(SceneTheme.highContrast(1.6), diff.mergedView().themeProperty().get(), "also the merged view not yet on screen");
        int first = diff.shownStep().step();
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals(first + 1, diff.shownStep().step(), "Page Down: next pass");
        robot.type(KeyCode.RIGHT);
        assertEquals(first + 2, diff.shownStep().step(), "Right: next pass");
        robot.type(KeyCode.PAGE_UP);
        robot.type(KeyCode.LEFT);
        assertEquals(first, diff.shownStep().step(), "Page Up and Left: back");
        robot.interact(() -> window.presenter().activeProperty().set(false));
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals(first + 1, diff.shownStep().step(), "without presenter mode the diff view's own Page Down still works");
        robot.type(KeyCode.RIGHT);
        assertEquals(first + 1, diff.shownStep().step(), "but Right is no longer a presenter key");
        robot.interact(() -> diff.getScene().getWindow().hide());
    }

    @Test
    void profilerChartsGrowWithTheTypeAndF5WorksFromAPassDiffWindow(FxRobot robot) throws Exception {
        openTiny(robot);
        robot.interact(() -> window.workspace().profile());
        double width = 400;
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("Op types").tryQuery().isPresent() && !window.isBusy());
        robot.clickOn("Op types");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#op-type-bars").tryQuery()
                .map(n -> ((Region) n).minHeight(width) > 0).orElse(false));
        settle(robot);
        Region bars = robot.lookup("#op-type-bars").query();
        double normal = bars.minHeight(width);
        robot.interact(() -> window.presenter().activeProperty().set(true));
        settle(robot);
        assertEquals(1.6, bars.minHeight(width) / normal, 0.1, "the chart's rows, text and strokes grow with the type");
        robot.interact(() -> window.presenter().activeProperty().set(false));
        settle(robot);
        assertEquals(normal, bars.minHeight(width), 1e-9, "and shrink back");

        AtomicReference<PassDiffView> opened = new AtomicReference<>();
        robot.interact(() -> DiffActions.runPipeline(window.diffHost(), Pipeline.defaultPipeline(), opened::set));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> opened.get() != null);
        PassDiffView diff = opened.get();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !diff.isBusy());
        // The key is delivered to the diff window's scene itself: which window has the focus is up to the platform.
        Runnable f5 = () -> javafx.event.Event.fireEvent(diff.getScene().getRoot(),
                new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", KeyCode.F5, false, false, false, false));
        robot.interact(f5);
        assertTrue(window.presenter().isActive(), "F5 in the pass diff window starts presenting");
        assertTrue(diff.getScene().getRoot().getStyleClass().contains("presenting"));
        robot.interact(f5);
        assertFalse(window.presenter().isActive(), "and F5 there ends it");
        robot.interact(() -> diff.getScene().getWindow().hide());
    }

    @Test
    void notesOpenFromTheMenuWithOneScreen(FxRobot robot) {
        robot.interact(() -> window.presenter().activeProperty().set(true));
        assertFalse(window.presenter().notes().isShowing(), "one screen: the notes do not open by themselves");
        robot.interact(() -> menuItem("menu-presenter-notes").fire());
        assertTrue(window.presenter().notes().isShowing());
        Label title = robot.lookup("#presenter-notes-title").query();
        assertEquals("No lesson open", title.getText());
        assertTrue(title.getScene().getRoot().getStyleClass().contains("presenting"), "the notes window is large type too");
        assertNotNull(title.getScene().getWindow());
        robot.interact(() -> {
            title.getScene().getWindow().hide();
            window.presenter().activeProperty().set(false);
        });
        assertEquals(PresenterMode.SCALES.get(0), window.presenter().scaleProperty().get());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> window.presenter().setScale(5));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> window.presenter().setScale(Double.NaN));
        assertEquals(PresenterMode.SCALES.get(0), window.presenter().scaleProperty().get(), "a refused scale changes nothing");
    }

    private MenuItem menuItem(String id) {
        MenuBar bar = (MenuBar) window.root().getTop();
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .flatMap(i -> i instanceof javafx.scene.control.Menu sub ? java.util.stream.Stream.concat(java.util.stream.Stream.of(i), sub.getItems().stream()) : java.util.stream.Stream.of(i))
                .filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }
}
