package org.npustudio.graphview.ui;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * The long work running now, for the status bar and its task list: every {@link Task} started through
 * {@link Workers#start} that has a title (the title says what it is, e.g. "Loading resnet50.onnx"); it leaves
 * the list when it succeeds, fails or is cancelled. Untitled tasks (a version probe, a hash) are not listed.
 * The list lives on the FX thread.
 */
public final class RunningTasks {
    private static final ObservableList<Task<?>> TASKS = FXCollections.observableArrayList();
    private static final ObservableList<Task<?>> VIEW = FXCollections.unmodifiableObservableList(TASKS);

    private RunningTasks() {}

    /** The running titled tasks, oldest first; read on the FX thread. */
    public static ObservableList<Task<?>> list() { return VIEW; }

    static void track(Task<?> task) {
        if (!Platform.isFxApplicationThread()) {
            Platform.runLater(() -> track(task));
            return;
        }
        if (task.isDone()) return;
        task.stateProperty().addListener((o, was, now) -> {
            if (task.isDone()) TASKS.remove(task);
        });
        if (titled(task)) TASKS.add(task);
        else task.titleProperty().addListener((o, was, now) -> { // a task may name itself once it runs
            if (titled(task) && !task.isDone() && !TASKS.contains(task)) TASKS.add(task);
        });
    }

    private static boolean titled(Task<?> task) { return task.getTitle() != null && !task.getTitle().isBlank(); }
}
