package org.npustudio.app.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;

/**
 * What the window shows while a model loads, from its first frame on: which file ("Opening resnet50.onnx"),
 * how big it is, a progress bar and the loader's current step, so a large model never leaves a blank window.
 */
final class LoadingPane extends VBox {
    LoadingPane(Task<?> task, Path file) {
        setId("loading");
        getStyleClass().add("loading-pane");
        setAlignment(Pos.CENTER);
        setSpacing(10);
        Label title = new Label("Opening " + file.getFileName() + "…");
        title.setId("loading-title");
        title.getStyleClass().add("loading-title");
        Label size = new Label(describe(file));
        size.setId("loading-size");
        size.getStyleClass().add("loading-detail");
        ProgressBar bar = new ProgressBar();
        bar.setId("loading-progress");
        bar.setPrefWidth(320);
        bar.progressProperty().bind(task.progressProperty());
        Label message = new Label();
        message.setId("loading-message");
        message.getStyleClass().add("loading-detail");
        message.textProperty().bind(task.messageProperty());
        getChildren().addAll(title, size, bar, message);
    }

    /** "97.7 MB · /models": the file's size and folder (no size when it cannot be read; the load will say why). */
    static String describe(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        try {
            return megabytes(Files.size(file)) + (folder == null ? "" : " · " + folder);
        } catch (IOException e) {
            return folder == null ? "" : folder.toString();
        }
    }

    static String megabytes(long bytes) {
        return bytes < 100_000 ? String.format("%.1f kB", bytes / 1e3) : String.format("%.1f MB", bytes / 1e6);
    }
}
