package org.npustudio.app.ui.help;

import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.npustudio.app.Version;
import org.npustudio.graphview.ui.Workers;
import org.npustudio.runtime.OrtRunner;

/**
 * Help ▸ About NPU Studio: the product, Java, JavaFX and ONNX Runtime versions. ONNX Runtime's version needs its
 * native library, so it is read in the background (the first use loads it) and shown when known.
 */
final class AboutWindow {
    private AboutWindow() {}

    static Stage create(Window owner) {
        Label name = new Label("NPU Studio " + Version.get());
        name.setId("about-version");
        name.getStyleClass().add("help-title");
        Label ort = new Label("…");
        ort.setId("about-ort");
        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(4);
        facts.addRow(0, new Label("Java"), new Label(System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"));
        facts.addRow(1, new Label("JavaFX"), new Label(System.getProperty("javafx.runtime.version", "unknown")));
        facts.addRow(2, new Label("ONNX Runtime"), ort);
        Label what = new Label("Import ONNX models, compile them for an NPU, simulate, profile and partition them.");
        what.setWrapText(true);
        VBox box = new VBox(10, name, what, facts);
        box.setPadding(new Insets(16));
        box.setId("about-window");
        Task<String> version = new Task<>() {
            @Override
            protected String call() {
                try {
                    return OrtRunner.ortVersion();
                } catch (RuntimeException | LinkageError e) { // no native library for this platform
                    return "not available (" + e.getClass().getSimpleName() + ")";
                }
            }
        };
        version.setOnSucceeded(e -> ort.setText(version.getValue()));
        version.setOnFailed(e -> ort.setText("not available"));
        Workers.start(version, "ort-version");
        return HelpWindows.create(owner, "About NPU Studio", box, 460, 200);
    }
}
