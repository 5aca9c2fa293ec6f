package org.npustudio.app.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Shows a user-facing problem as a dialog with its one-line message (never a stack trace; see {@code StudioException.describe}). */
public final class ErrorDialog {
    private ErrorDialog() {}

    public static Alert show(Window owner, String header, String oneLine) {
        Alert a = new Alert(Alert.AlertType.ERROR, oneLine, ButtonType.OK);
        a.initOwner(owner);
        a.setTitle("NPU Studio");
        a.setHeaderText(header);
        a.getDialogPane().setId("error-dialog");
        a.getDialogPane().setMinWidth(520);
        a.show();
        return a;
    }
}
