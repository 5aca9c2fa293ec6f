package org.npustudio.app.ui;

import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;

/** A centred progress indicator bound to a running load. */
final class LoadingPane extends VBox {
    LoadingPane(Task<?> task) {
        setId("loading");
        setAlignment(Pos.CENTER);
        setSpacing(12);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.progressProperty().bind(task.progressProperty());
        spinner.setPrefSize(56, 56);
        Label message = new Label();
        message.textProperty().bind(task.messageProperty());
        getChildren().addAll(spinner, message);
    }
}
