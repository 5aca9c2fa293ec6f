package org.npustudio.app.ui.lesson;

import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.npustudio.error.StudioException;
import org.npustudio.graphview.ui.Workers;

/**
 * Runs lesson work off the FX thread, one job at a time and in order (a {@code LessonSession} is not
 * thread-safe; checks open models, run ONNX Runtime and the simulator). Results and one-line errors come
 * back on the FX thread; {@link #busyProperty()} is true while any job is queued or running.
 */
final class LessonWorker {
    /** Work that may fail with a user-facing problem. */
    interface Job<T> {
        T run() throws StudioException;
    }

    private final ExecutorService worker = Workers.single("lesson");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private int pending;

    ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    /** Runs {@code job}; {@code done} gets its result, {@code failed} the one-line message (both on the FX thread). */
    <T> void submit(Job<T> job, Consumer<T> done, Consumer<String> failed) {
        pending++;
        busy.set(true);
        worker.submit(() -> {
            T value = null;
            String error = null;
            try {
                value = job.run();
            } catch (StudioException e) {
                error = e.oneLine();
            } catch (RuntimeException | OutOfMemoryError e) {
                error = StudioException.describe(e);
            }
            T v = value;
            String err = error;
            Platform.runLater(() -> {
                try {
                    if (err == null) done.accept(v);
                    else failed.accept(err);
                } finally {
                    if (--pending == 0) busy.set(false);
                }
            });
        });
    }

    void shutdown() { worker.shutdownNow(); }
}
