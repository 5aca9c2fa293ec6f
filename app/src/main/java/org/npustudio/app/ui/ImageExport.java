package org.npustudio.app.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.npustudio.graphview.scene.SceneExport;
import org.npustudio.graphview.ui.Notices;
import org.npustudio.graphview.ui.Workers;

/** What the graph and chart exports share: choosing a PNG or SVG file and writing a drawing on a worker thread. */
final class ImageExport {
    private ImageExport() {}

    /** Asks for a file of this extension (added when the user left it off); null when cancelled. */
    static Path choose(Window owner, String title, String extension, String baseName, Path dir) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        String up = extension.toUpperCase(Locale.ROOT);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(up + " image (*." + extension + ")", "*." + extension));
        chooser.setInitialFileName(baseName.replaceAll("[^A-Za-z0-9._-]", "_") + "." + extension);
        if (dir != null && dir.toFile().isDirectory()) chooser.setInitialDirectory(dir.toFile());
        File f = chooser.showSaveDialog(owner);
        if (f == null) return null;
        return f.getName().toLowerCase(Locale.ROOT).endsWith("." + extension) ? f.toPath() : Path.of(f.getPath() + "." + extension);
    }

    /** Writes the drawing atomically on a worker (it must not change meanwhile), reporting progress and the outcome. */
    static Task<Void> write(SceneExport.Drawing drawing, Path target, Consumer<String> status, String worker) {
        return write(null, drawing, target, status, worker);
    }

    /** As above; with an owner, success is also a notice over it and a failure a dialog (an error is never only a status line). */
    static Task<Void> write(Window owner, SceneExport.Drawing drawing, Path target, Consumer<String> status, String worker) {
        Task<Void> task = new Task<>() {
            {
                updateTitle("Exporting " + target.getFileName());
            }

            @Override
            protected Void call() throws Exception {
                SceneExport.write(target, drawing);
                return null;
            }
        };
        status.accept("Exporting " + target.getFileName() + " …");
        task.setOnSucceeded(e -> {
            status.accept("Exported " + target);
            Notices.info(owner, "Exported " + target.getFileName(), target.toString());
        });
        task.setOnFailed(e -> {
            String msg = target + ": " + task.getException().getMessage();
            status.accept("Could not export " + msg);
            if (owner != null) ErrorDialog.show(owner, "Could not export " + target.getFileName(), msg);
        });
        Workers.start(task, worker);
        return task;
    }
}
