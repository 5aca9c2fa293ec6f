package org.npustudio.app.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** What the window shows before a model is open. */
final class WelcomePane extends VBox {
    WelcomePane(Runnable onOpen, java.util.function.Consumer<java.nio.file.Path> openFile, java.util.function.Consumer<String> openSample) {
        setId("welcome");
        getStyleClass().add("welcome");
        setAlignment(Pos.CENTER);
        setSpacing(14);
        Label title = new Label("NPU Studio");
        title.getStyleClass().add("welcome-title");
        Label tagline = new Label("A visual graph compiler for deep-learning models");
        tagline.getStyleClass().add("welcome-tagline");
        Button open = new Button("Open Model…");
        open.setId("welcome-open");
        open.setDefaultButton(true);
        open.setOnAction(e -> onOpen.run());
        Label hint = new Label("or drop an .onnx file anywhere in this window");
        hint.getStyleClass().add("welcome-hint");
        javafx.scene.layout.FlowPane samples = new javafx.scene.layout.FlowPane(8, 8);
        samples.setAlignment(Pos.CENTER);
        samples.getChildren().add(new Label("Samples:"));
        for (String[] s : ModelShortcuts.SAMPLES) {
            javafx.scene.control.Hyperlink l = new javafx.scene.control.Hyperlink(s[1]);
            l.setId("welcome-sample-" + s[0]);
            l.setOnAction(e -> openSample.accept(s[0]));
            samples.getChildren().add(l);
        }
        getChildren().addAll(title, tagline, open, hint, samples);
        java.util.List<java.nio.file.Path> recent = StudioPrefs.recent();
        if (!recent.isEmpty()) {
            VBox list = new VBox(2);
            list.setAlignment(Pos.CENTER);
            list.getChildren().add(new Label("Recent:"));
            for (int i = 0; i < Math.min(5, recent.size()); i++) {
                java.nio.file.Path f = recent.get(i);
                javafx.scene.control.Hyperlink l = new javafx.scene.control.Hyperlink(f.getFileName() + "  —  " + f.getParent());
                l.setId("welcome-recent-" + i);
                l.setMnemonicParsing(false);
                l.setOnAction(e -> openFile.accept(f));
                list.getChildren().add(l);
            }
            getChildren().add(list);
        }
    }
}
