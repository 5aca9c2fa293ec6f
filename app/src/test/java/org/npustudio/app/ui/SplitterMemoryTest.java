package org.npustudio.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.graphview.ui.SplitMemory;
import org.npustudio.samples.SampleLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Splitters are the user's: a divider dragged in one window is where the next window (the next run) puts it,
 * per window area; resizing the window alone remembers nothing; by default the graph has most of the width.
 * Preferences go to the test node ({@code npustudio.prefs}, see the surefire configuration).
 */
@ExtendWith(ApplicationExtension.class)
class SplitterMemoryTest {
    @TempDir Path dir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage);
        stage.setWidth(1200);
        stage.setHeight(800);
        stage.show();
    }

    @BeforeEach
    @AfterEach
    void forget() throws BackingStoreException {
        StudioPrefs.splitters().clear();
    }

    private SplitPane inspectorSplit(MainWindow w, FxRobot robot) throws Exception {
        Path file = SampleLibrary.ensure("lenet5", dir);
        robot.interact(() -> w.open(file));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !w.isBusy() && w.graphView() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return (SplitPane) w.graphView().getCenter();
    }

    @Test
    void aDraggedDividerIsWhereTheNextWindowPutsIt(FxRobot robot) throws Exception {
        SplitPane split = inspectorSplit(window, robot);
        double first = split.getDividerPositions()[0];
        assertTrue(first >= 0.7, "the graph gets most of the width: " + first);

        robot.interact(() -> window.stage().setWidth(1000));
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(SplitMemory.load("graph.inspector", 1), "a window resize is not the user's choice");

        Node divider = split.lookup(".split-pane-divider");
        assertNotNull(divider);
        Bounds b = divider.localToScreen(divider.getBoundsInLocal());
        Point2D from = new Point2D(b.getCenterX(), b.getCenterY());
        robot.drag(from, javafx.scene.input.MouseButton.PRIMARY).moveBy(-200, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        double dragged = split.getDividerPositions()[0];
        assertTrue(dragged < first - 0.1, "the divider moved left: " + first + " → " + dragged);
        double[] saved = SplitMemory.load("graph.inspector", 1);
        assertNotNull(saved, "the drag is remembered");
        assertEquals(dragged, saved[0], 1e-3);

        // A new window (as after a restart; on the same stage, as the IDE has one main window per process)
        // opens its graph with the inspector where the user left it.
        MainWindow[] second = new MainWindow[1];
        robot.interact(() -> second[0] = new MainWindow(window.stage()));
        SplitPane again = inspectorSplit(second[0], robot);
        assertTrue(again != split, "a new graph view");
        assertEquals(dragged, again.getDividerPositions()[0], 0.01, "restored in the new window");
    }

    @Test
    void theProfilerBelowTheGraphLeavesTheGraphMostOfTheHeight(FxRobot robot) throws Exception {
        inspectorSplit(window, robot);
        robot.interact(() -> window.workspace().profile());
        WaitForAsyncUtils.waitForFxEvents();
        SplitPane area = (SplitPane) window.stage().getScene().lookup("#graph-area");
        assertEquals(2, area.getItems().size());
        // 0.6 by default; the skin snaps the divider to whole pixels.
        assertTrue(area.getDividerPositions()[0] >= 0.59, "graph above the profiler: " + area.getDividerPositions()[0]);
    }
}
