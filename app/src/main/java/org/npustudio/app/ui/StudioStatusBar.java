package org.npustudio.app.ui;

import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.controlsfx.control.PopOver;
import org.controlsfx.control.StatusBar;
import org.controlsfx.control.TaskProgressView;
import org.npustudio.graphview.ui.RunningTasks;

/**
 * The main window's status bar (ControlsFX): the status line on the left (what was opened, laid out, written),
 * then the newest running task's message with its progress, and a "N tasks" button that lists every running task
 * with its progress and a Cancel button (a {@link TaskProgressView} in a pop-over). Tasks come from
 * {@link RunningTasks}: whatever is started through {@code Workers.start} with a title.
 */
final class StudioStatusBar extends StatusBar {
    private final Button tasksButton = new Button();
    private final TaskProgressView<Task<?>> taskView = new TaskProgressView<>();
    private PopOver popOver;
    private Task<?> shown;

    StudioStatusBar(Label status) {
        setId("status-bar");
        setText("");
        getLeftItems().add(status);
        tasksButton.setId("status-tasks");
        tasksButton.getStyleClass().add("status-tasks");
        tasksButton.setFocusTraversable(false);
        tasksButton.setOnAction(e -> toggleTaskList());
        taskView.setId("task-progress-view");
        taskView.setPrefSize(440, 150);
        getRightItems().add(tasksButton);
        RunningTasks.list().addListener((ListChangeListener<Task<?>>) c -> {
            while (c.next()) {
                for (Task<?> t : c.getAddedSubList()) if (!RunningTasks.ended(t)) taskView.getTasks().add(t);
            }
            follow();
        });
        RunningTasks.list().forEach(t -> taskView.getTasks().add(t));
        follow();
    }

    /** The pop-over listing the running tasks (for tests and the command palette); shown by the button. */
    TaskProgressView<Task<?>> taskView() { return taskView; }

    /** Shows the newest running task's message and progress; hides both when nothing runs. */
    private void follow() {
        var tasks = RunningTasks.list();
        Task<?> newest = tasks.isEmpty() ? null : tasks.get(tasks.size() - 1);
        tasksButton.setText(tasks.size() == 1 ? "1 task" : tasks.size() + " tasks");
        tasksButton.setVisible(!tasks.isEmpty());
        tasksButton.setManaged(!tasks.isEmpty());
        if (newest == shown) return;
        shown = newest;
        textProperty().unbind();
        progressProperty().unbind();
        if (newest == null) {
            setText("");
            setProgress(0);
            if (popOver != null) popOver.hide();
            return;
        }
        textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> newest.getMessage() == null || newest.getMessage().isBlank() ? newest.getTitle() + " …" : newest.getMessage(),
                newest.messageProperty(), newest.titleProperty()));
        // -1 is indeterminate; a task that has not reported yet is shown as working, not as 0 %.
        progressProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> newest.getProgress() <= 0 ? -1 : newest.getProgress(), newest.progressProperty()));
    }

    void toggleTaskList() {
        if (popOver != null && popOver.isShowing()) {
            popOver.hide();
            return;
        }
        if (popOver == null) {
            popOver = new PopOver(taskView);
            popOver.setArrowLocation(PopOver.ArrowLocation.BOTTOM_RIGHT);
            popOver.setTitle("Running tasks");
            popOver.setHeaderAlwaysVisible(true);
            popOver.setDetachable(false);
        }
        popOver.show(tasksButton);
    }
}
