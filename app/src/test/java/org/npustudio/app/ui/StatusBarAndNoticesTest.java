package org.npustudio.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.npustudio.graphview.ui.GraphView;
import org.npustudio.graphview.ui.RunningTasks;
import org.npustudio.graphview.ui.Workers;
import org.npustudio.samples.SampleLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 18: the status bar follows long work (with a task list that cancels), and news is a notice, not a dialog. */
@ExtendWith(ApplicationExtension.class)
class StatusBarAndNoticesTest {
    @TempDir Path dir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage);
        stage.show();
    }

    private StatusBar bar(FxRobot robot) { return robot.lookup("#status-bar").query(); }

    @Test
    void aModelLoadShowsInTheStatusBar(FxRobot robot) throws Exception {
        Path file = SampleLibrary.ensure("mlp", dir);
        AtomicReference<String> text = new AtomicReference<>();
        robot.interact(() -> {
            window.open(file);
            text.set(bar(robot).getText());
            assertTrue(RunningTasks.list().stream().anyMatch(t -> t.getTitle().equals("Loading mlp.onnx")), RunningTasks.list().toString());
        });
        assertFalse(text.get().isBlank(), "the load's message is in the status bar");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.isBusy() && RunningTasks.list().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", bar(robot).getText(), "nothing runs: no task text");
        assertEquals(0, bar(robot).getProgress());
        assertFalse(robot.lookup("#status-tasks").queryButton().isVisible());
        assertTrue(robot.lookup("#status").queryLabeled().getText().startsWith("Laid out"), "the status line keeps its own text");
    }

    @Test
    void theTaskListCancelsLongWork(FxRobot robot) throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean interrupted = new java.util.concurrent.atomic.AtomicBoolean();
        Task<Void> work = new Task<>() {
            {
                updateTitle("Long test work");
            }

            @Override
            protected Void call() throws Exception {
                updateMessage("Working through 10 steps…");
                updateProgress(3, 10);
                try {
                    never.await();
                } catch (InterruptedException e) {
                    interrupted.set(true); // Cancel interrupts the worker
                }
                return null;
            }
        };
        robot.interact(() -> Workers.start(work, "status-bar-test"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bar(robot).getProgress() == 0.3);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Working through 10 steps…", bar(robot).getText());
        assertEquals(0.3, bar(robot).getProgress(), 1e-9);
        Button tasks = robot.lookup("#status-tasks").queryButton();
        AtomicReference<String> running = new AtomicReference<>();
        robot.interact(() -> running.set(RunningTasks.list().stream().map(t -> t.getTitle() + " " + t.getState()).toList().toString()));
        assertEquals("1 task", tasks.getText(), running.get());
        robot.clickOn(tasks);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#task-progress-view .label").queryAll().stream()
                .anyMatch(n -> n instanceof Labeled l && "Long test work".equals(l.getText())), "the task is listed by its title");
        robot.clickOn(robot.lookup("#task-progress-view .button").queryButton());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, interrupted::get);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(tasks.isVisible(), "nothing left to list");
        assertEquals("", bar(robot).getText());
    }

    @Test
    void anExportIsANoticeAndAFailedOneADialog(FxRobot robot) throws Exception {
        Path file = SampleLibrary.ensure("mlp", dir);
        robot.interact(() -> window.open(file));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.isBusy());
        GraphView view = window.graphView();
        Path svg = dir.resolve("mlp-graph.svg");
        AtomicReference<Task<Void>> export = new AtomicReference<>();
        robot.interact(() -> export.set(GraphExportAction.export(view, false, svg, s -> {})));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> export.get().isDone());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shown(robot, "Exported mlp-graph.svg"));
        assertTrue(Files.isRegularFile(svg));
        assertTrue(robot.lookup(".dialog-pane").tryQuery().isEmpty(), "no dialog to dismiss for news");

        Path blocked = Files.writeString(dir.resolve("not-a-folder"), "x").resolve("graph.svg");
        robot.interact(() -> export.set(GraphExportAction.export(view, false, blocked, s -> {})));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> export.get().isDone());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#error-dialog").tryQuery().isPresent());
        DialogPane error = robot.lookup("#error-dialog").query();
        assertTrue(error.getContentText().contains("not-a-folder"), "the error names the path and stays until read: " + error.getContentText());
        robot.interact(() -> error.getScene().getWindow().hide());
    }

    private static boolean shown(FxRobot robot, String text) {
        return robot.lookup(".label").queryAll().stream().anyMatch(n -> n instanceof Labeled l && text.equals(l.getText()) && l.isVisible());
    }
}
