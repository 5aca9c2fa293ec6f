package org.npustudio.app.ui;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.stage.Window;
import org.npustudio.graphview.render.GraphCanvas;
import org.npustudio.graphview.scene.ExportOptions;
import org.npustudio.graphview.scene.GraphScene;
import org.npustudio.graphview.scene.SceneExport;
import org.npustudio.graphview.ui.GraphView;

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
        String base = (model == null ? "graph" : model.summary().name()) + (viewOnly ? "-view" : "");
        Path target = ImageExport.choose(owner, viewOnly ? "Export View" : "Export Graph", extension, base, dir);
        if (target != null) export(view, viewOnly, target, status);
    }

    /** Writes without asking (also used by tests); the scene is immutable, so a worker may read it. */
    static Task<Void> export(GraphView view, boolean viewOnly, Path target, Consumer<String> status) {
        ExportOptions options;
        if (viewOnly) {
            GraphCanvas c = view.canvas();
            double[] w = c.viewport().visibleWorld(c.getWidth(), c.getHeight());
            options = ExportOptions.region(view.edgeLabelsProperty().get(), w[0], w[1], w[2], w[3], c.viewport().scale());
        } else {
            options = ExportOptions.wholeGraph(view.edgeLabelsProperty().get());
        }
        return ImageExport.write(view.getScene() == null ? null : view.getScene().getWindow(), SceneExport.drawing(view.getGraphScene(), view.overlayProperty().get(), options), target, status, "graph-export");
    }
}
