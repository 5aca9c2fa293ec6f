package org.npustudio.graphview.ui;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;

/** A translucent panel over the graph while a layout runs: progress, message and a Cancel button. */
final class BusyOverlay extends VBox {
    private final ProgressIndicator progress = new ProgressIndicator();
    private final Label message = new Label();
    private final Button cancel = new Button("Cancel");
    private Runnable onCancel = () -> {};

    BusyOverlay() {
        setId("graph-busy");
        getStyleClass().add("graph-busy");
        setAlignment(Pos.CENTER);
        setSpacing(10);
        progress.setPrefSize(52, 52);
        cancel.setId("graph-busy-cancel");
        cancel.setOnAction(e -> onCancel.run());
        getChildren().addAll(progress, message, cancel);
        setVisible(false);
    }

    void show(ObservableValue<? extends Number> work, ObservableValue<String> text, Runnable cancelAction) {
        progress.progressProperty().unbind();
        message.textProperty().unbind();
        if (work != null) progress.progressProperty().bind(work);
        else progress.setProgress(ProgressIndicator.INDETERMINATE_PROGRESS);
        if (text != null) message.textProperty().bind(text);
        onCancel = cancelAction == null ? () -> {} : cancelAction;
        cancel.setVisible(cancelAction != null);
        setVisible(true);
    }

    void hide() {
        progress.progressProperty().unbind();
        message.textProperty().unbind();
        setVisible(false);
    }
}
