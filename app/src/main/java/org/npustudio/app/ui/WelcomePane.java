package org.npustudio.app.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** What the window shows before a model is open. */
final class WelcomePane extends VBox {
    WelcomePane(Runnable onOpen) {
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
        getChildren().addAll(title, tagline, open, hint);
    }
}
