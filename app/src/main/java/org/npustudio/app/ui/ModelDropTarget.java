package org.npustudio.app.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

/** Lets the user drop an .onnx file anywhere on the window to open it. */
final class ModelDropTarget {
    private ModelDropTarget() {}

    static void install(Scene scene, Consumer<Path> open) {
        scene.setOnDragOver(e -> {
            if (modelIn(e.getDragboard()).isPresent()) e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        });
        scene.setOnDragDropped((DragEvent e) -> {
            Optional<Path> model = modelIn(e.getDragboard());
            model.ifPresent(open);
            e.setDropCompleted(model.isPresent());
            e.consume();
        });
    }

    /** The first dragged file that is named *.onnx. */
    static Optional<Path> modelIn(Dragboard db) {
        if (!db.hasFiles()) return Optional.empty();
        for (File f : db.getFiles()) {
            if (f.getName().toLowerCase().endsWith(".onnx")) return Optional.of(f.toPath());
        }
        return Optional.empty();
    }
}
