package org.npustudio.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.app.TestModels;
import org.npustudio.testdata.TestData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Opens the real window (headless Monocle) on real ONNX files. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @TempDir Path dir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage);
        stage.show();
    }

    private void openAndWait(FxRobot robot, Path file) throws Exception {
        robot.interact(() -> window.open(file));
        // Busy covers the load and the graph layout (the summary tab is filled once the graph is shown).
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !window.isBusy());
        // Controls such as SplitPane add their items to the scene graph only when their skin is built
        // (on a pulse); force CSS and layout so lookups do not race the next pulse on a loaded machine.
        robot.interact(() -> {
            window.stage().getScene().getRoot().applyCss();
            window.stage().getScene().getRoot().layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void recentModelsAndSamplesAreOneClickAway(FxRobot robot) throws Exception {
        String before = System.getProperty("npustudio.prefs");
        System.setProperty("npustudio.prefs", "org/npustudio/test/" + ProcessHandle.current().pid());
        try {
            Path copy = java.nio.file.Files.copy(org.npustudio.testdata.TestData.inCheckout("samples/models/mlp.onnx"), dir.resolve("my-mlp.onnx"));
            openAndWait(robot, copy);
            assertEquals(copy.toAbsolutePath().normalize(), StudioPrefs.recent().get(0), "an opened model is remembered first");

            javafx.scene.control.Menu recent = (javafx.scene.control.Menu) menuItem(robot, "menu-open-recent");
            robot.interact(() -> ModelShortcuts.fill(recent, window::open));
            assertTrue(recent.getItems().get(0).getText().startsWith("my-mlp.onnx"), recent.getItems().get(0).getText());

            robot.interact(() -> menuItem(robot, "menu-sample-lenet5").fire());
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.model() != null && window.model().file().getFileName().toString().equals("lenet5.onnx")
                    && !window.isBusy());
            robot.interact(() -> recent.getItems().get(0).fire()); // the menu as filled before: my-mlp.onnx
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.model().file().getFileName().toString().equals("my-mlp.onnx") && !window.isBusy());
            assertEquals(List.of("my-mlp.onnx", "lenet5.onnx"), StudioPrefs.recent().stream().limit(2).map(f -> f.getFileName().toString()).toList());
        } finally {
            java.util.prefs.Preferences.userRoot().node(System.getProperty("npustudio.prefs")).removeNode();
            if (before == null) System.clearProperty("npustudio.prefs");
            else System.setProperty("npustudio.prefs", before);
        }
    }

    private static javafx.scene.control.MenuItem menuItem(FxRobot robot, String id) {
        javafx.scene.control.MenuBar bar = robot.lookup(".menu-bar").query();
        for (javafx.scene.control.Menu m : bar.getMenus()) {
            for (javafx.scene.control.MenuItem i : m.getItems()) {
                if (id.equals(i.getId())) return i;
                if (i instanceof javafx.scene.control.Menu sub) for (javafx.scene.control.MenuItem j : sub.getItems()) if (id.equals(j.getId())) return j;
            }
        }
        throw new AssertionError("no menu item " + id);
    }

    @Test
    void showsWelcomeUntilAModelIsOpened(FxRobot robot) {
        assertEquals("NPU Studio", window.stage().getTitle());
        assertNotNull(robot.lookup("#welcome").query());
        assertTrue(robot.lookup("#welcome-open").tryQuery().isPresent());
    }

    @Test
    @SuppressWarnings("unchecked")
    void opensAModelAndListsItsOps(FxRobot robot) throws Exception {
        Path file = TestModels.write(TestModels.tinyCnn(), dir.resolve("tiny_cnn.onnx"));
        openAndWait(robot, file);
        assertEquals("NPU Studio — tiny_cnn", window.stage().getTitle());
        assertTrue(robot.lookup("#welcome").tryQuery().isEmpty());

        TableView<OpCount> table = robot.lookup("#op-histogram-table").queryTableView();
        List<String> rows = table.getItems().stream().map(r -> r.op() + "=" + r.count()).toList();
        assertEquals(List.of("Conv=2", "Relu=2", "Add=1", "MaxPool=1"), rows);

        BarChart<Number, String> chart = robot.lookup("#op-histogram-chart").query();
        XYChart.Series<Number, String> bars = chart.getData().get(0);
        assertEquals(4, bars.getData().size());
        // Largest last: category axes draw bottom-up, so Conv ends up on top.
        assertEquals("Conv", bars.getData().get(3).getYValue());
        assertEquals(2, bars.getData().get(3).getXValue().intValue());

        assertEquals("6", robot.lookup("#fact-nodes-value").queryLabeled().getText());
        assertEquals("16.1 K", robot.lookup("#fact-macs-value").queryLabeled().getText());
        assertEquals("tiny_cnn", robot.lookup("#model-name").queryLabeled().getText());
    }

    @Test
    void brokenFileShowsTheOneLineError(FxRobot robot) throws Exception {
        Path bad = TestModels.broken(dir.resolve("broken.onnx"));
        openAndWait(robot, bad);
        DialogPane dialog = robot.lookup("#error-dialog").query();
        String text = dialog.getContentText();
        assertTrue(text.startsWith(bad + ": "), text);
        assertTrue(text.contains("not a readable ONNX protobuf"), text);
        assertFalse(text.contains("\n") || text.contains("Exception"), text);
        assertEquals(text, window.lastError());
        assertEquals("NPU Studio", window.stage().getTitle(), "nothing was opened");
        assertNotNull(robot.lookup("#welcome").query(), "the welcome pane is back");
        robot.interact(() -> dialog.getScene().getWindow().hide());
    }

    @Test
    void sharedResnet50Opens(FxRobot robot) throws Exception {
        Path file = TestData.shared("onnx-testdata/light/light_resnet50.onnx");
        openAndWait(robot, file);
        assertEquals("NPU Studio — light_resnet50", window.stage().getTitle());
        TableView<OpCount> table = robot.lookup("#op-histogram-table").queryTableView();
        assertTrue(table.getItems().stream().anyMatch(r -> r.op().equals("Conv") && r.count() == 53));
    }
}
