package org.npustudio.app.ui.diff;

import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;

/** A small window following a background task (message, progress, Cancel); it closes when the task ends. */
final class TaskProgressWindow {
    private TaskProgressWindow() {}

    static Stage show(Window owner, Task<?> task) {
        Stage stage = new Stage(StageStyle.UTILITY);
        if (owner != null) stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        Label message = new Label();
        message.setId("task-progress-message");
        message.textProperty().bind(task.messageProperty());
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(360);
        bar.progressProperty().bind(task.progressProperty());
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> task.cancel());
        VBox box = new VBox(10, message, bar, cancel);
        box.setPadding(new Insets(14));
        stage.setScene(new Scene(box));
        stage.titleProperty().bind(task.titleProperty());
        task.runningProperty().addListener((o, was, now) -> {
            if (!now) stage.close();
        });
        stage.show();
        return stage;
    }
}
