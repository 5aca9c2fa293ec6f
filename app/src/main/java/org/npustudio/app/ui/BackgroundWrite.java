package org.npustudio.app.ui;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.concurrent.Task;
import javafx.stage.Window;
import org.npustudio.error.StudioException;
import org.npustudio.graphview.ui.Notices;
import org.npustudio.graphview.ui.Workers;

/**
 * Runs a file export on a worker: a status line while it writes, then what was written (also as a notice that fades), or one
 * line and a dialog naming the problem.
 */
final class BackgroundWrite {
    private BackgroundWrite() {}

    /** {@code what}: "the trace", "the report"…; {@code done}: the status after success. Returns the started task. */
    static <T> Task<T> start(Window owner, Task<T> task, Path target, String what, Function<T, String> done, Consumer<String> status,
                             String workerName) {
        status.accept("Writing " + what + " " + target + " …");
        task.setOnSucceeded(e -> {
            String line = done.apply(task.getValue());
            status.accept(line);
            Notices.info(owner, "Wrote " + what, line);
        });
        task.setOnFailed(e -> {
            Throwable t = task.getException();
            String msg = t instanceof StudioException se ? se.oneLine() : target + ": " + t.getMessage();
            status.accept("Could not write " + what + ": " + msg);
            if (owner != null) ErrorDialog.show(owner, "Could not write " + what, msg);
        });
        Workers.start(task, workerName);
        return task;
    }
}
