package org.npustudio.app.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.npustudio.error.StudioException;
import org.npustudio.graphview.ui.GraphView;
import org.npustudio.profiler.data.ExternalOverlay;

/**
 * Profile > Load Overlay…: colours the open graph by another tool's per-node values (an ONNX Runtime
 * profile or Model Explorer node data, docs/profiler.md "Overlays from outside"), the same overlay as
 * {@code npustudio render --overlay}. A later simulation replaces it, as it replaces any overlay.
 */
final class OverlayLoadAction {
    private OverlayLoadAction() {}

    static void run(Window owner, GraphView view, LoadedModel model, Path dir, Consumer<String> status) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Load Overlay");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("ONNX Runtime profile or Model Explorer node data (*.json)", "*.json"));
        if (dir != null && dir.toFile().isDirectory()) chooser.setInitialDirectory(dir.toFile());
        File f = chooser.showOpenDialog(owner);
        if (f != null) apply(owner, view, model, f.toPath(), status);
    }

    /** Reads, matches and shows the overlay without asking (also used by tests); false with a one-line dialog when it cannot. */
    static boolean apply(Window owner, GraphView view, LoadedModel model, Path file, Consumer<String> status) {
        try {
            ExternalOverlay.Match m = ExternalOverlay.load(file, model.model().graph(), model.summary().name());
            view.overlayProperty().set(ExternalOverlay.overlay(m, model.model().graph()));
            status.accept(m.summary());
            return true;
        } catch (StudioException e) {
            status.accept("Overlay not loaded: " + e.oneLine());
            if (owner != null) ErrorDialog.show(owner, "Overlay not loaded", e.oneLine());
            return false;
        }
    }
}
