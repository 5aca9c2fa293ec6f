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
        if (ended(task)) return;
        task.stateProperty().addListener((o, was, now) -> {
            if (ended(task)) TASKS.remove(task);
        });
        if (titled(task)) TASKS.add(task);
        else task.titleProperty().addListener((o, was, now) -> { // a task may name itself once it runs
            if (titled(task) && !ended(task) && !TASKS.contains(task)) TASKS.add(task);
        });
    }

    /**
     * Succeeded, failed or cancelled, by the worker state the FX thread sees: not {@code isDone()}, which is the
     * FutureTask's and may still be false when the SUCCEEDED state arrives (the tasks then stayed listed).
     */
    public static boolean ended(Task<?> task) {
        return switch (task.getState()) {
            case SUCCEEDED, FAILED, CANCELLED -> true;
            default -> false;
        };
    }

    private static boolean titled(Task<?> task) { return task.getTitle() != null && !task.getTitle().isBlank(); }
}
