package org.npustudio.app.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.npustudio.app.ui.diff.PassDiffView;
import org.npustudio.testdata.TestData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A pass diff window closes with Ctrl+W or Esc, and with its model when another model is opened. */
@ExtendWith(ApplicationExtension.class)
class PassDiffWindowCloseTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage);
        stage.show();
    }

    @Test
    void ctrlWAndEscCloseTheDiffWindowAndOpeningAnotherModelClosesItsLeftovers(FxRobot robot) throws Exception {
        open(robot, TestData.inCheckout("samples/models/lenet5.onnx"));

        Window diff = runPipeline(robot);
        robot.press(KeyCode.CONTROL).type(KeyCode.W).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(diff.isShowing(), "Ctrl+W closes the diff window");

        diff = runPipeline(robot);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(diff.isShowing(), "Esc closes the diff window");

        diff = runPipeline(robot);
        open(robot, TestData.inCheckout("samples/models/mlp.onnx"));
        assertFalse(diff.isShowing(), "the previous model's diff window closed with it");
    }

    private void open(FxRobot robot, Path file) throws Exception {
        robot.interact(() -> window.open(file));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.model() != null && window.model().file().equals(file) && !window.isBusy());
    }

    /** Runs the default pipeline and returns its window, focused, once it shows. */
    private Window runPipeline(FxRobot robot) throws Exception {
        robot.interact(() -> menuItem("menu-run-pipeline").fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> diffWindow() != null);
        Window w = diffWindow();
        robot.interact(() -> {
            w.requestFocus();
            robot.lookup("#pass-list").queryAs(javafx.scene.Node.class).requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(w.isShowing());
        return w;
    }

    private static Window diffWindow() {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof PassDiffView) return w;
        }
        return null;
    }

    private MenuItem menuItem(String id) {
        MenuBar bar = (MenuBar) window.root().getTop();
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }
}
