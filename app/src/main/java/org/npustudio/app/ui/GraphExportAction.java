package org.npustudio.app.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.npustudio.graphview.render.GraphCanvas;
import org.npustudio.graphview.scene.ExportOptions;
import org.npustudio.graphview.scene.GraphScene;
import org.npustudio.graphview.scene.Overlay;
import org.npustudio.graphview.scene.SceneExport;
import org.npustudio.graphview.ui.GraphView;
import org.npustudio.graphview.ui.Workers;

/** File > Export: the current view or the whole graph as PNG or SVG, written on a worker thread. */
final class GraphExportAction {
    private GraphExportAction() {}

    static void run(Window owner, GraphView view, LoadedModel model, boolean viewOnly, String extension, Path dir,
                    Consumer<String> status) {
        GraphScene scene = view.getGraphScene();
        if (scene == null) {
            status.accept("Nothing to export yet: the graph is still being laid out");
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(viewOnly ? "Export View" : "Export Graph");
        String up = extension.toUpperCase(Locale.ROOT);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(up + " image (*." + extension + ")", "*." + extension));
        String base = model == null ? "graph" : model.summary().name().replaceAll("[^A-Za-z0-9._-]", "_");
        chooser.setInitialFileName(base + (viewOnly ? "-view." : ".") + extension);
        if (dir != null && dir.toFile().isDirectory()) chooser.setInitialDirectory(dir.toFile());
        File f = chooser.showSaveDialog(owner);
        if (f == null) return;
        Path target = f.getName().toLowerCase(Locale.ROOT).endsWith("." + extension) ? f.toPath() : Path.of(f.getPath() + "." + extension);
        export(view, viewOnly, target, status);
    }

    /** Writes without asking (also used by tests); the scene is immutable, so a worker may read it. */
    static Task<Void> export(GraphView view, boolean viewOnly, Path target, Consumer<String> status) {
        GraphScene scene = view.getGraphScene();
        Overlay overlay = view.overlayProperty().get();
        ExportOptions options;
        if (viewOnly) {
            GraphCanvas c = view.canvas();
            double[] w = c.viewport().visibleWorld(c.getWidth(), c.getHeight());
            options = ExportOptions.region(view.edgeLabelsProperty().get(), w[0], w[1], w[2], w[3], c.viewport().scale());
        } else {
            options = ExportOptions.wholeGraph(view.edgeLabelsProperty().get());
        }
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() throws Exception {
                SceneExport.write(target, scene, overlay, options);
                return null;
            }
        };
        status.accept("Exporting " + target.getFileName() + " …");
        task.setOnSucceeded(e -> status.accept("Exported " + target));
        task.setOnFailed(e -> status.accept("Could not export " + target + ": " + task.getException().getMessage()));
        Workers.start(task, "graph-export");
        return task;
    }
}
