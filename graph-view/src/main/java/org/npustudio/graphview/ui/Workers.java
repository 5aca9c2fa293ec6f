package org.npustudio.graphview.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Background threads of the IDE. They are daemons, so quitting never waits for an export, a layout or a
 * simulation still running, and they carry a name that says what they do (seen in thread dumps and JFR).
 */
public final class Workers {
    private Workers() {}

    /**
     * Runs {@code work} (typically a JavaFX {@code Task}) on a new named daemon thread; returns it for chaining.
     * A task with a title is listed in {@link RunningTasks} while it runs (the status bar shows it).
     */
    public static <T extends Runnable> T start(T work, String name) {
        if (work instanceof javafx.concurrent.Task<?> task) RunningTasks.track(task);
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
        return work;
    }

    /** One named daemon thread that runs submitted jobs in order. */
    public static ExecutorService single(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
